package org.editprofile.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.editprofile.Routes;

/**
 * Where to send the browser after sign-in or step-up: only a path inside this app. Anything that a
 * browser could read as another origin (scheme, "//host", "/\host"), control characters,
 * dot-segments that climb out of the app, and an encoded separator in the path are refused.
 */
public final class ReturnPath {

  private static final int MAX_LENGTH = 2048;

  private ReturnPath() {}

  public static Optional<String> parse(String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (candidate.charAt(0) != '/' || candidate.startsWith("//") || candidate.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c < 0x21 || c == 0x7f) {
        return Optional.empty();
      }
    }
    try {
      URI uri = new URI(candidate);
      if (uri.getScheme() != null
          || uri.getRawAuthority() != null
          || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      String path = uri.getRawPath();
      if (path == null
          || !path.equals(uri.normalize().getRawPath())
          || path.contains("/..")
          || path.contains("/./")
          || hasDotSegment(path)
          || hasEncodedSeparator(path)) {
        return Optional.empty();
      }
      return Optional.of(candidate);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * An encoded {@code /} or {@code \} in the path: the container refuses such a request (400), and
   * decoded it could climb out of the app, so the user lands on home instead.
   */
  private static boolean hasEncodedSeparator(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    return lower.contains("%2f") || lower.contains("%5c");
  }

  private static boolean hasDotSegment(String rawPath) {
    for (String segment : rawPath.split("/", -1)) {
      int parameters = segment.indexOf(';');
      String name =
          (parameters < 0 ? segment : segment.substring(0, parameters)).toLowerCase(Locale.ROOT);
      String decoded = name.replace("%2e", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** The path, or home when it is absent or unsafe. */
  public static String orHome(String candidate) {
    return parse(candidate).orElse(Routes.HOME);
  }
}
