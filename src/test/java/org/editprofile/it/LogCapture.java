package org.editprofile.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record written in this JVM (the embedded app logs through SLF4J to
 * java.util.logging), fully formatted with parameters and stack traces, so tests can scan it.
 */
final class LogCapture extends Handler implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Formatter formatter = new SimpleFormatter();

  static LogCapture start() {
    LogCapture capture = new LogCapture();
    capture.setLevel(java.util.logging.Level.ALL);
    Logger.getLogger("").addHandler(capture);
    return capture;
  }

  @Override
  public void publish(LogRecord record) {
    // The dev tenant prints one-time codes on purpose (its "email"); only the app's logs count.
    if (record.getLoggerName() == null
        || !record.getLoggerName().startsWith("org.editprofile.devtenant")) {
      lines.add(record.getLoggerName() + " " + formatter.format(record));
    }
  }

  List<String> lines() {
    return lines;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
