package org.editprofile.service;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.editprofile.config.ServiceSettings;
import org.editprofile.http.OutboundHttp;
import org.editprofile.tenant.ExpectedIssuer;
import org.editprofile.tenant.OidcMetadataProvider;

/**
 * A tenant's discovery document served over real HTTP on loopback, for the service's token checks
 * in tests and benchmarks (the keys are given to the validator directly).
 */
final class LocalDiscovery implements AutoCloseable {

  private final HttpServer server;
  private final CloseableHttpClient http;
  private final String tenantId;
  private final String issuer;
  private final OidcMetadataProvider metadata;

  LocalDiscovery(String tenantId) throws IOException {
    this.tenantId = tenantId;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    issuer = base + "/" + tenantId + "/v2.0";
    byte[] document =
        ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + base + "/keys\"}")
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/" + tenantId + "/v2.0/.well-known/openid-configuration",
        exchange -> {
          exchange.sendResponseHeaders(200, document.length);
          exchange.getResponseBody().write(document);
          exchange.close();
        });
    server.start();
    http = OutboundHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(2));
    metadata =
        new OidcMetadataProvider(
            URI.create(issuer + "/.well-known/openid-configuration"),
            ExpectedIssuer.forAuthority(issuer),
            http,
            Clock.systemUTC());
  }

  String issuer() {
    return issuer;
  }

  /**
   * The claims of a v2.0 access token this tenant issues for the service's default scope.
   *
   * @param service the service's client id (the audience)
   * @param client the client it was issued to ({@code azp})
   */
  JWTClaimsSet.Builder accessTokenClaims(
      String service, String client, Instant issuedAt, Duration lifetime) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(service)
        .subject("user-1")
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(lifetime)))
        .claim("oid", "oid-1")
        .claim("tid", tenantId)
        .claim("ver", "2.0")
        .claim("azp", client)
        .claim("scp", ServiceSettings.DEFAULT_SCOPE);
  }

  OidcMetadataProvider metadata() {
    return metadata;
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
    http.close();
  }
}
