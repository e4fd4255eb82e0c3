package io.proxima.live.socket;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives this application's WebSocket container a plain scheduler for its idle timers.
 *
 * <p>Tyrus (Payara's WebSocket implementation) re-arms a session's idle timer on every frame read
 * and every frame written, even with the idle timeout off, and it arms it on the container's
 * managed scheduled executor. Each task handed to a managed executor captures the container context
 * first, and that capture looks up service files through the thread's context class loader: for a
 * frame read, this WAR's loader and its 130 jars. The chat benchmark found socket threads queued on
 * those jar lookups (and on the session lock held across them) as the largest cost of a chat
 * message. The timers need no container context (they only close a session that has been idle too
 * long, and this platform keeps the timeout off and pings its sockets itself), so they run on one
 * plain daemon thread instead. Without the fields this relies on (another Tyrus), the container is
 * left as it is and says so once.
 */
@WebListener
public class SocketTimers implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(SocketTimers.class.getName());
  static final String CONTAINER = "jakarta.websocket.server.ServerContainer";

  private ScheduledExecutorService timers;

  @Override
  public void contextInitialized(ServletContextEvent started) {
    Object container = started.getServletContext().getAttribute(CONTAINER);
    if (container == null) {
      return;
    }
    ScheduledThreadPoolExecutor plain =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "proxima-socket-timers");
              thread.setDaemon(true);
              thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
              return thread;
            });
    // Every frame cancels the timer it armed before: do not keep cancelled tasks queued.
    plain.setRemoveOnCancelPolicy(true);
    if (replaceScheduler(container, plain)) {
      timers = plain;
    } else {
      plain.shutdownNow();
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent stopped) {
    if (timers != null) {
      timers.shutdownNow();
    }
  }

  /** Whether {@code container} now arms its sessions' timers on {@code scheduler}. */
  static boolean replaceScheduler(Object container, ScheduledExecutorService scheduler) {
    try {
      Field managed = field(container.getClass(), "managedScheduledExecutorService");
      Field own = field(container.getClass(), "scheduledExecutorService");
      own.set(container, scheduler);
      managed.set(container, null);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          Level.INFO,
          "WebSocket idle timers stay on the container's managed executor ("
              + e
              + "); each frame pays a context capture",
          e);
      return false;
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new NoSuchFieldException(name);
  }
}
