package org.editprofile.config;

import java.util.Optional;
import java.util.Set;
import org.editprofile.credential.ClientCredentialSource;

/**
 * The edit profile service's own app registration.
 *
 * @param clientId the service's application (client) id: the audience of the tokens it accepts
 * @param credential its credential (secret, certificate or federated token), used for the
 *     on-behalf-of exchange
 * @param requiredScope the delegated scope a caller's token must carry
 * @param allowedClientIds the client apps whose tokens it accepts ({@code azp} in v2.0 tokens,
 *     {@code appid} in v1.0): by default the web app beside it
 * @param requiredAuthContext the authentication context a caller's token must carry in {@code
 *     acrs}, or empty when a Conditional Access policy on the service's API is the MFA gate
 */
public record ServiceSettings(
    String clientId,
    ClientCredentialSource credential,
    String requiredScope,
    Set<String> allowedClientIds,
    Optional<String> requiredAuthContext) {

  public static final String DEFAULT_SCOPE = "EditProfileService.ReadWrite";

  /** Without a required authentication context. */
  public ServiceSettings(
      String clientId,
      ClientCredentialSource credential,
      String requiredScope,
      Set<String> allowedClientIds) {
    this(clientId, credential, requiredScope, allowedClientIds, Optional.empty());
  }

  /** Entra issues v2 tokens with the client id as audience and v1 tokens with the App ID URI. */
  public Set<String> acceptedAudiences() {
    return Set.of(clientId, "api://" + clientId);
  }

  @Override
  public String toString() {
    return "ServiceSettings[clientId=" + clientId + "]";
  }
}
