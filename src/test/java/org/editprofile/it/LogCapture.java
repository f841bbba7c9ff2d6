package org.editprofile.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log line written in this JVM, fully formatted with parameters, correlation ids and
 * stack traces, so tests can scan it: what the embedded apps and MSAL4J log (each WAR's own Logback
 * writes to standard output, which is teed here line by line) and the embedded Tomcat's own logging
 * (java.util.logging).
 */
final class LogCapture implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler julHandler = new JulHandler();
  private final PrintStream originalOut = System.out;

  static LogCapture start() {
    LogCapture capture = new LogCapture();
    capture.julHandler.setLevel(java.util.logging.Level.ALL);
    java.util.logging.Logger.getLogger("").addHandler(capture.julHandler);
    System.setOut(new PrintStream(capture.new Tee(), true, StandardCharsets.UTF_8));
    return capture;
  }

  /** The dev tenant prints one-time codes on purpose (its "email"); only the app's logs count. */
  private void add(String line) {
    if (!line.contains(".devtenant.")) {
      lines.add(line);
    }
  }

  List<String> lines() {
    return lines;
  }

  @Override
  public void close() {
    java.util.logging.Logger.getLogger("").removeHandler(julHandler);
    System.out.flush();
    System.setOut(originalOut);
  }

  /** Passes standard output through and keeps each complete line. */
  private final class Tee extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      originalOut.write(b);
      if (b == '\n') {
        add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(bytes[i]);
      }
    }

    @Override
    public void flush() {
      originalOut.flush();
    }
  }

  private final class JulHandler extends Handler {
    private final Formatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
      add(logger + " " + formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
