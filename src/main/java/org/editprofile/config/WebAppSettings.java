package org.editprofile.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.editprofile.credential.ClientCredentialSource;

/**
 * The web app's own registration and pages, read and checked once at start-up.
 *
 * @param credential how the app proves its identity to the tenant (secret, certificate or federated
 *     token)
 * @param editProfileScope the edit profile service's scope: the MFA gate in api-scope mode, the
 *     service's token in both; empty only in auth-context mode without the service
 * @param editProfileApiUrl the edit profile service; empty means the app PATCHes Graph itself
 * @param stepUpAuthContext in auth-context mode, the authentication context the edit form and the
 *     save require in the ID token's {@code acrs}; empty in api-scope mode
 * @param signInTimeout how long the browser may take to come back from the tenant
 * @param sessionLifetime how long a sign-in lasts, however active the session: then the user signs
 *     in again
 * @param sessionEncryptionKeys the AES-256 keys that seal the token cache in the session, the
 *     sealing key first; empty means a random key of this JVM's own
 * @param sessionStore the store every node shares sessions through; empty: the container's own
 *     sessions
 */
public record WebAppSettings(
    String clientId,
    ClientCredentialSource credential,
    URI redirectUri,
    URI postLogoutRedirectUri,
    Optional<String> editProfileScope,
    Optional<URI> editProfileApiUrl,
    Optional<String> stepUpAuthContext,
    Duration signInTimeout,
    Duration sessionLifetime,
    List<byte[]> sessionEncryptionKeys,
    Optional<SessionStoreSettings> sessionStore) {

  /**
   * True when edits go through the edit profile service (on-behalf-of), false when the app PATCHes
   * Graph.
   */
  public boolean usesEditProfileService() {
    return editProfileApiUrl.isPresent();
  }

  /** REDIRECT_URI is the app's public address: https there means https for the browser. */
  public boolean servedOverHttps() {
    return "https".equals(redirectUri.getScheme());
  }

  /** Hides the secret from logs and debuggers. */
  @Override
  public String toString() {
    return "WebAppSettings[clientId=" + clientId + ", redirectUri=" + redirectUri + "]";
  }
}
