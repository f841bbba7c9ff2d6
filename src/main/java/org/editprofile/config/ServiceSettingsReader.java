package org.editprofile.config;

import static org.editprofile.config.SettingsLoader.CLIENT_ID;
import static org.editprofile.config.SettingsLoader.CREDENTIAL_SETTINGS;
import static org.editprofile.config.SettingsLoader.SERVICE_ALLOWED_CLIENT_IDS;
import static org.editprofile.config.SettingsLoader.SERVICE_CLIENT_ID;
import static org.editprofile.config.SettingsLoader.SERVICE_CREDENTIAL;
import static org.editprofile.config.SettingsLoader.SERVICE_REQUIRED_AUTH_CONTEXT;
import static org.editprofile.config.SettingsLoader.SERVICE_SCOPE;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.editprofile.credential.ClientCredentialSource;

/**
 * The edit profile service's settings, when this server runs it: its registration and credential,
 * the scope it requires, the clients allowed to call it, and the authentication context it may
 * require.
 */
final class ServiceSettingsReader {

  private final SettingReader settings;

  ServiceSettingsReader(SettingReader settings) {
    this.settings = settings;
  }

  Optional<ServiceSettings> read() {
    Optional<String> id = settings.optional(SERVICE_CLIENT_ID);
    Optional<String> credentialSetting = credentialSetting();
    if (id.isEmpty() && credentialSetting.isEmpty()) {
      return Optional.empty();
    }
    if (id.isEmpty()) {
      settings.problem(SERVICE_CLIENT_ID + " is missing (" + credentialSetting.get() + " is set)");
      return Optional.empty();
    }
    ClientCredentialSource credential =
        new CredentialSettings(settings, SERVICE_CREDENTIAL, "the edit profile service").read();
    String scope = settings.optional(SERVICE_SCOPE).orElse(ServiceSettings.DEFAULT_SCOPE);
    Set<String> callers = allowedCallers();
    Optional<String> context =
        settings
            .optional(SERVICE_REQUIRED_AUTH_CONTEXT)
            .map(v -> settings.authContext(SERVICE_REQUIRED_AUTH_CONTEXT, v));
    return credential == null || callers.isEmpty()
        ? Optional.empty()
        : Optional.of(new ServiceSettings(id.get(), credential, scope, callers, context));
  }

  /**
   * Who may call the service: any client of the tenant could otherwise obtain a token for its scope
   * (with consent) and edit profiles through it. By default only the web app beside it.
   */
  private Set<String> allowedCallers() {
    Optional<String> listed = settings.optional(SERVICE_ALLOWED_CLIENT_IDS);
    if (listed.isPresent()) {
      Set<String> ids =
          Arrays.stream(listed.get().split("[,\\s]+"))
              .filter(idPart -> !idPart.isEmpty())
              .collect(Collectors.toUnmodifiableSet());
      if (ids.isEmpty()) {
        settings.problem(SERVICE_ALLOWED_CLIENT_IDS + " names no client id");
      }
      return ids;
    }
    Optional<String> webApp = settings.optional(CLIENT_ID);
    if (webApp.isEmpty()) {
      settings.problem(
          SERVICE_ALLOWED_CLIENT_IDS
              + " is missing: the client ids allowed to call the edit profile service"
              + " (the web app's CLIENT_ID, comma-separated for several)");
      return Set.of();
    }
    return Set.of(webApp.get());
  }

  /** The first of the service's credential settings that is set. */
  Optional<String> credentialSetting() {
    return CREDENTIAL_SETTINGS.stream()
        .map(n -> SERVICE_CREDENTIAL + n)
        .filter(n -> settings.optional(n).isPresent())
        .findFirst();
  }
}
