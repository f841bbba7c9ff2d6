package org.editprofile.devtenant;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /<tenant>/oauth2/v2.0/token}: authorization_code (client secret, exact redirect URI, PKCE,
 * single-use codes), refresh_token (with Conditional Access: MFA for the edit profile service) and
 * on-behalf-of. Answers and errors have Entra's shape, including client_info and AADSTS codes.
 */
final class TokenEndpoint {

  private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
  private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
  static final String MFA_POLICY_ID = "8a6e9f4c-3b1d-4c2a-9e7f-5d4c3b2a1f0e";

  record AuthCode(
      SignInPages.AuthRequest request,
      String oid,
      boolean mfa,
      Instant authTime,
      Instant issuedAt,
      AtomicBoolean used) {}

  record Grant(String oid, String clientId, boolean mfa, Instant authTime) {}

  private final DevTenant tenant;
  private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

  TokenEndpoint(DevTenant tenant) {
    this.tenant = tenant;
  }

  String issueCode(SignInPages.AuthRequest request, String oid, boolean mfa, Instant authTime) {
    String code = "dev." + UUID.randomUUID() + UUID.randomUUID();
    tenant.issued(code);
    codes.put(code, new AuthCode(request, oid, mfa, authTime, Instant.now(), new AtomicBoolean()));
    return code;
  }

  void handle(Exchange ex) throws IOException {
    if (!"POST".equals(ex.method())) {
      error(
          ex, 405, "invalid_request", 900561, "The endpoint only accepts POST requests.", Map.of());
      return;
    }
    String clientId = ex.param("client_id");
    String secret = ex.param("client_secret");
    String basic = ex.header("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String[] pair =
          new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
              .split(":", 2);
      clientId = java.net.URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
      secret = pair.length > 1 ? java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
    }
    String expected = tenant.secretOf(clientId);
    if (expected == null) {
      error(
          ex,
          400,
          "unauthorized_client",
          700016,
          "Application with identifier '" + clientId + "' was not found in the directory.",
          Map.of());
      return;
    }
    if (secret == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
      error(ex, 401, "invalid_client", 7000215, "Invalid client secret provided.", Map.of());
      return;
    }
    String grant = Optional.ofNullable(ex.param("grant_type")).orElse("");
    switch (grant) {
      case "authorization_code" -> authorizationCode(ex, clientId);
      case "refresh_token" -> refresh(ex, clientId);
      case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> onBehalfOf(ex, clientId);
      default ->
          error(
              ex,
              400,
              "unsupported_grant_type",
              70003,
              "The app requested an unsupported grant type '" + grant + "'.",
              Map.of());
    }
  }

  private void authorizationCode(Exchange ex, String clientId) throws IOException {
    AuthCode code = codes.get(Optional.ofNullable(ex.param("code")).orElse(""));
    if (code == null || code.issuedAt().plus(CODE_LIFETIME).isBefore(Instant.now())) {
      error(
          ex,
          400,
          "invalid_grant",
          70008,
          "The provided authorization code or refresh token has expired or is invalid.",
          Map.of());
      return;
    }
    if (!code.used().compareAndSet(false, true)) {
      error(
          ex,
          400,
          "invalid_grant",
          54005,
          "OAuth2 Authorization code was already redeemed.",
          Map.of());
      return;
    }
    SignInPages.AuthRequest request = code.request();
    if (!request.clientId().equals(clientId)) {
      error(
          ex, 400, "invalid_grant", 70000, "The code was issued to another application.", Map.of());
      return;
    }
    if (!request.redirectUri().equals(ex.param("redirect_uri"))) {
      error(
          ex,
          400,
          "invalid_grant",
          500117,
          "The reply uri specified in the request does not match the reply uri used in the authorization request.",
          Map.of());
      return;
    }
    if (request.codeChallenge() != null) {
      String verifier = ex.param("code_verifier");
      if (verifier == null || !request.codeChallenge().equals(s256(verifier))) {
        error(
            ex,
            400,
            "invalid_grant",
            501481,
            "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
            Map.of());
        return;
      }
    }
    Scopes asked = Scopes.parse(ex.param("scope"), tenant.resources());
    Scopes authorized = Scopes.parse(request.scope(), tenant.resources());
    Map<Scopes.Resource, List<String>> target =
        asked.byResource().isEmpty() ? authorized.byResource() : asked.byResource();
    issue(
        ex,
        clientId,
        new Grant(code.oid(), clientId, code.mfa(), code.authTime()),
        target,
        request.nonce(),
        true);
  }

