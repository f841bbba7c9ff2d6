package org.editprofile.devtenant;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.editprofile.devtenant.grants.AuthorizationCodeGrant;
import org.editprofile.devtenant.grants.Scopes;
import org.editprofile.devtenant.grants.TokenEndpoint;
import org.editprofile.devtenant.grants.TokenIssuer;
import org.editprofile.devtenant.grants.Tokens;
import org.editprofile.devtenant.graph.GraphApi;
import org.editprofile.devtenant.pages.Mailbox;
import org.editprofile.devtenant.pages.SignInPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for a Microsoft Entra External ID tenant, for development and tests only.
 *
 * <p>It serves OpenID Connect discovery, JWKS, authorize (with real sign-in, sign-up and email
 * one-time-code pages), token (authorization code, refresh token, on-behalf-of), logout and Graph
 * {@code /v1.0/me}, in one of two {@link TenantLayout}s: Entra's own host names on port 443, or one
 * host and port. App registrations come from {@link Registrations}. Everything listens on the
 * configured address only.
 */
public final class DevTenant implements AutoCloseable {

  static {
    // Without it the JDK server waits for delayed ACKs: ~40 ms per request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Its default of 200 idle connections closes keep-alive connections under many browsers,
    // which their next request then finds dead.
    System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
  }

  private static final Logger LOG = LoggerFactory.getLogger(DevTenant.class);

  public static final String TENANT_ID = TenantLayout.TENANT_ID;
  public static final String DEFAULT_SUBDOMAIN = "devtenant";
  public static final String DEMO_EMAIL = "demo@devtenant.example";
  public static final String DEMO_PASSWORD = "Demo-Passw0rd!";
  public static final String SERVICE_SCOPE_NAME = "EditProfileService.ReadWrite";

  /**
   * Where the dev tenant listens and what it calls itself.
   *
   * @param httpPort the plain-http port of the browser pages on a single host; -1 for none (the
   *     pages are then on the https origin, as in Entra's layout)
   * @param host the host name of the https URLs on a single host (and in the TLS certificate)
   * @param publicHttpBase the browser-facing base URL of the pages; null for http://host:httpPort
   * @param entraLayout Entra's host names ({@code <sub>.ciamlogin.com} ...) instead of {@code host}
   */
  public record Options(
      String bindAddress,
      int httpsPort,
      int httpPort,
      String host,
      String publicHttpBase,
      boolean entraLayout,
      String subdomain,
      Registrations registrations) {

    /** One host (127.0.0.1), loopback only, fresh random client ids and secrets. */
    public static Options local(int httpsPort, int httpPort) {
      return new Options(
          "127.0.0.1",
          httpsPort,
          httpPort,
          "127.0.0.1",
          null,
          false,
          DEFAULT_SUBDOMAIN,
          Registrations.random());
    }

    /** Entra's layout on 127.0.0.1:443: needs the names to resolve here (a private namespace). */
    public static Options entra(String subdomain, Registrations registrations) {
      return new Options("127.0.0.1", 443, -1, null, null, true, subdomain, registrations);
    }
  }

  private final DevTenantKeys keys;
  private final HttpsServer https;
  private final HttpServer http;
  private final ExecutorService executor;
  private final TenantLayout layout;
  private final Registrations registrations;
  private final Tokens tokens;
  private final Directory directory = new Directory();
  private final Mailbox mailbox = new Mailbox();
  private final Faults faults = new Faults();
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private static final int RECEIVED_KEPT = 10_000;
  private final ArrayDeque<Received> received = new ArrayDeque<>();
  private final Queue<String> issuedSecrets = new ConcurrentLinkedQueue<>();
  private final AuthorizationCodeGrant codes;
  private final TokenIssuer issuer;
  private final SignInPages signIn;
  private volatile boolean advertiseCodeChallengeMethods;

  private DevTenant(Options options) throws IOException {
    this.registrations = options.registrations();
    this.keys =
        DevTenantKeys.generate(
            options.entraLayout()
                ? TenantLayout.entraHostNames(options.subdomain())
                : List.of(options.host()));
    InetAddress bind = InetAddress.getByName(options.bindAddress());
    https = HttpsServer.create(new InetSocketAddress(bind, options.httpsPort()), 200);
    https.setHttpsConfigurator(new HttpsConfigurator(keys.serverTls()));
    http =
        options.httpPort() < 0
            ? null
            : HttpServer.create(new InetSocketAddress(bind, options.httpPort()), 200);
    executor =
        Executors.newFixedThreadPool(
            64,
            r -> {
              Thread t = new Thread(r, "dev-tenant");
              t.setDaemon(true);
              return t;
            });
    if (options.entraLayout()) {
      layout = TenantLayout.entra(options.subdomain());
    } else {
      String httpsBase = "https://" + options.host() + ":" + https.getAddress().getPort();
      String pages =
          options.publicHttpBase() != null
              ? options.publicHttpBase()
              : http != null
                  ? "http://" + options.host() + ":" + http.getAddress().getPort()
                  : httpsBase;
      layout = TenantLayout.singleHost(options.subdomain(), httpsBase, pages);
    }
    tokens = new Tokens(keys.signingKey(), layout);
    codes = new AuthorizationCodeGrant(this);
    issuer = new TokenIssuer(this);
    signIn = new SignInPages(this);
    Router router =
        new Router(this, keys, signIn, new TokenEndpoint(this, codes), new GraphApi(this));
    https.setExecutor(executor);
    https.createContext("/", router::dispatch);
    if (http != null) {
      http.setExecutor(executor);
      http.createContext("/", router::dispatch);
    }
    directory.add(DEMO_EMAIL, DEMO_PASSWORD, "Demo User");
  }

