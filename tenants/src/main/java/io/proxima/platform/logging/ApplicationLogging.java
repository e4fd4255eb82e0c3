package io.proxima.platform.logging;

import jakarta.enterprise.context.ApplicationScoped;
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
 * would wrap each JSON line in its own log format. Both WARs install it; only the first one does.
 */
@ApplicationScoped
public class ApplicationLogging {

  static final String ROOT = "io.proxima";

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    install();
  }

  static synchronized void install() {
    Logger root = Logger.getLogger(ROOT);
    boolean installed =
        Arrays.stream(root.getHandlers())
            .anyMatch(handler -> handler.getClass().getName().equals(JsonStdoutHandler.NAME));
    if (installed) {
      return;
    }
    root.addHandler(new JsonStdoutHandler());
    root.setUseParentHandlers(false);
    root.setLevel(Level.INFO);
  }

  static final class JsonStdoutHandler extends StreamHandler {
    static final String NAME = JsonStdoutHandler.class.getName();

    JsonStdoutHandler() {
      super(new FileOutputStream(FileDescriptor.out), new JsonLogFormatter());
      setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(java.util.logging.LogRecord record) {
      super.publish(record);
      flush();
    }
  }

  /** For tests: the handler installed on the application's root logger, if any. */
  static Handler[] handlers() {
    return Logger.getLogger(ROOT).getHandlers();
  }
}