  private void refresh(Exchange ex, String clientId) throws IOException {
    Grant grant = refreshTokens.get(Optional.ofNullable(ex.param("refresh_token")).orElse(""));
    if (grant == null || !grant.clientId().equals(clientId)) {
      error(
          ex,
          400,
          "invalid_grant",
          9002313,
          "Invalid request. Request is malformed or invalid.",
          Map.of());
      return;
    }
    Scopes asked = Scopes.parse(ex.param("scope"), tenant.resources());
    if (!asked.unknown().isEmpty()) {
      error(
          ex,
          400,
          "invalid_scope",
          70011,
          "The provided value for the input parameter 'scope' is not valid.",
          Map.of());
      return;
    }
    if (asked.byResource().size() > 1) {
      error(
          ex,
          400,
          "invalid_request",
          28000,
          "Provided value for the input parameter scope is not valid because it contains more than one resource.",
          Map.of());
      return;
    }
    if (asked.needsMfa() && !grant.mfa()) {
      // Conditional Access: Entra's exact step-up shape, the one MSAL4J turns into
      // MsalInteractionRequiredException.
      String claims =
          "{\"access_token\":{\"capolids\":{\"essential\":true,\"values\":[\""
              + MFA_POLICY_ID
              + "\"]}}}";
      error(
          ex,
          400,
          "invalid_grant",
          50076,
          "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '"
              + asked.byResource().keySet().iterator().next().audience()
              + "'.",
          Map.of("suberror", "basic_action", "claims", claims));
      return;
    }
    issue(ex, clientId, grant, asked.byResource(), null, true);
  }

  private void onBehalfOf(Exchange ex, String clientId) throws IOException {
    if (!"on_behalf_of".equals(ex.param("requested_token_use"))) {
      error(
          ex,
          400,
          "invalid_request",
          90014,
          "The request body must contain the parameter 'requested_token_use'.",
          Map.of());
      return;
    }
    Optional<JWTClaimsSet> assertion =
        tenant.tokens().verify(Optional.ofNullable(ex.param("assertion")).orElse(""), clientId);
    if (assertion.isEmpty()) {
      error(
          ex,
          400,
          "invalid_grant",
          50013,
          "Assertion failed signature validation, has expired, or its audience is not this application.",
          Map.of());
      return;
    }
    Scopes asked = Scopes.parse(ex.param("scope"), tenant.resources());
    if (asked.byResource().size() != 1 || !asked.byResource().containsKey(tenant.graphResource())) {
      error(
          ex,
          400,
          "invalid_scope",
          70011,
          "The provided value for the input parameter 'scope' is not valid.",
          Map.of());
      return;
    }
    try {
      JWTClaimsSet incoming = assertion.get();
      List<String> amr = incoming.getStringListClaim("amr");
      Grant grant =
          new Grant(
              incoming.getStringClaim("oid"),
              clientId,
              amr != null && amr.contains("mfa"),
              Instant.now());
      issue(ex, clientId, grant, asked.byResource(), null, false);
    } catch (java.text.ParseException e) {
      error(ex, 400, "invalid_grant", 50013, "Assertion is malformed.", Map.of());
    }
  }

