package org.editprofile.config;

import static org.editprofile.config.SettingsLoader.AZURE_FEDERATED_TOKEN_FILE;
import static org.editprofile.config.SettingsLoader.CERTIFICATE_KEY_PATH;
import static org.editprofile.config.SettingsLoader.CERTIFICATE_PASSWORD;
import static org.editprofile.config.SettingsLoader.CERTIFICATE_PATH;
import static org.editprofile.config.SettingsLoader.CERTIFICATE_SEND_X5C;
import static org.editprofile.config.SettingsLoader.FEDERATED_TOKEN_FILE;
import static org.editprofile.config.SettingsLoader.SECRET;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.editprofile.credential.CertificateCredential;
import org.editprofile.credential.ClientCredentialSource;
import org.editprofile.credential.CredentialException;
import org.editprofile.credential.FederatedTokenCredential;

/**
 * Reads one registration's credential: a client secret, a certificate, or a federated token file
 * (falling back to Kubernetes workload identity's {@code AZURE_FEDERATED_TOKEN_FILE}). Exactly one
 * may be set. A certificate or token file is loaded here, so one that cannot be used is a problem
 * at start-up, not at the first sign-in.
 */
final class CredentialSettings {

  private final SettingReader settings;
  private final String prefix;
  private final String registration;

  /**
   * @param prefix the settings' common start, such as {@code CLIENT_}
   * @param registration how problems name the registration, such as "the web app"
   */
  CredentialSettings(SettingReader settings, String prefix, String registration) {
    this.settings = settings;
    this.prefix = prefix;
    this.registration = registration;
  }

  /** The credential, or null after reporting why there is none. */
  ClientCredentialSource read() {
    Optional<String> secret = settings.secret(prefix + SECRET);
    Optional<String> certificate = settings.optional(prefix + CERTIFICATE_PATH);
    Optional<String> tokenFile = settings.optional(prefix + FEDERATED_TOKEN_FILE);
    List<String> chosen = new ArrayList<>();
    secret.ifPresent(s -> chosen.add(prefix + SECRET));
    certificate.ifPresent(c -> chosen.add(prefix + CERTIFICATE_PATH));
    tokenFile.ifPresent(t -> chosen.add(prefix + FEDERATED_TOKEN_FILE));
    if (chosen.size() > 1) {
      settings.problem(
          "Set one credential for " + registration + ", not " + String.join(" and ", chosen));
      return null;
    }
    if (certificate.isEmpty() && settings.optional(prefix + CERTIFICATE_KEY_PATH).isPresent()) {
      settings.problem(
          prefix + CERTIFICATE_KEY_PATH + " is set without " + prefix + CERTIFICATE_PATH);
      return null;
    }
    if (secret.isPresent()) {
      return ClientCredentialSource.secret(secret.get());
    }
    if (certificate.isPresent()) {
      return certificate(certificate.get());
    }
    if (tokenFile.isPresent()) {
      return federatedToken(prefix + FEDERATED_TOKEN_FILE, tokenFile.get());
    }
    Optional<String> workloadIdentity = settings.optional(AZURE_FEDERATED_TOKEN_FILE);
    if (workloadIdentity.isPresent()) {
      return federatedToken(AZURE_FEDERATED_TOKEN_FILE, workloadIdentity.get());
    }
    if (!hasProblemAlready()) {
      settings.problem(
          prefix
              + SECRET
              + " is missing (or give "
              + registration
              + " a certificate with "
              + prefix
              + CERTIFICATE_PATH
              + ", or a federated token with "
              + prefix
              + FEDERATED_TOKEN_FILE
              + ")");
    }
    return null;
  }

  /** A secret file that could not be read was already named; do not call it missing as well. */
  private boolean hasProblemAlready() {
    return settings.optional(prefix + SECRET + SettingsLoader.FILE_SUFFIX).isPresent();
  }

  private ClientCredentialSource certificate(String file) {
    String sendX5c = settings.optional(prefix + CERTIFICATE_SEND_X5C).orElse("false");
    if (!sendX5c.equals("true") && !sendX5c.equals("false")) {
      settings.problem(prefix + CERTIFICATE_SEND_X5C + " must be true or false");
      return null;
    }
    Optional<String> password = settings.secret(prefix + CERTIFICATE_PASSWORD);
    try {
      return new CertificateCredential(
          Path.of(file),
          settings.optional(prefix + CERTIFICATE_KEY_PATH).map(Path::of),
          password,
          Boolean.parseBoolean(sendX5c),
          settings.clock());
    } catch (CredentialException | InvalidPathException e) {
      settings.problem(prefix + CERTIFICATE_PATH + ": " + e.getMessage());
      return null;
    }
  }

  private ClientCredentialSource federatedToken(String setting, String file) {
    try {
      return new FederatedTokenCredential(Path.of(file), settings.clock());
    } catch (CredentialException | InvalidPathException e) {
      settings.problem(setting + ": " + e.getMessage());
      return null;
    }
  }
}
