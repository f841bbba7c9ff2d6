package org.editprofile.devtenant.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.grants.Tokens;

/**
 * An external OpenID Connect issuer for workload identity tests, playing what a Kubernetes cluster
 * (or GitHub Actions) is to Entra: it publishes its discovery document and keys over https and
 * mints the tokens a platform would write to {@code AZURE_FEDERATED_TOKEN_FILE}. It serves with the
 * dev tenant's TLS certificate, so whatever trusts the dev tenant trusts it.
 */
public final class ExternalIssuer implements AutoCloseable {

  private final HttpsServer server;
  private final RSAKey key;
  private final String issuer;

  private ExternalIssuer(HttpsServer server, RSAKey key) {
    this.server = server;
    this.key = key;
    this.issuer = "https://127.0.0.1:" + server.getAddress().getPort() + "/cluster";
  }

  /** Starts on 127.0.0.1 with a fresh signing key. */
  public static ExternalIssuer start(DevTenant tenant) throws IOException {
    RSAKey key;
    try {
      key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IOException(e);
    }
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    server.setHttpsConfigurator(new HttpsConfigurator(tenant.serverTls()));
    ExternalIssuer external = new ExternalIssuer(server, key);
    server.createContext("/cluster/", external::serve);
    server.start();
    return external;
  }

  /** The issuer URL a federated credential names. */
  public String issuer() {
    return issuer;
  }

  /** A token about {@code subject} for {@code audience}, valid for {@code lifetime}. */
  public String mint(String subject, String audience, Duration lifetime) {
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .audience(audience)
            .issueTime(new Date())
            .notBeforeTime(new Date())
            .expirationTime(Date.from(Instant.now().plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build(),
        key);
  }

  /** The same token signed by a key this issuer never published. */
  public String mintWithUnpublishedKey(String subject, String audience) throws JOSEException {
    RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .audience(audience)
            .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
            .build(),
        other);
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      return Tokens.signed(claims, key.getKeyID(), new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body;
    if (path.equals("/cluster/.well-known/openid-configuration")) {
      body =
          com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
              Map.of(
                  "issuer", issuer,
                  "jwks_uri", issuer + "/openid/v1/jwks",
                  "response_types_supported", java.util.List.of("id_token"),
                  "subject_types_supported", java.util.List.of("public"),
                  "id_token_signing_alg_values_supported", java.util.List.of("RS256")));
    } else if (path.equals("/cluster/openid/v1/jwks")) {
      body = new JWKSet(key.toPublicJWK()).toString();
    } else {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
