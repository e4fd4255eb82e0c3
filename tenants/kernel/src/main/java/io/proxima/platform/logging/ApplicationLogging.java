package io.proxima.platform.logging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sends everything logged under {@code io.proxima} as JSON lines to the process's standard output.
 * It writes to the file descriptor itself: Payara replaces {@code System.out} with a stream that
 * would wrap each JSON line in its own log format.
 *
 * <p>Each WAR carries its own copy of this code and so its own {@link LogContext}, while the {@code
 * io.proxima} logger is shared by the whole server. Each WAR therefore installs its own handler,
 * and a handler only takes the records logged by its WAR's threads (the thread context class loader
 * tells which): one WAR's request id or tenant never ends up on another WAR's lines. A record from
 * a thread that belongs to no WAR goes to the first handler.
 */
@ApplicationScoped
public class ApplicationLogging {

  static final String ROOT = "io.proxima";

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    install();
  }

  void onStop(@Observes @Destroyed(ApplicationScoped.class) Object ignored) {
    uninstall();
  }

  static synchronized void install() {
    Logger root = Logger.getLogger(ROOT);
    if (ownHandler(root) != null) {
      return;
    }
    root.addHandler(new JsonStdoutHandler());
    root.setUseParentHandlers(false);
    root.setLevel(Level.INFO);
  }

  static synchronized void uninstall() {
    Logger root = Logger.getLogger(ROOT);
    Handler own = ownHandler(root);
    if (own != null) {
      root.removeHandler(own);
      own.close();
    }
  }

  private static Handler ownHandler(Logger root) {
    return Arrays.stream(root.getHandlers())
        .filter(JsonStdoutHandler::isJsonHandler)
        .filter(handler -> handler.getClass() == JsonStdoutHandler.class)
        .findFirst()
        .orElse(null);
  }

  static final class JsonStdoutHandler extends StreamHandler {
    static final String NAME = JsonStdoutHandler.class.getName();

    JsonStdoutHandler() {
      super(new FileOutputStream(FileDescriptor.out), new JsonLogFormatter());
      setLevel(Level.ALL);
    }

    static boolean isJsonHandler(Handler handler) {
      return handler.getClass().getName().equals(NAME);
    }

    @Override
    public synchronized void publish(java.util.logging.LogRecord record) {
      if (!isMine()) {
        return;
      }
      super.publish(record);
      flush();
    }

    private boolean isMine() {
      ClassLoader caller = Thread.currentThread().getContextClassLoader();
      ClassLoader mine = JsonStdoutHandler.class.getClassLoader();
      if (belongsTo(caller, mine)) {
        return true;
      }
      Handler[] handlers = Logger.getLogger(ROOT).getHandlers();
      boolean anotherClaims =
          Arrays.stream(handlers)
              .filter(JsonStdoutHandler::isJsonHandler)
              .anyMatch(other -> belongsTo(caller, other.getClass().getClassLoader()));
      return !anotherClaims
          && Arrays.stream(handlers)
                  .filter(JsonStdoutHandler::isJsonHandler)
                  .findFirst()
                  .orElse(null)
              == this;
    }

    private static boolean belongsTo(ClassLoader caller, ClassLoader application) {
      for (ClassLoader loader = caller; loader != null; loader = loader.getParent()) {
        if (loader == application) {
          return true;
        }
      }
      return false;
    }
  }

  /** For tests: the handler installed on the application's root logger, if any. */
  static Handler[] handlers() {
    return Logger.getLogger(ROOT).getHandlers();
  }
}