  /** Starts on 127.0.0.1 with the given ports (0 picks free ones). */
  public static DevTenant start(int httpsPort, int httpPort) throws IOException {
    return start(Options.local(httpsPort, httpPort));
  }

  public static DevTenant start(Options options) throws IOException {
    DevTenant tenant = new DevTenant(options);
    tenant.https.start();
    if (tenant.http != null) {
      tenant.http.start();
    }
    LOG.info(
        "Dev tenant started: authority {} , sign-in pages on {}",
        tenant.authority(),
        tenant.httpBase());
    return tenant;
  }

  @Override
  public void close() {
    https.stop(0);
    if (http != null) {
      http.stop(0);
    }
    executor.shutdownNow();
  }

  // ---- what the app and the tests configure themselves with ----

  public TenantLayout layout() {
    return layout;
  }

  public Registrations registrations() {
    return registrations;
  }

  /** The browser-facing base URL of the sign-in pages and the mailbox. */
  public String httpBase() {
    return layout.pagesBase();
  }

  /** The AUTHORITY (or, in Entra's layout, TENANT_SUBDOMAIN) the app is configured with. */
  public String authority() {
    return layout.authority();
  }

  /** The GRAPH_API_ENDPOINT setting. */
  public String graphEndpoint() {
    return layout.graphBase() + "/";
  }

  public String webClientId() {
    return registrations.webApp().clientId();
  }

  public String webClientSecret() {
    return registrations.webApp().clientSecret();
  }

  public String serviceClientId() {
    return registrations.serviceApp().clientId();
  }

  public String serviceClientSecret() {
    return registrations.serviceApp().clientSecret();
  }

  /** The EXTENSIONS_APP_CLIENT_ID setting: the tenant's b2c-extensions-app. */
  public String extensionsAppClientId() {
    return registrations.extensionsAppClientId();
  }

  /** The EDIT_PROFILE_SCOPE setting: the MFA-protected scope of the edit profile service. */
  public String editProfileScope() {
    return registrations.serviceApp().api().orElseThrow().identifierUri()
        + "/"
        + SERVICE_SCOPE_NAME;
  }

  /**
   * Registers the web app's redirect URI and its post-logout URI, which Entra requires to be a
   * redirect URI as well.
   */
  public void registerWebApp(String redirectUri, String postLogoutRedirectUri) {
    registrations.addRedirectUri(webClientId(), redirectUri, false);
    registrations.addRedirectUri(webClientId(), postLogoutRedirectUri, true);
  }

  /** Writes a trust store with the dev tenant's TLS certificate. */
  public Path writeTrustStore(Path file) {
    return keys.writeTrustStore(file);
  }

  /**
   * Makes this JVM trust the dev tenant through the standard settings, as an operator would with a
   * private CA: writes the trust store and points javax.net.ssl.trustStore at it. Call it before
   * any TLS use (the JVM reads the setting once).
   */
  public Path trustInThisJvm(Path file) {
    Path trustStore = writeTrustStore(file);
    System.setProperty("javax.net.ssl.trustStore", trustStore.toAbsolutePath().toString());
    System.setProperty("javax.net.ssl.trustStorePassword", trustStorePassword());
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    return trustStore;
  }

  /** Writes the TLS certificate as PEM (Node's NODE_EXTRA_CA_CERTS). */
  public Path writeCertificatePem(Path file) {
    return keys.writePem(file);
  }

  /**
   * Writes the TLS certificate and its private key as PEM, for another local server (a TLS Redis)
   * to serve the certificate every test JVM and app node already trusts.
   */
  public void writeTlsKeyPair(Path certificate, Path privateKey) {
    keys.writePem(certificate);
    keys.writeKeyPem(privateKey);
  }

  /** The TLS key's SPKI hash, for Chromium's --ignore-certificate-errors-spki-list. */
  public String tlsSpkiSha256() {
    return keys.spkiSha256();
  }