  private void issue(
      Exchange ex,
      String clientId,
      Grant grant,
      Map<Scopes.Resource, List<String>> target,
      String nonce,
      boolean withRefreshToken)
      throws IOException {
    if (target.size() > 1) {
      error(
          ex,
          400,
          "invalid_request",
          28000,
          "Provided value for the input parameter scope is not valid because it contains more than one resource.",
          Map.of());
      return;
    }
    Directory.User user = tenant.directory().byOid(grant.oid()).orElse(null);
    if (user == null) {
      error(
          ex,
          400,
          "invalid_grant",
          50034,
          "The user account does not exist in this directory.",
          Map.of());
      return;
    }
    Scopes.Resource resource =
        target.isEmpty() ? tenant.graphResource() : target.keySet().iterator().next();
    List<String> scopes = target.isEmpty() ? List.of("User.Read") : target.get(resource);
    List<String> amr = grant.mfa() ? List.of("pwd", "mfa") : List.of("pwd");
    String accessToken =
        tenant
            .tokens()
            .sign(
                tenant
                    .tokens()
                    .base(resource.audience(), ACCESS_TOKEN_LIFETIME)
                    .subject(grant.oid())
                    .claim("oid", grant.oid())
                    .claim("tid", DevTenant.TENANT_ID)
                    .claim("azp", clientId)
                    .claim("scp", String.join(" ", scopes))
                    .claim("amr", amr)
                    .claim("name", user.displayName())
                    .claim("preferred_username", user.email())
                    .build());
    tenant.issued(accessToken);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "Bearer");
    List<String> scopeList = new ArrayList<>(scopes);
    if (resource != tenant.graphResource()) {
      scopeList.replaceAll(s -> resource.prefix() + s);
    }
    body.put("scope", String.join(" ", scopeList));
    body.put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds());
    body.put("ext_expires_in", ACCESS_TOKEN_LIFETIME.toSeconds());
    body.put("access_token", accessToken);
    if (withRefreshToken) {
      String refreshToken = "dev-rt." + UUID.randomUUID() + UUID.randomUUID();
      tenant.issued(refreshToken);
      refreshTokens.put(refreshToken, grant);
      body.put("refresh_token", refreshToken);
      JWTClaimsSet.Builder id =
          tenant
              .tokens()
              .base(clientId, ACCESS_TOKEN_LIFETIME)
              .subject(grant.oid())
              .claim("oid", grant.oid())
              .claim("tid", DevTenant.TENANT_ID)
              .claim("name", user.displayName())
              .claim("preferred_username", user.email())
              .claim("email", user.email())
              .claim("amr", amr)
              .claim("auth_time", grant.authTime().getEpochSecond());
      if (nonce != null) {
        id.claim("nonce", nonce);
      }
      String idToken = idToken(id);
      tenant.issued(idToken);
      body.put("id_token", idToken);
    }
    body.put(
        "client_info",
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"uid\":\"" + grant.oid() + "\",\"utid\":\"" + DevTenant.TENANT_ID + "\"}")
                    .getBytes(StandardCharsets.UTF_8)));
    ex.json(200, body);
  }

  /** Signs the ID token, with the defect a test asked for, if any. */
  private String idToken(JWTClaimsSet.Builder id) {
    DevTenant.IdTokenFault fault = tenant.takeIdTokenFault();
    switch (fault) {
      case WRONG_NONCE -> id.claim("nonce", "not-the-nonce-the-app-sent");
      case WRONG_AUDIENCE -> id.audience("some-other-app");
      case WRONG_ISSUER -> id.issuer("https://evil.example/" + DevTenant.TENANT_ID + "/v2.0");
      case EXPIRED ->
          id.expirationTime(java.util.Date.from(Instant.now().minus(Duration.ofHours(1))))
              .issueTime(java.util.Date.from(Instant.now().minus(Duration.ofHours(2))));
      default -> {}
    }
    JWTClaimsSet claims = id.build();
    if (fault == DevTenant.IdTokenFault.UNSIGNED) {
      return new com.nimbusds.jwt.PlainJWT(claims).serialize();
    }
    String signed = tenant.tokens().sign(claims);
    if (fault == DevTenant.IdTokenFault.BAD_SIGNATURE) {
      char last = signed.charAt(signed.length() - 5);
      return signed.substring(0, signed.length() - 5)
          + (last == 'A' ? 'B' : 'A')
          + signed.substring(signed.length() - 4);
    }
    return signed;
  }

  /** An error in Entra's shape: the AADSTS code leads the description. */
  static void error(
      Exchange ex, int status, String error, int aadsts, String message, Map<String, String> extra)
      throws IOException {
    String trace = UUID.randomUUID().toString();
    String correlation = UUID.randomUUID().toString();
    String timestamp = Instant.now().toString().replace('T', ' ').replace("Z", "Z");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put(
        "error_description",
        "AADSTS"
            + aadsts
            + ": "
            + message
            + " Trace ID: "
            + trace
            + " Correlation ID: "
            + correlation
            + " Timestamp: "
            + timestamp);
    body.put("error_codes", List.of(aadsts));
    body.put("timestamp", timestamp);
    body.put("trace_id", trace);
    body.put("correlation_id", correlation);
    body.put("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts);
    body.putAll(extra);
    ex.json(status, body);
  }

  private static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
