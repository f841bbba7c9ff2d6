package org.editprofile.config;

import java.util.Set;
import org.editprofile.credential.ClientCredentialSource;

/**
 * The edit profile service's own app registration.
 *
 * @param clientId the service's application (client) id: the audience of the tokens it accepts
 * @param credential its credential (secret, certificate or federated token), used for the
 *     on-behalf-of exchange
 * @param requiredScope the delegated scope a caller's token must carry
 */
public record ServiceSettings(
    String clientId, ClientCredentialSource credential, String requiredScope) {

  public static final String DEFAULT_SCOPE = "EditProfileService.ReadWrite";

  /** Entra issues v2 tokens with the client id as audience and v1 tokens with the App ID URI. */
  public Set<String> acceptedAudiences() {
    return Set.of(clientId, "api://" + clientId);
  }

  @Override
  public String toString() {
    return "ServiceSettings[clientId=" + clientId + "]";
  }
}