  public static String trustStorePassword() {
    return DevTenantKeys.TRUST_STORE_PASSWORD;
  }

  /**
   * Claims of an access token for the edit profile service as this tenant issues it (v1.0 or v2.0
   * form), requested by the web app after MFA, for tests that craft their own tokens.
   */
  public JWTClaimsSet.Builder accessTokenClaims(int version, String oid, String scp) {
    Registrations.App service = registrations.serviceApp();
    Registrations.Api api = service.api().orElseThrow();
    Scopes.Resource resource =
        new Scopes.Resource(
            service.name(),
            service.clientId(),
            api.identifierUri() + "/",
            api.scopes(),
            api.requiresMfa(),
            version);
    return tokens.accessToken(
        resource, webClientId(), oid, List.of(scp.split(" ")), true, Duration.ofHours(1));
  }

  /** Signs with the tenant's real key. */
  public String sign(JWTClaimsSet claims) {
    return tokens.sign(claims);
  }

  public RSAKey publicSigningKey() {
    return keys.signingKey().toPublicJWK();
  }

  /**
   * Whether the discovery document names {@code code_challenge_methods_supported}. Off by default:
   * Entra's discovery documents are reported to leave it out (two client libraries' issue trackers
   * quote login.microsoftonline.com's without it) and no Microsoft document lists it, so a client
   * that needs it would fail against Entra too; on, for a client that wants to see it.
   */
  public void advertiseCodeChallengeMethods(boolean advertise) {
    this.advertiseCodeChallengeMethods = advertise;
  }

  boolean advertisesCodeChallengeMethods() {
    return advertiseCodeChallengeMethods;
  }

  /** Like Graph's revokeSignInSessions: refresh tokens and the tenant's sign-in sessions end. */
  /** Sign-ins from now on carry an auth_time this much in the past (ZERO: now again). */
  public void backdateSignIns(Duration age) {
    signIn.backdateSignIns(age);
  }

  public void revokeSignInSessions(String oid) {
    issuer.revoke(oid);
    signIn.endSessionsOf(oid);
  }

  /** The user's refresh tokens so far count as expired after inactivity (AADSTS700082). */
  public void expireRefreshTokens(String oid) {
    issuer.expire(oid);
  }

  /** Withdraws or restores admin consent for the web app to call the edit profile service. */
  public void setServiceConsent(boolean granted) {
    registrations.setAdminConsent(webClientId(), serviceClientId(), granted);
  }

  /** Remembers a code, token or one-time code handed out, so tests can look for leaks. */
  public void issued(String secret) {
    issuedSecrets.add(secret);
  }

  /**
   * Every authorization code, access, refresh and ID token and one-time code issued so far, and the
   * client secrets.
   */
  public List<String> issuedSecrets() {
    List<String> all = new ArrayList<>(issuedSecrets);
    registrations.all().stream()
        .map(Registrations.App::clientSecret)
        .filter(java.util.Objects::nonNull)
        .forEach(all::add);
    return all;
  }

  public Directory directory() {
    return directory;
  }

  public Faults faults() {
    return faults;
  }

  public Optional<String> latestCode(String email) {
    return mailbox.latestCode(email);
  }

  /**
   * Requests served per endpoint name: discovery, jwks, authorize, token (and token.&lt;grant
   * type&gt;), logout, graph.get, graph.patch.
   */
  public long requests(String endpoint) {
    LongAdder adder = counters.get(endpoint);
    return adder == null ? 0 : adder.sum();
  }

  /** One request as the tenant's logs would show it: method, path and the caller's request id. */
  public record Received(String method, String path, String clientRequestId) {}

  /**
   * The most recent requests (up to {@value #RECEIVED_KEPT}) that carried a client-request-id, as
   * Entra and Graph record it for support cases, oldest first.
   */
  public List<Received> receivedRequestIds() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public Map<String, Long> requestCounts() {
    Map<String, Long> copy = new LinkedHashMap<>();
    counters.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  // ---- package-private state for the endpoint classes ----

  /** The TLS identity, for test servers that must be trusted wherever the tenant is. */
  public javax.net.ssl.SSLContext serverTls() {
    return keys.serverTls();
  }

  public Tokens tokens() {
    return tokens;
  }

  public TokenIssuer issuer() {
    return issuer;
  }

  public AuthorizationCodeGrant codes() {
    return codes;
  }

  public Mailbox mailbox() {
    return mailbox;
  }

  public List<Scopes.Resource> resources() {
    return registrations.resources();
  }

  public String tenantPath() {
    return "/" + TENANT_ID;
  }

  void remember(Received request) {
    synchronized (received) {
      if (received.size() == RECEIVED_KEPT) {
        received.removeFirst();
      }
      received.addLast(request);
    }
  }

  public void count(String endpoint) {
    counters.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
  }
}
