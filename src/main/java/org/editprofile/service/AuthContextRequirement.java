package org.editprofile.service;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Optional;
import org.editprofile.tenant.AuthContextClaims;

/**
 * The authentication context the service requires of a caller's (already verified) access token:
 * the {@code acrs} claim must name it. Only {@code acrs} counts: a context id in {@code scp} or
 * anywhere else of the token is no proof that the user met the context's policy.
 *
 * <p>A caller that declared the {@code cp1} client capability (the {@code xms_cc} claim) can step
 * its user up when answered with a claims challenge; one that did not gets a plain refusal, as
 * Microsoft's developer guide to authentication context advises.
 */
final class AuthContextRequirement {

  private static final String CLIENT_CAN_STEP_UP = "cp1";

  private final String context;

  AuthContextRequirement(String context) {
    this.context = context;
  }

  String context() {
    return context;
  }

  boolean isMetBy(JWTClaimsSet claims) {
    return AuthContextClaims.satisfied(claims.getClaim("acrs")).contains(context);
  }

  /**
   * The claims request that asks the tenant for the context in a new access token, for a caller
   * able to answer it; empty for another caller.
   */
  Optional<String> challengeFor(JWTClaimsSet claims) {
    boolean capable =
        AuthContextClaims.satisfied(claims.getClaim("xms_cc")).contains(CLIENT_CAN_STEP_UP);
    return capable ? Optional.of(AuthContextClaims.accessTokenRequest(context)) : Optional.empty();
  }
}
