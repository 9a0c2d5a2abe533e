package io.teamsmeet.cli;

import io.teamsmeet.SafeText;
import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the SDK's {@link System.Logger} output (java.util.logging underneath) to the command's
 * stderr: warnings only by default, each HTTP request with {@code --verbose}. The SDK never logs a
 * token, code or body, so what it logs is shown as it is.
 */
final class Logging {

  private static final Logger SDK = Logger.getLogger("io.teamsmeet");

  private Logging() {}

  /** Warnings and errors of every library to {@code err}, one line each. */
  static synchronized void configure(PrintStream err) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (isLoggable(record)) {
              // a library's message can quote anything it received: one safe line each
              err.println("teams: " + SafeText.of(getFormatter().format(record)));
            }
          }

          @Override
          public void flush() {
            err.flush();
          }

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    handler.setFormatter(
        new Formatter() {
          @Override
          public String format(LogRecord record) {
            String level =
                record.getLevel().intValue() >= Level.WARNING.intValue() ? "warning: " : "";
            return level + formatMessage(record);
          }
        });
    root.addHandler(handler);
    SDK.setLevel(Level.WARNING);
  }

  /** Nothing more at all: the program is being interrupted and what fails now was cut short. */
  static synchronized void silence() {
    Logger.getLogger("").setLevel(Level.OFF);
    SDK.setLevel(Level.OFF);
  }

  /** Also each HTTP request the SDK makes (its DEBUG level). */
  static synchronized void verbose() {
    SDK.setLevel(Level.FINE);
  }
}
