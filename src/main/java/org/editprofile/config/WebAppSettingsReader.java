package org.editprofile.config;

import static org.editprofile.config.SettingsLoader.CLIENT_ID;
import static org.editprofile.config.SettingsLoader.EDIT_PROFILE_API_URL;
import static org.editprofile.config.SettingsLoader.EDIT_PROFILE_SCOPE;
import static org.editprofile.config.SettingsLoader.POST_LOGOUT_REDIRECT_URI;
import static org.editprofile.config.SettingsLoader.REDIRECT_URI;
import static org.editprofile.config.SettingsLoader.SESSION_ENCRYPTION_KEY;
import static org.editprofile.config.SettingsLoader.SESSION_LIFETIME_SECONDS;
import static org.editprofile.config.SettingsLoader.SIGN_IN_TIMEOUT_SECONDS;
import static org.editprofile.config.SettingsLoader.STEP_UP_AUTH_CONTEXT;
import static org.editprofile.config.SettingsLoader.STEP_UP_MODE;
import static org.editprofile.config.SettingsLoader.WEB_APP_CREDENTIAL;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.editprofile.Routes;
import org.editprofile.credential.ClientCredentialSource;

/**
 * The web app's settings: its registration and credential, its addresses, the edit profile scope
 * and service, the sign-in's and the session's lifetimes, the session keys and the shared store.
 */
final class WebAppSettingsReader {

  private final SettingReader settings;

  WebAppSettingsReader(SettingReader settings) {
    this.settings = settings;
  }

  WebAppSettings read() {
    String clientId = settings.required(CLIENT_ID);
    ClientCredentialSource credential =
        new CredentialSettings(settings, WEB_APP_CREDENTIAL, "the web app").read();
    URI redirectUri = settings.requiredUrl(REDIRECT_URI);
    URI postLogout =
        settings
            .optional(POST_LOGOUT_REDIRECT_URI)
            .map(v -> settings.url(POST_LOGOUT_REDIRECT_URI, v))
            .orElseGet(() -> defaultPostLogout(redirectUri));
    Optional<URI> apiUrl =
        settings.optional(EDIT_PROFILE_API_URL).map(v -> settings.url(EDIT_PROFILE_API_URL, v));
    Optional<String> authContext = stepUpAuthContext();
    // The service's scope is the MFA gate in api-scope mode and what the service is called with in
    // both; an app that edits through Graph in auth-context mode needs neither.
    Optional<String> editScope =
        authContext.isPresent() && apiUrl.isEmpty()
            ? settings.optional(EDIT_PROFILE_SCOPE)
            : Optional.ofNullable(settings.required(EDIT_PROFILE_SCOPE));
    Duration signInTimeout = settings.seconds(SIGN_IN_TIMEOUT_SECONDS, 600);
    settings
        .sessionTimeout()
        .filter(idle -> signInTimeout.compareTo(idle) > 0)
        .ifPresent(
            idle ->
                settings.problem(
                    SIGN_IN_TIMEOUT_SECONDS
                        + " ("
                        + signInTimeout.toSeconds()
                        + " s) may not exceed the session timeout ("
                        + idle.toSeconds()
                        + " s): the session that waits for the sign-in would end first"));
    Duration lifetime =
        settings.duration(
            SESSION_LIFETIME_SECONDS, 12 * 3600, 7 * 24 * 3600, ChronoUnit.SECONDS, "seconds");
    List<byte[]> keys = sessionEncryptionKeys();
    Optional<SessionStoreSettings> store = new SessionStoreSettingsReader(settings).read(keys);
    return new WebAppSettings(
        clientId,
        credential,
        redirectUri,
        postLogout,
        editScope,
        apiUrl,
        authContext,
        signInTimeout,
        lifetime,
        keys,
        store);
  }

  /**
   * The authentication context of auth-context mode, empty in api-scope mode (the default); a
   * context set for the other mode is a mistake worth naming rather than ignoring.
   */
  private Optional<String> stepUpAuthContext() {
    String mode = settings.optional(STEP_UP_MODE).orElse("api-scope").strip();
    Optional<String> context = settings.optional(STEP_UP_AUTH_CONTEXT);
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "api-scope" -> {
        context.ifPresent(
            c ->
                settings.problem(
                    STEP_UP_AUTH_CONTEXT
                        + " is set but "
                        + STEP_UP_MODE
                        + " is api-scope: set "
                        + STEP_UP_MODE
                        + "=auth-context to use it, or remove it"));
        return Optional.empty();
      }
      case "auth-context" -> {
        if (context.isEmpty()) {
          settings.problem(
              STEP_UP_AUTH_CONTEXT
                  + " is missing: the authentication context (c1 to c25) whose Conditional Access"
                  + " policy requires MFA ("
                  + STEP_UP_MODE
                  + " is auth-context)");
          return Optional.empty();
        }
        return Optional.ofNullable(settings.authContext(STEP_UP_AUTH_CONTEXT, context.get()));
      }
      default -> {
        settings.problem(STEP_UP_MODE + " must be api-scope or auth-context");
        return Optional.empty();
      }
    }
  }

  /**
   * The token cache's keys: each base64 (standard or URL-safe) of exactly 32 bytes. A malformed key
   * is a configuration error, never a reason to store tokens in clear.
   */
  private List<byte[]> sessionEncryptionKeys() {
    Optional<String> setting = settings.secret(SESSION_ENCRYPTION_KEY);
    if (setting.isEmpty()) {
      return List.of();
    }
    List<byte[]> keys = new ArrayList<>();
    // Comma-separated in a variable; one per line is fine in a file.
    String[] parts = setting.get().strip().split("[,\\s]+");
    for (int i = 0; i < parts.length; i++) {
      byte[] key = base64(parts[i].strip());
      if (key == null || key.length != 32) {
        settings.problem(
            SESSION_ENCRYPTION_KEY
                + ": key "
                + (i + 1)
                + " of "
                + parts.length
                + " is not the base64 of 32 random bytes (make one with: openssl rand -base64 32)");
      } else {
        keys.add(key);
      }
    }
    return keys;
  }

  private static byte[] base64(String text) {
    try {
      return text.contains("-") || text.contains("_")
          ? Base64.getUrlDecoder().decode(text)
          : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static URI defaultPostLogout(URI redirectUri) {
    if (redirectUri == null) {
      return null;
    }
    String text = redirectUri.toString();
    return text.endsWith(Routes.SIGN_IN_CALLBACK)
        ? URI.create(text.substring(0, text.length() - Routes.SIGN_IN_CALLBACK.length()) + "/")
        : redirectUri.resolve("/");
  }
}
