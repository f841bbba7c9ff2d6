package org.editprofile.devtenant.grants;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.EntraError;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.Registrations;

/**
 * How the token endpoint knows which app is calling, as Entra checks it: a client secret (in the
 * body or HTTP Basic), or a client assertion (RFC 7523, {@code private_key_jwt}) that is either
 * signed with a certificate registered on the app or issued by an external issuer the app trusts
 * through a federated identity credential.
 *
 * <p>Each refusal carries the AADSTS code Microsoft documents for it: the "Microsoft Entra
 * authentication and authorization error codes" page (AADSTS700016, 700027, 7000215, 7000218,
 * 50027, 50013, 90061), the Azure SDK for Java's service principal troubleshooting page (AADSTS
 * 700021, 700023, 700024) and the workload identity federation troubleshooting page (AADSTS 700211,
 * 700212, 700213).
 */
final class ClientAuthentication {

  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** Clock skew allowed on exp and nbf, as Entra allows five minutes. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  /**
   * The longest lifetime a certificate's client assertion may ask for. Microsoft documents no limit
   * but recommends 5 to 10 minutes (MSAL uses 10); a day is refused here so that a client minting
   * long-lived assertions is caught in development.
   */
  static final Duration MAX_ASSERTION_LIFETIME = Duration.ofDays(1);

  private final DevTenant tenant;

  /**
   * Built on first use: building it fixes the JVM's default TLS context, which tests configure
   * after the tenant starts.
   */
  private HttpClient http;

  /** The jti of each certificate assertion seen, until it expires: each may be used once. */
  private final Map<String, Instant> usedAssertionIds = new ConcurrentHashMap<>();

  ClientAuthentication(DevTenant tenant) {
    this.tenant = tenant;
  }

