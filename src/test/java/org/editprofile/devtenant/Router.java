package org.editprofile.devtenant;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.editprofile.devtenant.grants.TokenEndpoint;
import org.editprofile.devtenant.graph.GraphApi;
import org.editprofile.devtenant.pages.ControlPlane;
import org.editprofile.devtenant.pages.SignInPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request the dev tenant receives, sent to the endpoint that answers it: discovery and keys
 * here, tokens to {@link TokenEndpoint}, authorize, logout and the hosted pages to {@link
 * SignInPages}, Graph to {@link GraphApi}, the mailbox and the test hooks to {@link ControlPlane}.
 * Counts each endpoint and applies the faults a test planted on the way.
 */
final class Router {

  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final String TENANT_ID = TenantLayout.TENANT_ID;

  private final DevTenant tenant;
  private final TenantLayout layout;
  private final Faults faults;
  private final DevTenantKeys keys;
  private final SignInPages signIn;
  private final ControlPlane controlPlane;
  private final TokenEndpoint tokenEndpoint;
  private final GraphApi graph;

  Router(
      DevTenant tenant,
      DevTenantKeys keys,
      SignInPages signIn,
      TokenEndpoint tokenEndpoint,
      GraphApi graph) {
    this.tenant = tenant;
    this.layout = tenant.layout();
    this.faults = tenant.faults();
    this.keys = keys;
    this.signIn = signIn;
    this.controlPlane = new ControlPlane(tenant);
    this.tokenEndpoint = tokenEndpoint;
    this.graph = graph;
  }

  void dispatch(HttpExchange raw) throws IOException {
    try {
      Exchange exchange = new Exchange(raw);
      String requestId = exchange.header("client-request-id");
      if (requestId != null && requestId.matches("[A-Za-z0-9-]{1,64}")) {
        // Entra and Graph echo the caller's id; MSAL4J compares it with what it sent.
        exchange.setHeader("client-request-id", requestId);
        tenant.remember(new DevTenant.Received(exchange.method(), exchange.path(), requestId));
      }
      route(exchange);
    } catch (RuntimeException e) {
      LOG.error("Dev tenant failure on {}", raw.getRequestURI().getPath(), e);
      raw.sendResponseHeaders(500, -1);
    } finally {
      raw.close();
    }
  }

  private void route(Exchange ex) throws IOException {
    String path = ex.path();
    if (path.equals("/mailbox") || path.startsWith("/_dev/")) {
      controlPlane.handle(ex, path);
      return;
    }
    if (path.equals(layout.graphMePath())
        || path.equals(layout.graphMePath() + "/changePassword")) {
      if (!servedHere(ex, "graph.microsoft.com")) {
        notFound(ex);
        return;
      }
      String name = "graph." + ex.method().toLowerCase(Locale.ROOT);
      tenant.count(name);
      Optional<Faults.Fault> fault = applyDelay(faults.take(Faults.Endpoint.GRAPH, null));
      graph.handle(ex, fault, path.substring(layout.graphMePath().length()));
      return;
    }
    String graphV1 =
        layout.graphMePath().substring(0, layout.graphMePath().length() - "/me".length());
    if (path.startsWith(graphV1 + "/users/") || path.startsWith(graphV1 + "/directory/")) {
      if (!servedHere(ex, "graph.microsoft.com")) {
        notFound(ex);
        return;
      }
      tenant.count("graph.app." + ex.method().toLowerCase(Locale.ROOT));
      Optional<Faults.Fault> fault = applyDelay(faults.take(Faults.Endpoint.GRAPH, null));
      graph.handleDirectory(ex, fault, path.substring(graphV1.length()));
      return;
    }
    String rest = null;
    for (String prefix : layout.tenantPrefixes()) {
      if (path.startsWith(prefix + "/")) {
        rest = path.substring(prefix.length());
      }
    }
    if (rest == null
        || !servedHere(ex, layout.subdomain() + ".ciamlogin.com", TENANT_ID + ".ciamlogin.com")) {
      notFound(ex);
      return;
    }
    switch (rest) {
      case "/v2.0/.well-known/openid-configuration" -> {
        tenant.count("discovery");
        if (!failed(ex, Faults.Endpoint.DISCOVERY)) {
          ex.json(200, Discovery.document(layout, tenant.advertisesCodeChallengeMethods()));
        }
      }
      case "/discovery/v2.0/keys" -> {
        tenant.count("jwks");
        if (!failed(ex, Faults.Endpoint.JWKS)) {
          ex.send(
              200,
              "application/json",
              new JWKSet(keys.signingKey().toPublicJWK())
                  .toString()
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
      case "/oauth2/v2.0/token" -> {
        tenant.count("token");
        String grant = Optional.ofNullable(ex.param("grant_type")).orElse("");
        tenant.count("token." + grant);
        Optional<Faults.Fault> fault = applyDelay(faults.take(Faults.Endpoint.TOKEN, grant));
        if (fault.isPresent() && fault.get() instanceof Faults.Unavailable) {
          fault = Optional.of(Faults.tokenUnavailable(Duration.ofSeconds(1)));
        }
        tokenEndpoint.handle(
            ex,
            fault.filter(Faults.TokenError.class::isInstance).map(Faults.TokenError.class::cast));
      }
      case "/oauth2/v2.0/authorize" -> {
        tenant.count("authorize");
        if (!failed(ex, Faults.Endpoint.AUTHORIZE)) {
          signIn.authorize(ex);
        }
      }
      case "/oauth2/v2.0/logout" -> {
        tenant.count("logout");
        if (!failed(ex, Faults.Endpoint.LOGOUT)) {
          signIn.logout(ex);
        }
      }
      default -> signIn.handlePage(ex, rest);
    }
  }

  /**
   * In Entra's layout each name serves its own endpoints only, so a client that builds a URL on the
   * wrong host fails here as it would against Entra. A single host serves everything.
   */
  private boolean servedHere(Exchange ex, String... entraHosts) {
    if (!layout.entra()) {
      return true;
    }
    String host = Optional.ofNullable(ex.header("Host")).orElse("");
    int colon = host.lastIndexOf(':');
    String name = colon > 0 ? host.substring(0, colon) : host;
    return List.of(entraHosts).contains(name.toLowerCase(Locale.ROOT));
  }

  /** Sleeps for a Delay fault and returns what is left to apply. */
  private static Optional<Faults.Fault> applyDelay(Optional<Faults.Fault> fault) {
    if (fault.isPresent() && fault.get() instanceof Faults.Delay delay) {
      try {
        Thread.sleep(delay.duration().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Optional.empty();
    }
    return fault;
  }

  /** Applies a fault of an endpoint without an error shape of its own: delay or 503. */
  private boolean failed(Exchange ex, Faults.Endpoint endpoint) throws IOException {
    Optional<Faults.Fault> fault = applyDelay(faults.take(endpoint, null));
    if (fault.isPresent()) {
      ex.json(503, Map.of("error", "temporarily_unavailable"));
      return true;
    }
    return false;
  }

  private static void notFound(Exchange ex) throws IOException {
    ex.json(404, Map.of("error", "not_found"));
  }
}
