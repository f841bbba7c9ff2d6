package org.editprofile.config;

import static org.editprofile.config.SettingsLoader.FILE_SUFFIX;
import static org.editprofile.config.SettingsLoader.SESSION_ENCRYPTION_KEY;
import static org.editprofile.config.SettingsLoader.SESSION_STORE_PASSWORD;
import static org.editprofile.config.SettingsLoader.SESSION_STORE_URL;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The shared session store, if one is set: a Redis URL, its password, and what a store on another
 * host needs (TLS and a password) and every store needs (the session keys).
 */
final class SessionStoreSettingsReader {

  private final SettingReader settings;

  SessionStoreSettingsReader(SettingReader settings) {
    this.settings = settings;
  }

  /**
   * The shared session store, if one is set. Its sessions leave the JVM, so the token cache's keys
   * are then required: never a silent fallback to a key that a second node cannot know.
   */
  Optional<SessionStoreSettings> read(List<byte[]> keys) {
    Optional<String> url = settings.optional(SESSION_STORE_URL);
    Optional<String> password = settings.secret(SESSION_STORE_PASSWORD);
    if (url.isEmpty()) {
      if (password.isPresent()) {
        settings.problem(SESSION_STORE_PASSWORD + " is set without " + SESSION_STORE_URL);
      }
      return Optional.empty();
    }
    URI parsed;
    try {
      parsed = new URI(url.get());
    } catch (java.net.URISyntaxException e) {
      parsed = null;
    }
    if (parsed == null
        || !("redis".equals(parsed.getScheme()) || "rediss".equals(parsed.getScheme()))
        || parsed.getHost() == null
        || (parsed.getPath() != null && !parsed.getPath().matches("(/\\d{1,2})?/?"))) {
      settings.problem(
          SESSION_STORE_URL
              + " must be redis://host:port or rediss://host:port (TLS), with an optional /db");
      return Optional.empty();
    }
    if (parsed.getUserInfo() != null) {
      settings.problem(
          SESSION_STORE_URL
              + " must not carry a password: set "
              + SESSION_STORE_PASSWORD
              + " or "
              + SESSION_STORE_PASSWORD
              + FILE_SUFFIX);
      return Optional.empty();
    }
    if (!SettingReader.isLoopback(parsed.getHost())) {
      // Whoever reads the store's traffic or its contents holds every live session id.
      if (!"rediss".equals(parsed.getScheme())) {
        settings.problem(
            SESSION_STORE_URL
                + " must use rediss:// (TLS) for a store on another host: plain redis:// is only"
                + " allowed for localhost");
      }
      if (password.isEmpty()) {
        settings.problem(
            SESSION_STORE_PASSWORD
                + " (or "
                + SESSION_STORE_PASSWORD
                + FILE_SUFFIX
                + ") is required for a store on another host");
      }
    }
    if (keys.isEmpty()
        && settings.optional(SESSION_ENCRYPTION_KEY).isEmpty()
        && settings.optional(SESSION_ENCRYPTION_KEY + FILE_SUFFIX).isEmpty()) {
      settings.problem(
          SESSION_ENCRYPTION_KEY
              + " is required with "
              + SESSION_STORE_URL
              + ": every node must open the token caches the others sealed, and none may reach"
              + " the store in clear");
    }
    return Optional.of(new SessionStoreSettings(parsed, password));
  }
}
