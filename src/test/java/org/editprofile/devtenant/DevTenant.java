package org.editprofile.devtenant;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for a Microsoft Entra External ID tenant, for development and tests only.
 *
 * <p>Back-channel endpoints (discovery, JWKS, token, Graph) are served over https, as MSAL4J
 * requires; the browser-facing pages (authorize, sign-in, one-time code, sign-out, mailbox) over
 * plain http on a second port, so a normal browser opens them without a certificate warning. Both
 * listen on 127.0.0.1 only.
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

  public static final String TENANT_ID = "6f2b3c1e-4d5a-4b8e-9c7d-2a1f0e9d8c7b";
  public static final String GRAPH_AUDIENCE = "00000003-0000-0000-c000-000000000000";
  public static final String DEMO_EMAIL = "demo@devtenant.example";
  public static final String DEMO_PASSWORD = "Demo-Passw0rd!";
  public static final String SERVICE_SCOPE_NAME = "EditProfileService.ReadWrite";

  /**
   * Where the dev tenant listens and what it calls itself. Locally everything is 127.0.0.1; in a
   * container it binds 0.0.0.0, the app reaches it by its service name, and the browser by a
   * published port.
   *
   * @param host the host name in the issuer and the https URLs (and in the TLS certificate)
   * @param publicHttpBase the browser-facing base URL of the sign-in pages; null for
   *     http://host:port
   */
  public record Options(
      String bindAddress,
      int httpsPort,
      int httpPort,
      String host,
      String publicHttpBase,
      String webClientId,
      String webClientSecret,
      String serviceClientId,
      String serviceClientSecret) {

    /** Loopback only, fresh random client ids and secrets. */
    public static Options local(int httpsPort, int httpPort) {
      return new Options(
          "127.0.0.1",
          httpsPort,
          httpPort,
          "127.0.0.1",
          null,
          UUID.randomUUID().toString(),
          "dev-" + UUID.randomUUID(),
          UUID.randomUUID().toString(),
          "dev-" + UUID.randomUUID());
    }
  }

  private final Options options;
  private final DevTenantKeys keys;
  private final HttpsServer https;
  private final HttpServer http;
  private final ExecutorService executor;
  private final Tokens tokens;
  private final Directory directory = new Directory();
  private final Mailbox mailbox = new Mailbox();
  private final Faults faults = new Faults();
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Set<String> redirectUris = ConcurrentHashMap.newKeySet();
  private final Set<String> postLogoutUris = ConcurrentHashMap.newKeySet();
  private final String webClientId;
  private final String webClientSecret;
  private final String serviceClientId;
  private final String serviceClientSecret;
  private final List<Scopes.Resource> resources;
  private final SignInPages signIn;
  private final TokenEndpoint tokenEndpoint;
  private final GraphApi graph;

  private DevTenant(Options options) throws IOException {
    this.options = options;
    this.keys = DevTenantKeys.generate(options.host());
    this.webClientId = options.webClientId();
    this.webClientSecret = options.webClientSecret();
    this.serviceClientId = options.serviceClientId();
    this.serviceClientSecret = options.serviceClientSecret();
    InetAddress bind = InetAddress.getByName(options.bindAddress());
    https = HttpsServer.create(new InetSocketAddress(bind, options.httpsPort()), 200);
    https.setHttpsConfigurator(new HttpsConfigurator(keys.serverTls()));
    http = HttpServer.create(new InetSocketAddress(bind, options.httpPort()), 200);
    executor =
        Executors.newFixedThreadPool(
            64,
            r -> {
              Thread t = new Thread(r, "dev-tenant");
              t.setDaemon(true);
              return t;
            });
    https.setExecutor(executor);
    http.setExecutor(executor);
    tokens = new Tokens(keys.signingKey(), httpsBase() + "/" + TENANT_ID + "/v2.0");
    resources =
        List.of(
            new Scopes.Resource(
                "graph",
                GRAPH_AUDIENCE,
                "https://graph.microsoft.com/",
                Set.of("User.Read", "User.ReadWrite"),
                false),
            new Scopes.Resource(
                "edit-profile-service",
                serviceClientId,
                "api://" + serviceClientId + "/",
                Set.of(SERVICE_SCOPE_NAME),
                true));
    signIn = new SignInPages(this);
    tokenEndpoint = new TokenEndpoint(this);
    graph = new GraphApi(this);
    https.createContext("/", this::dispatch);
    http.createContext("/", this::dispatch);
    directory.add(DEMO_EMAIL, DEMO_PASSWORD, "Demo User");
  }

  /** Starts on 127.0.0.1 with the given ports (0 picks free ones). */
  public static DevTenant start(int httpsPort, int httpPort) throws IOException {
    return start(Options.local(httpsPort, httpPort));
  }

  public static DevTenant start(Options options) throws IOException {
    DevTenant tenant = new DevTenant(options);
    tenant.https.start();
    tenant.http.start();
    LOG.info(
        "Dev tenant started: authority {} , sign-in pages on {}",
        tenant.authority(),
        tenant.httpBase());
    return tenant;
  }

  @Override
  public void close() {
    https.stop(0);
    http.stop(0);
    executor.shutdownNow();
  }

  // ---- what the app and the tests configure themselves with ----

  public String httpsBase() {
    return "https://" + options.host() + ":" + https.getAddress().getPort();
  }

  /** The browser-facing base URL of the sign-in pages and the mailbox. */
  public String httpBase() {
    return options.publicHttpBase() != null
        ? options.publicHttpBase()
        : "http://" + options.host() + ":" + http.getAddress().getPort();
  }

  /** The AUTHORITY setting: equal to the issuer, as MSAL4J's oidcAuthority demands. */
  public String authority() {
    return tokens.issuer() + "/";
  }

  public String graphEndpoint() {
    return httpsBase() + "/graph/";
  }

  public String webClientId() {
    return webClientId;
  }

  public String webClientSecret() {
    return webClientSecret;
  }

  public String serviceClientId() {
    return serviceClientId;
  }

  public String serviceClientSecret() {
    return serviceClientSecret;
  }

  /** The EDIT_PROFILE_SCOPE setting: the MFA-protected scope of the edit profile service. */
  public String editProfileScope() {
    return "api://" + serviceClientId + "/" + SERVICE_SCOPE_NAME;
  }

  /** Registers a redirect URI and a post-logout URI for the web app, as in the portal. */
  public void registerWebApp(String redirectUri, String postLogoutRedirectUri) {
    redirectUris.add(redirectUri);
    postLogoutUris.add(postLogoutRedirectUri);
  }

  /** Writes a trust store with the dev tenant's TLS certificate. */
  public Path writeTrustStore(Path file) {
    return keys.writeTrustStore(file);
  }

  public static String trustStorePassword() {
    return DevTenantKeys.TRUST_STORE_PASSWORD;
  }

  /** Ways the next ID token can be wrong, for testing the app's own ID token checks. */
  public enum IdTokenFault {
    NONE,
    WRONG_NONCE,
    WRONG_AUDIENCE,
    WRONG_ISSUER,
    EXPIRED,
    BAD_SIGNATURE,
    UNSIGNED
  }

  private final java.util.concurrent.atomic.AtomicReference<IdTokenFault> idTokenFault =
      new java.util.concurrent.atomic.AtomicReference<>(IdTokenFault.NONE);

  /** The next ID token issued will have this defect. */
  public void breakNextIdToken(IdTokenFault fault) {
    idTokenFault.set(fault);
  }

  IdTokenFault takeIdTokenFault() {
    return idTokenFault.getAndSet(IdTokenFault.NONE);
  }

  /**
   * Claims of an access token as this tenant issues them, for tests that craft their own tokens.
   */
  public com.nimbusds.jwt.JWTClaimsSet.Builder accessTokenClaims(
      String audience, String oid, String scp) {
    return tokens
        .base(audience, java.time.Duration.ofHours(1))
        .subject(oid)
        .claim("oid", oid)
        .claim("tid", TENANT_ID)
        .claim("azp", webClientId)
        .claim("scp", scp)
        .claim("amr", List.of("pwd", "mfa"));
  }

  /** Signs with the tenant's real key. */
  public String sign(com.nimbusds.jwt.JWTClaimsSet claims) {
    return tokens.sign(claims);
  }

  public com.nimbusds.jose.jwk.RSAKey publicSigningKey() {
    return keys.signingKey().toPublicJWK();
  }

  private final java.util.concurrent.atomic.AtomicLong tokenDelayMillis =
      new java.util.concurrent.atomic.AtomicLong();

  /** Makes the token endpoint answer this much later (0 to stop), to test the app's timeouts. */
  public void delayTokenEndpoint(long millis) {
    tokenDelayMillis.set(millis);
  }

  private static void sleep(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final java.util.Queue<String> issuedSecrets =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * Remembers a code, token or one-time code this tenant handed out, so tests can look for leaks.
   */
  void issued(String secret) {
    issuedSecrets.add(secret);
  }

  /**
   * Every authorization code, access, refresh and ID token and one-time code issued so far, and the
   * client secrets.
   */
  public java.util.List<String> issuedSecrets() {
    java.util.List<String> all = new java.util.ArrayList<>(issuedSecrets);
    all.add(webClientSecret);
    all.add(serviceClientSecret);
    return all;
  }

  public Directory directory() {
    return directory;
  }

  public Faults faults() {
    return faults;
  }

  public java.util.Optional<String> latestCode(String email) {
    return mailbox.latestCode(email);
  }

  /**
   * Requests served per endpoint name (discovery, jwks, authorize, token, graph.get,
   * graph.patch...).
   */
  public long requests(String endpoint) {
    LongAdder adder = counters.get(endpoint);
    return adder == null ? 0 : adder.sum();
  }

  public Map<String, Long> requestCounts() {
    Map<String, Long> copy = new LinkedHashMap<>();
    counters.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  // ---- package-private state for the endpoint classes ----

  Tokens tokens() {
    return tokens;
  }

  TokenEndpoint tokenEndpoint() {
    return tokenEndpoint;
  }

  Mailbox mailbox() {
    return mailbox;
  }

  List<Scopes.Resource> resources() {
    return resources;
  }

  Scopes.Resource graphResource() {
    return resources.get(0);
  }

  boolean isRedirectUriRegistered(String clientId, String uri) {
    return webClientId.equals(clientId) && redirectUris.contains(uri);
  }

  boolean isPostLogoutUriRegistered(String uri) {
    return postLogoutUris.contains(uri);
  }

  /** The secret of a registered confidential client, or null. */
  String secretOf(String clientId) {
    if (webClientId.equals(clientId)) {
      return webClientSecret;
    }
    if (serviceClientId.equals(clientId)) {
      return serviceClientSecret;
    }
    return null;
  }

  String tenantPath() {
    return "/" + TENANT_ID;
  }

  void count(String endpoint) {
    counters.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
  }

  private void dispatch(HttpExchange raw) throws IOException {
    try {
      Exchange exchange = new Exchange(raw);
      String path = exchange.path();
      String t = tenantPath();
      if (path.equals(t + "/v2.0/.well-known/openid-configuration")) {
        count("discovery");
        exchange.json(200, discovery());
      } else if (path.equals(t + "/discovery/v2.0/keys")) {
        count("jwks");
        exchange.send(
            200,
            "application/json",
            new JWKSet(keys.signingKey().toPublicJWK())
                .toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else if (path.equals(t + "/oauth2/v2.0/token")) {
        count("token");
        sleep(tokenDelayMillis.get());
        tokenEndpoint.handle(exchange);
      } else if (path.startsWith("/graph/v1.0/me")) {
        count("graph." + exchange.method().toLowerCase(java.util.Locale.ROOT));
        graph.handle(exchange);
      } else if (path.startsWith(t + "/") || path.equals("/mailbox") || path.startsWith("/_dev/")) {
        signIn.handle(exchange);
      } else {
        exchange.json(404, Map.of("error", "not_found"));
      }
    } catch (RuntimeException e) {
      LOG.error("Dev tenant failure on {}", raw.getRequestURI().getPath(), e);
      raw.sendResponseHeaders(500, -1);
    } finally {
      raw.close();
    }
  }

  private Map<String, Object> discovery() {
    String t = tenantPath();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", tokens.issuer());
    doc.put("authorization_endpoint", httpBase() + t + "/oauth2/v2.0/authorize");
    doc.put("token_endpoint", httpsBase() + t + "/oauth2/v2.0/token");
    doc.put("jwks_uri", httpsBase() + t + "/discovery/v2.0/keys");
    doc.put("end_session_endpoint", httpBase() + t + "/oauth2/v2.0/logout");
    doc.put("response_types_supported", List.of("code", "id_token", "code id_token"));
    doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
    doc.put("subject_types_supported", List.of("pairwise"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
    doc.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_post", "client_secret_basic"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
    doc.put(
        "claims_supported",
        List.of(
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "name",
            "preferred_username",
            "email",
            "oid",
            "tid",
            "ver",
            "amr"));
    doc.put("tenant_region_scope", "EU");
    return doc;
  }
}
