package org.editprofile.service;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.editprofile.http.Problem;

/**
 * The first step of every service route: the Authorization header's bearer token, checked by {@link
 * BearerTokenValidator}, or the refusal to send (RFC 6750's 401 and 403, or the authentication
 * context's claims challenge). Nothing else of the request is read before it passed.
 */
final class Callers {

  static final String REALM = "Bearer realm=\"edit-profile-service\"";

  private final BearerTokenValidator bearerTokens;

  Callers(BearerTokenValidator bearerTokens) {
    this.bearerTokens = bearerTokens;
  }

  /** Who called: a valid token and its claims, or the answer already decided. */
  sealed interface Result {

    /**
     * @param token the caller's token, for the on-behalf-of exchange
     * @param userId the signed-in user's object id: the only identity an app-only call acts on
     */
    record Caller(String token, JWTClaimsSet claims, UUID userId) implements Result {}

    record Refused(Problem problem) implements Result {}
  }

  Result check(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.length() <= 7) {
      return new Result.Refused(
          new Problem(
              401,
              "Unauthorized",
              "A bearer token is required.",
              Map.of(),
              Map.of("WWW-Authenticate", REALM)));
    }
    String token = authorization.substring(7).trim();
    BearerTokenValidator.Check check = bearerTokens.validate(token);
    if (check instanceof BearerTokenValidator.Check.MissingAuthContext missing) {
      return new Result.Refused(missingAuthContext(missing));
    }
    if (check instanceof BearerTokenValidator.Check.Rejected rejected) {
      return new Result.Refused(rejected(rejected.error(), rejected.description()));
    }
    JWTClaimsSet claims = ((BearerTokenValidator.Check.Accepted) check).claims();
    Optional<UUID> userId = objectId(claims);
    if (userId.isEmpty()) {
      return new Result.Refused(rejected("invalid_token", "The token's oid is not an object id."));
    }
    return new Result.Caller(token, claims, userId.get());
  }

  /** RFC 6750's answer: 403 for a missing scope, 401 for any other fault of the token. */
  static Problem rejected(String error, String description) {
    int status = "insufficient_scope".equals(error) ? 403 : 401;
    return new Problem(
        status,
        status == 403 ? "Forbidden" : "Unauthorized",
        description,
        Map.of(),
        Map.of(
            "WWW-Authenticate",
            REALM + ", error=\"" + error + "\", error_description=\"" + description + "\""));
  }

  private static Optional<UUID> objectId(JWTClaimsSet claims) {
    Object oid = claims.getClaim("oid");
    try {
      return oid instanceof String text ? Optional.of(UUID.fromString(text)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A valid token without the required authentication context: a claims challenge for a caller that
   * can step its user up (401, {@code cc_type="authcontext"}, as Microsoft's developer guide to
   * authentication context shows it), a plain 403 naming the context for any other.
   */
  private static Problem missingAuthContext(BearerTokenValidator.Check.MissingAuthContext missing) {
    String detail =
        "The access token does not carry the authentication context "
            + missing.context()
            + " (its acrs claim).";
    if (missing.claimsChallenge().isEmpty()) {
      return new Problem(
          403,
          "Forbidden",
          detail + " Sign the user in again with that context.",
          Map.of("requiredAuthContext", missing.context()),
          Map.of());
    }
    String claims = missing.claimsChallenge().get();
    return new Problem(
        401,
        "Interaction required",
        detail,
        Map.of("claims", claims, "requiredAuthContext", missing.context()),
        Map.of(
            "WWW-Authenticate",
            REALM
                + ", error=\"insufficient_claims\", claims=\""
                + Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "\", cc_type=\"authcontext\""));
  }
}