  /** The calling app, or the refusal Entra would give. */
  Registrations.App authenticate(Exchange ex) throws EntraError.Raised {
    String clientId = ex.param("client_id");
    String secret = ex.param("client_secret");
    String basic = ex.header("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String[] pair =
          new String(
                  java.util.Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
              .split(":", 2);
      clientId = java.net.URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
      secret = pair.length > 1 ? java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
    }
    String assertion = ex.param("client_assertion");
    if (assertion != null) {
      return byAssertion(ex, clientId, assertion);
    }
    Registrations.App client = registered(clientId);
    if (secret == null) {
      throw invalidClient(
          7000218,
          "The request body must contain the following parameter: 'client_assertion' or"
              + " 'client_secret'.");
    }
    if (client.clientSecret() == null
        || !MessageDigest.isEqual(
            client.clientSecret().getBytes(StandardCharsets.UTF_8),
            secret.getBytes(StandardCharsets.UTF_8))) {
      throw invalidClient(7000215, "Invalid client secret provided.");
    }
    return client;
  }

  private Registrations.App byAssertion(Exchange ex, String clientId, String assertion)
      throws EntraError.Raised {
    if (!JWT_BEARER.equals(ex.param("client_assertion_type"))) {
      throw EntraError.invalidRequest(
              900144,
              "The request body must contain the following parameter: 'client_assertion_type'.")
          .raise();
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw EntraError.invalidRequest(50027, "JWT token is invalid or malformed.").raise();
    }
    String id = clientId != null ? clientId : claims.getSubject();
    Registrations.App client = registered(id);
    if (id.equals(claims.getIssuer())) {
      checkCertificateAssertion(client, jwt, claims);
      tenant.count("client_assertion.certificate");
    } else {
      checkFederatedAssertion(client, jwt, claims);
      tenant.count("client_assertion.federated");
    }
    return client;
  }

  // ---- private_key_jwt with a registered certificate ----

  private void checkCertificateAssertion(
      Registrations.App client, SignedJWT jwt, JWTClaimsSet claims) throws EntraError.Raised {
    if (!client.clientId().equals(claims.getSubject())) {
      throw invalidClient(
          700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
    }
    X509Certificate certificate = registeredCertificate(client, jwt.getHeader());
    Instant now = Instant.now();
    if (certificate.getNotAfter().toInstant().isBefore(now)) {
      throw invalidClient(
          700027,
          "Client assertion contains an invalid signature. [Reason - The key used is expired.,"
              + " Thumbprint of key used by client: '"
              + sha1Hex(certificate)
              + "']");
    }
    verify(jwt, (RSAPublicKey) certificate.getPublicKey());
    if (!acceptedAudiences()
            .contains(
                claims.getAudience().isEmpty()
                    ? ""
                    : claims.getAudience().get(0).toLowerCase(Locale.ROOT))
        || claims.getAudience().size() != 1) {
      throw invalidClient(
          700023,
          "Client assertion audience claim does not match Realm issuer. Review the documentation"
              + " at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .");
    }
    checkLifetime(claims, now, true);
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank()) {
      throw invalidClient(50013, "Assertion is invalid: the 'jti' claim is missing.");
    }
    usedAssertionIds.values().removeIf(expiry -> expiry.isBefore(now.minus(SKEW)));
    if (usedAssertionIds.putIfAbsent(
            client.clientId() + " " + jti, claims.getExpirationTime().toInstant())
        != null) {
      throw invalidClient(
          50013, "Assertion is invalid: the client assertion with this 'jti' was already used.");
    }
    tenant.count("client_assertion.certificate." + sha256(certificate));
  }

  /**
   * The registered certificate the header points at: by {@code x5t#S256} (SHA-256), else {@code
   * x5t} (SHA-1); an {@code x5c} chain sent along must start with that same certificate. The
   * thumbprint is compared as bytes: RFC 7515 says base64url, MSAL4J sends standard base64, and
   * Entra takes both.
   */
  private static X509Certificate registeredCertificate(Registrations.App client, JWSHeader header)
      throws EntraError.Raised {
    Base64URL sha256 = header.getX509CertSHA256Thumbprint();
    @SuppressWarnings("deprecation")
    Base64URL sha1 = header.getX509CertThumbprint();
    if (sha256 == null && sha1 == null) {
      throw invalidClient(
          700027,
          "Client assertion failed signature validation. [Reason - The key identifier (x5t or"
              + " x5t#S256) is missing from the header.]");
    }
    Optional<X509Certificate> match =
        client.certificates().stream()
            .filter(
                c ->
                    sha256 != null
                        ? java.util.Arrays.equals(sha256.decode(), digest("SHA-256", c))
                        : java.util.Arrays.equals(sha1.decode(), digest("SHA-1", c)))
            .findFirst();
    if (match.isEmpty()) {
      throw invalidClient(
          700027,
          "The certificate with identifier used to sign the client assertion is not registered on"
              + " application. [Reason - The key was not found., Thumbprint of key used by client:"
              + " '"
              + (sha256 != null ? sha256 : sha1)
              + "', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see"
              + " configured keys for app Id '"
              + client.clientId()
              + "'.]");
    }
    List<Base64> chain = header.getX509CertChain();
    if (chain != null && !chain.isEmpty()) {
      try {
        if (!java.util.Arrays.equals(chain.get(0).decode(), match.get().getEncoded())) {
          throw invalidClient(
              700027,
              "Client assertion failed signature validation. [Reason - The x5c certificate is not"
                  + " the one the thumbprint names.]");
        }
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    return match.get();
  }

  // ---- workload identity federation ----

  private void checkFederatedAssertion(Registrations.App client, SignedJWT jwt, JWTClaimsSet claims)
      throws EntraError.Raised {
    List<Registrations.FederatedCredential> byIssuer = new ArrayList<>();
    for (Registrations.FederatedCredential fic : client.federatedCredentials()) {
      if (fic.issuer().equals(claims.getIssuer())) {
        byIssuer.add(fic);
      }
    }
    if (byIssuer.isEmpty()) {
      throw invalidClient(
          700211,
          "No matching federated identity record found for presented assertion issuer '"
              + claims.getIssuer()
              + "'. Please check your federated identity credential Subject, Audience and Issuer"
              + " against the presented assertion.");
    }
    List<Registrations.FederatedCredential> bySubject =
        byIssuer.stream().filter(f -> f.subject().equals(claims.getSubject())).toList();
    if (bySubject.isEmpty()) {
      throw invalidClient(
          700213,
          "No matching federated identity record found for presented assertion subject '"
              + claims.getSubject()
              + "'. Please check your federated identity credential Subject, Audience and Issuer"
              + " against the presented assertion.");
    }
    boolean audienceMatches =
        bySubject.stream()
            .anyMatch(f -> claims.getAudience().stream().anyMatch(f.audiences()::contains));
    if (!audienceMatches) {
      throw invalidClient(
          700212,
          "No matching federated identity record found for presented assertion audience '"
              + String.join(",", claims.getAudience())
              + "'. Please check your federated identity credential Subject, Audience and Issuer"
              + " against the presented assertion.");
    }
    verify(jwt, issuerKey(claims.getIssuer(), jwt.getHeader()));
    checkLifetime(claims, Instant.now(), false);
  }

  /** The external issuer's signing key, from its discovery document's jwks_uri, as Entra does. */
  private RSAPublicKey issuerKey(String issuer, JWSHeader header) throws EntraError.Raised {
    try {
      String discovery =
          fetch(URI.create(stripSlash(issuer) + "/.well-known/openid-configuration"));
      String jwksUri =
          String.valueOf(com.nimbusds.jose.util.JSONObjectUtils.parse(discovery).get("jwks_uri"));
      JWKSet keys = JWKSet.parse(fetch(URI.create(jwksUri)));
      for (JWK key : keys.getKeys()) {
        if (key instanceof RSAKey rsa
            && (header.getKeyID() == null || header.getKeyID().equals(key.getKeyID()))) {
          return rsa.toRSAPublicKey();
        }
      }
    } catch (IOException | ParseException | JOSEException | IllegalArgumentException e) {
      throw invalidClient(
          90061, "Request to External OIDC endpoint failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw invalidClient(90061, "Request to External OIDC endpoint failed.");
    }
    throw invalidClient(
        700027,
        "Client assertion failed signature validation. [Reason - The key was not found in the"
            + " issuer's keys.]");
  }

  private String fetch(URI uri) throws IOException, InterruptedException {
    if (!"https".equals(uri.getScheme())) {
      throw new IOException("not https");
    }
    HttpResponse<String> response =
        http()
            .send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("status " + response.statusCode());
    }
    return response.body();
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
    return http;
  }

  // ---- shared checks ----

  private static void verify(SignedJWT jwt, RSAPublicKey key) throws EntraError.Raised {
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    try {
      if (!(JWSAlgorithm.RS256.equals(alg) || JWSAlgorithm.PS256.equals(alg))
          || !jwt.verify(new RSASSAVerifier(key))) {
        throw invalidClient(700027, "Client assertion failed signature validation.");
      }
    } catch (JOSEException e) {
      throw invalidClient(700027, "Client assertion failed signature validation.");
    }
  }

  private static void checkLifetime(JWTClaimsSet claims, Instant now, boolean limitLifetime)
      throws EntraError.Raised {
    Date exp = claims.getExpirationTime();
    Date nbf = claims.getNotBeforeTime();
    boolean valid =
        exp != null
            && exp.toInstant().isAfter(now.minus(SKEW))
            && (nbf == null || !nbf.toInstant().isAfter(now.plus(SKEW)))
            && (!limitLifetime || !exp.toInstant().isAfter(now.plus(MAX_ASSERTION_LIFETIME)));
    if (!valid) {
      throw invalidClient(
          700024,
          "Client assertion is not within its valid time range. Current time: "
              + now
              + ", assertion valid from "
              + (nbf == null ? "-" : nbf.toInstant())
              + ", expiry time of assertion "
              + (exp == null ? "-" : exp.toInstant())
              + ".");
    }
  }

  /** The token endpoint's URLs, v2.0 and v1.0, under each name of the tenant. */
  private Set<String> acceptedAudiences() {
    Set<String> audiences = new java.util.HashSet<>();
    for (String prefix : tenant.layout().tenantPrefixes()) {
      String base = tenant.layout().endpointBase() + prefix;
      audiences.add((base + "/oauth2/v2.0/token").toLowerCase(Locale.ROOT));
      audiences.add((base + "/oauth2/token").toLowerCase(Locale.ROOT));
    }
    return audiences;
  }

  private Registrations.App registered(String clientId) throws EntraError.Raised {
    return tenant
        .registrations()
        .byClientId(clientId)
        .orElseThrow(
            () ->
                new EntraError(
                        400,
                        "unauthorized_client",
                        700016,
                        "Application with identifier '"
                            + clientId
                            + "' was not found in the directory.",
                        Map.of())
                    .raise());
  }

  private static EntraError.Raised invalidClient(int aadsts, String message) {
    return new EntraError(401, "invalid_client", aadsts, message, Map.of()).raise();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Base64url SHA-256 of the DER certificate: its {@code x5t#S256}. */
  static String sha256(X509Certificate certificate) {
    return Base64URL.encode(digest("SHA-256", certificate)).toString();
  }

  /** The hex SHA-1 thumbprint the admin center shows. */
  private static String sha1Hex(X509Certificate certificate) {
    return HexFormat.of().withUpperCase().formatHex(digest("SHA-1", certificate));
  }

  private static byte[] digest(String algorithm, X509Certificate certificate) {
    try {
      return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
