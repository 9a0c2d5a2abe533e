package io.teamsmeet.feign;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the SDK logs through {@link System.Logger} (backed by java.util.logging) under
 * {@code io.teamsmeet}, at every level, formatted.
 */
final class LogCapture implements AutoCloseable {

  private static final Logger ROOT = Logger.getLogger("io.teamsmeet");

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Level previous;
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          String message = record.getMessage();
          Object[] params = record.getParameters();
          if (params != null && params.length > 0) {
            message = java.text.MessageFormat.format(message, params);
          }
          lines.add(
              record.getLevel()
                  + " "
                  + record.getLoggerName()
                  + ": "
                  + message
                  + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  LogCapture() {
    previous = ROOT.getLevel();
    ROOT.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    ROOT.addHandler(handler);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    ROOT.removeHandler(handler);
    ROOT.setLevel(previous);
  }
}
