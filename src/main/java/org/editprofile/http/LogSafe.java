package org.editprofile.http;

/**
 * Makes request-derived text safe for a log line: no line breaks or control characters, bounded.
 */
public final class LogSafe {

  private static final int MAX = 200;

  private LogSafe() {}

  public static String clean(Object value) {
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX));
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '_' : c);
    }
    return text.length() > MAX ? out + "..." : out.toString();
  }

  /** The innermost cause of a failure, as "Type: message" for a log line. */
  public static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return clean(root.getClass().getSimpleName() + ": " + root.getMessage());
  }
}
