package org.editprofile.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads single settings from a source, and collects every problem with them, each naming its
 * setting (never its value): the primitives each section's reader is built on.
 */
final class SettingReader {

  private static final String FILE_SUFFIX = SettingsLoader.FILE_SUFFIX;

  private final SettingSource source;
  private final Clock clock;
  private final Optional<Duration> sessionTimeout;
  private final List<String> problems = new ArrayList<>();

  SettingReader(SettingSource source, Clock clock, Optional<Duration> sessionTimeout) {
    this.source = source;
    this.clock = clock;
    this.sessionTimeout = sessionTimeout;
  }

  /** Every problem found so far, in the order found. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** When certificates must be valid. */
  Clock clock() {
    return clock;
  }

  /** The container's idle session timeout, when known. */
  Optional<Duration> sessionTimeout() {
    return sessionTimeout;
  }

  Optional<String> optional(String name) {
    return source.get(name).map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * A secret: the value of {@code name}, or the content of the file {@code name_FILE} names (the
   * Docker and Kubernetes secrets convention), its trailing line break dropped. Neither the value
   * nor the file's content is ever part of a problem's text.
   */
  Optional<String> secret(String name) {
    Optional<String> value = optional(name);
    Optional<String> file = optional(name + FILE_SUFFIX);
    if (value.isPresent() && file.isPresent()) {
      problems.add("Set " + name + " or " + name + FILE_SUFFIX + ", not both");
      return Optional.empty();
    }
    if (file.isEmpty()) {
      return value;
    }
    try {
      String content =
          java.nio.file.Files.readString(Path.of(file.get()), StandardCharsets.UTF_8)
              .replaceAll("[\\r\\n]+$", "");
      if (content.isBlank()) {
        problems.add(name + FILE_SUFFIX + ": " + file.get() + " is empty");
        return Optional.empty();
      }
      return Optional.of(content);
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      problems.add(name + FILE_SUFFIX + ": cannot read " + file.get());
      return Optional.empty();
    }
  }

  void problem(String text) {
    problems.add(text);
  }

  String required(String name) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      problems.add(name + " is missing");
      return null;
    }
    return value.get();
  }

  URI requiredUrl(String name) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      problems.add(name + " is missing");
      return null;
    }
    return url(name, value.get());
  }

  /** An absolute http(s) URL; plain http only for a loopback host, as Entra itself allows. */
  URI url(String name, String value) {
    try {
      URI uri = new URI(value);
      boolean http = "http".equals(uri.getScheme());
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || !(http || "https".equals(uri.getScheme()))) {
        problems.add(name + " must be an absolute https URL");
        return null;
      }
      if (http && !isLoopback(uri.getHost())) {
        problems.add(name + " must use https (plain http is only allowed for localhost)");
        return null;
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      problems.add(name + " is not a valid URL");
      return null;
    }
  }

  /**
   * An authentication context id as Entra names them, {@code c1} to {@code c25} (Conditional
   * Access: "Authentication contexts"); null, with a problem, for anything else.
   */
  String authContext(String name, String value) {
    String id = value.strip();
    if (!AUTH_CONTEXT.matcher(id).matches()) {
      problems.add(
          name
              + " must be an authentication context id, c1 to c25 (the id shown in Conditional"
              + " Access, Authentication contexts)");
      return null;
    }
    return id;
  }

  private static final Pattern AUTH_CONTEXT = Pattern.compile("c([1-9]|1[0-9]|2[0-5])");

  Duration millis(String name, long defaultMillis) {
    return duration(name, defaultMillis, 300_000, ChronoUnit.MILLIS, "milliseconds");
  }

  Duration seconds(String name, long defaultSeconds) {
    return duration(name, defaultSeconds, 3600, ChronoUnit.SECONDS, "seconds");
  }

  /** A whole number of units between 1 and max; the default when unset. */
  Duration duration(String name, long defaultValue, long max, ChronoUnit unit, String unitName) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return Duration.of(defaultValue, unit);
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed > 0 && parsed <= max) {
        return Duration.of(parsed, unit);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be a number of " + unitName + " between 1 and " + max);
    return Duration.of(defaultValue, unit);
  }

  static boolean isLoopback(String host) {
    return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
  }

  static String withSlash(String value) {
    return value.endsWith("/") ? value : value + "/";
  }
}
