package org.editprofile.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.editprofile.Routes;
import org.editprofile.credential.ClientCredentialSource;

/**
 * Reads the settings once, with the Node sample's names, and reports every missing or malformed one
 * in a single pass so an operator can fix them all at once.
 */
public final class SettingsLoader {

  public static final String TENANT_SUBDOMAIN = "TENANT_SUBDOMAIN";
  public static final String AUTHORITY = "AUTHORITY";
  public static final String CLIENT_ID = "CLIENT_ID";
  public static final String REDIRECT_URI = "REDIRECT_URI";
  public static final String POST_LOGOUT_REDIRECT_URI = "POST_LOGOUT_REDIRECT_URI";
  public static final String GRAPH_API_ENDPOINT = "GRAPH_API_ENDPOINT";
  public static final String EDIT_PROFILE_SCOPE = "EDIT_PROFILE_SCOPE";
  public static final String EDIT_PROFILE_API_URL = "EDIT_PROFILE_API_URL";
  public static final String HTTP_CONNECT_TIMEOUT_MS = "HTTP_CONNECT_TIMEOUT_MS";
  public static final String HTTP_READ_TIMEOUT_MS = "HTTP_READ_TIMEOUT_MS";
  public static final String SIGN_IN_TIMEOUT_SECONDS = "SIGN_IN_TIMEOUT_SECONDS";
  public static final String SESSION_LIFETIME_SECONDS = "SESSION_LIFETIME_SECONDS";

  /**
   * Base64 AES-256 keys sealing the token cache in the session (or SESSION_ENCRYPTION_KEY_FILE),
   * comma-separated: the first seals, all open.
   */
  public static final String SESSION_ENCRYPTION_KEY = "SESSION_ENCRYPTION_KEY";

  /** redis:// or rediss:// URL of the store all nodes keep sessions in; unset: in-memory. */
  public static final String SESSION_STORE_URL = "SESSION_STORE_URL";

  /** The store's password or access key (or SESSION_STORE_PASSWORD_FILE). */
  public static final String SESSION_STORE_PASSWORD = "SESSION_STORE_PASSWORD";

  public static final String SERVICE_CLIENT_ID = "EDIT_PROFILE_SERVICE_CLIENT_ID";
  public static final String SERVICE_SCOPE = "EDIT_PROFILE_SERVICE_SCOPE";

  /** The bearer token /metrics requires (or METRICS_TOKEN_FILE); without it, no /metrics. */
  public static final String METRICS_TOKEN = "METRICS_TOKEN";

  static final int MIN_METRICS_TOKEN = 24;

  public static final String SERVICE_ALLOWED_CLIENT_IDS = "EDIT_PROFILE_SERVICE_ALLOWED_CLIENT_IDS";

  /** Where each registration's credential settings start: CLIENT_SECRET and its siblings. */
  static final String WEB_APP_CREDENTIAL = "CLIENT_";

  static final String SERVICE_CREDENTIAL = "EDIT_PROFILE_SERVICE_CLIENT_";

  // Each registration has one credential, chosen by which of these (after its prefix) is set.
  static final String SECRET = "SECRET";
  static final String CERTIFICATE_PATH = "CERTIFICATE_PATH";
  static final String CERTIFICATE_KEY_PATH = "CERTIFICATE_KEY_PATH";
  static final String CERTIFICATE_PASSWORD = "CERTIFICATE_PASSWORD";
  static final String CERTIFICATE_SEND_X5C = "CERTIFICATE_SEND_X5C";
  static final String FEDERATED_TOKEN_FILE = "FEDERATED_TOKEN_FILE";

  /** Kubernetes workload identity's variable: used by a registration with no credential set. */
  public static final String AZURE_FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";

  /** A secret setting NAME may instead be given as NAME_FILE, the path of a file holding it. */
  static final String FILE_SUFFIX = "_FILE";

  private static final List<String> CREDENTIAL_SETTINGS =
      List.of(
          SECRET,
          SECRET + FILE_SUFFIX,
          CERTIFICATE_PATH,
          CERTIFICATE_KEY_PATH,
          CERTIFICATE_PASSWORD,
          CERTIFICATE_PASSWORD + FILE_SUFFIX,
          CERTIFICATE_SEND_X5C,
          FEDERATED_TOKEN_FILE);

  /** The web app's own settings: any of them set means this server runs the web app. */
  private static final List<String> WEB_APP_SETTINGS =
      Stream.concat(
              Stream.of(
                  CLIENT_ID,
                  REDIRECT_URI,
                  POST_LOGOUT_REDIRECT_URI,
                  EDIT_PROFILE_SCOPE,
                  EDIT_PROFILE_API_URL,
                  SIGN_IN_TIMEOUT_SECONDS,
                  SESSION_LIFETIME_SECONDS,
                  SESSION_ENCRYPTION_KEY,
                  SESSION_ENCRYPTION_KEY + FILE_SUFFIX,
                  SESSION_STORE_URL,
                  SESSION_STORE_PASSWORD,
                  SESSION_STORE_PASSWORD + FILE_SUFFIX),
              CREDENTIAL_SETTINGS.stream().map(n -> WEB_APP_CREDENTIAL + n))
          .toList();

  private static final String DEFAULT_GRAPH = "https://graph.microsoft.com/";

  /** Every setting the app reads, by its full name (for checks of a deployment's files). */
  public static Set<String> names() {
    Set<String> names =
        new TreeSet<>(
            List.of(
                TENANT_SUBDOMAIN,
                AUTHORITY,
                GRAPH_API_ENDPOINT,
                HTTP_CONNECT_TIMEOUT_MS,
                HTTP_READ_TIMEOUT_MS,
                SERVICE_CLIENT_ID,
                SERVICE_SCOPE,
                SERVICE_ALLOWED_CLIENT_IDS,
                METRICS_TOKEN,
                METRICS_TOKEN + FILE_SUFFIX,
                AZURE_FEDERATED_TOKEN_FILE));
    names.addAll(WEB_APP_SETTINGS);
    CREDENTIAL_SETTINGS.forEach(n -> names.add(SERVICE_CREDENTIAL + n));
    return names;
  }

  private final SettingSource source;
  private final Clock clock;
  private final Optional<Duration> sessionTimeout;
  private final List<String> problems = new ArrayList<>();

  private SettingsLoader(SettingSource source, Clock clock, Optional<Duration> sessionTimeout) {
    this.source = source;
    this.clock = clock;
    this.sessionTimeout = sessionTimeout;
  }

  public static Configuration load(SettingSource source) {
    return load(source, Clock.systemUTC());
  }

  /**
   * @param clock when certificates must be valid
   */
  public static Configuration load(SettingSource source, Clock clock) {
    return new SettingsLoader(source, clock, Optional.empty()).read();
  }

  /**
   * @param sessionTimeout the container's idle session timeout, which a sign-in at the tenant must
   *     not outlast (the session holds the pending sign-in)
   */
  public static Configuration load(SettingSource source, Clock clock, Duration sessionTimeout) {
    return new SettingsLoader(source, clock, Optional.of(sessionTimeout)).read();
  }

  private Configuration read() {
    TenantSettings tenant = tenant();
    Optional<ServiceSettings> service = service();
    // A server with only the service's settings runs only the service; otherwise the web app's
    // settings are required (and named when missing, as for a first start with nothing set).
    boolean serviceSettingsGiven =
        optional(SERVICE_CLIENT_ID).isPresent() || serviceCredentialSetting().isPresent();
    Optional<WebAppSettings> webApp =
        !serviceSettingsGiven || WEB_APP_SETTINGS.stream().anyMatch(n -> optional(n).isPresent())
            ? Optional.of(webApp())
            : Optional.empty();
    Optional<String> metricsToken = metricsToken();
    if (!problems.isEmpty()) {
      return new Configuration.NotConfigured(List.copyOf(problems));
    }
    return new Configuration.Ready(tenant, webApp, service, metricsToken);
  }

  /** Long enough not to be guessed; anything shorter is a configuration error, not a weak lock. */
  private Optional<String> metricsToken() {
    Optional<String> token = secret(METRICS_TOKEN);
    if (token.isPresent() && token.get().length() < MIN_METRICS_TOKEN) {
      problems.add(METRICS_TOKEN + " must be at least " + MIN_METRICS_TOKEN + " characters long");
      return Optional.empty();
    }
    return token;
  }

  private WebAppSettings webApp() {
    String clientId = required(CLIENT_ID);
    ClientCredentialSource credential =
        new CredentialSettings(this, WEB_APP_CREDENTIAL, "the web app").read();
    URI redirectUri = requiredUrl(REDIRECT_URI);
    URI postLogout =
        optional(POST_LOGOUT_REDIRECT_URI)
            .map(v -> url(POST_LOGOUT_REDIRECT_URI, v))
            .orElseGet(() -> defaultPostLogout(redirectUri));
    String editScope = required(EDIT_PROFILE_SCOPE);
    Optional<URI> apiUrl = optional(EDIT_PROFILE_API_URL).map(v -> url(EDIT_PROFILE_API_URL, v));
    Duration signInTimeout = seconds(SIGN_IN_TIMEOUT_SECONDS, 600);
    sessionTimeout
        .filter(idle -> signInTimeout.compareTo(idle) > 0)
        .ifPresent(
            idle ->
                problems.add(
                    SIGN_IN_TIMEOUT_SECONDS
                        + " ("
                        + signInTimeout.toSeconds()
                        + " s) may not exceed the session timeout ("
                        + idle.toSeconds()
                        + " s): the session that waits for the sign-in would end first"));
    Duration lifetime =
        duration(SESSION_LIFETIME_SECONDS, 12 * 3600, 7 * 24 * 3600, ChronoUnit.SECONDS, "seconds");
    List<byte[]> keys = sessionEncryptionKeys();
    Optional<SessionStoreSettings> store = sessionStore(keys);
    return new WebAppSettings(
        clientId,
        credential,
        redirectUri,
        postLogout,
        editScope,
        apiUrl,
        signInTimeout,
        lifetime,
        keys,
        store);
  }

  /**
   * The shared session store, if one is set. Its sessions leave the JVM, so the token cache's keys
   * are then required: never a silent fallback to a key that a second node cannot know.
   */
  private Optional<SessionStoreSettings> sessionStore(List<byte[]> keys) {
    Optional<String> url = optional(SESSION_STORE_URL);
    Optional<String> password = secret(SESSION_STORE_PASSWORD);
    if (url.isEmpty()) {
      if (password.isPresent()) {
        problems.add(SESSION_STORE_PASSWORD + " is set without " + SESSION_STORE_URL);
      }
      return Optional.empty();
    }
    URI parsed;
    try {
      parsed = new URI(url.get());
    } catch (java.net.URISyntaxException e) {
      parsed = null;
    }
    if (parsed == null
        || !("redis".equals(parsed.getScheme()) || "rediss".equals(parsed.getScheme()))
        || parsed.getHost() == null
        || (parsed.getPath() != null && !parsed.getPath().matches("(/\\d{1,2})?/?"))) {
      problems.add(
          SESSION_STORE_URL
              + " must be redis://host:port or rediss://host:port (TLS), with an optional /db");
      return Optional.empty();
    }
    if (parsed.getUserInfo() != null) {
      problems.add(
          SESSION_STORE_URL
              + " must not carry a password: set "
              + SESSION_STORE_PASSWORD
              + " or "
              + SESSION_STORE_PASSWORD
              + FILE_SUFFIX);
      return Optional.empty();
    }
    if (!isLoopback(parsed.getHost())) {
      // Whoever reads the store's traffic or its contents holds every live session id.
      if (!"rediss".equals(parsed.getScheme())) {
        problems.add(
            SESSION_STORE_URL
                + " must use rediss:// (TLS) for a store on another host: plain redis:// is only"
                + " allowed for localhost");
      }
      if (password.isEmpty()) {
        problems.add(
            SESSION_STORE_PASSWORD
                + " (or "
                + SESSION_STORE_PASSWORD
                + FILE_SUFFIX
                + ") is required for a store on another host");
      }
    }
    if (keys.isEmpty()
        && optional(SESSION_ENCRYPTION_KEY).isEmpty()
        && optional(SESSION_ENCRYPTION_KEY + FILE_SUFFIX).isEmpty()) {
      problems.add(
          SESSION_ENCRYPTION_KEY
              + " is required with "
              + SESSION_STORE_URL
              + ": every node must open the token caches the others sealed, and none may reach"
              + " the store in clear");
    }
    return Optional.of(new SessionStoreSettings(parsed, password));
  }

  /**
   * The token cache's keys: each base64 (standard or URL-safe) of exactly 32 bytes. A malformed key
   * is a configuration error, never a reason to store tokens in clear.
   */
  private List<byte[]> sessionEncryptionKeys() {
    Optional<String> setting = secret(SESSION_ENCRYPTION_KEY);
    if (setting.isEmpty()) {
      return List.of();
    }
    List<byte[]> keys = new ArrayList<>();
    // Comma-separated in a variable; one per line is fine in a file.
    String[] parts = setting.get().strip().split("[,\\s]+");
    for (int i = 0; i < parts.length; i++) {
      byte[] key = base64(parts[i].strip());
      if (key == null || key.length != 32) {
        problems.add(
            SESSION_ENCRYPTION_KEY
                + ": key "
                + (i + 1)
                + " of "
                + parts.length
                + " is not the base64 of 32 random bytes (make one with: openssl rand -base64 32)");
      } else {
        keys.add(key);
      }
    }
    return keys;
  }

  private static byte[] base64(String text) {
    try {
      return text.contains("-") || text.contains("_")
          ? Base64.getUrlDecoder().decode(text)
          : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private TenantSettings tenant() {
    Optional<String> subdomain = optional(TENANT_SUBDOMAIN);
    Optional<String> authorityOverride = optional(AUTHORITY);
    URI graph =
        url(GRAPH_API_ENDPOINT, withSlash(optional(GRAPH_API_ENDPOINT).orElse(DEFAULT_GRAPH)));
    Duration connectTimeout = millis(HTTP_CONNECT_TIMEOUT_MS, 5_000);
    Duration readTimeout = millis(HTTP_READ_TIMEOUT_MS, 15_000);

    String authority = null;
    boolean ciam = false;
    URI discovery = null;
    if (authorityOverride.isPresent()) {
      authority = withSlash(authorityOverride.get());
      URI parsed = authority.startsWith("https://") ? url(AUTHORITY, authority) : null;
      if (!authority.startsWith("https://")) {
        problems.add(AUTHORITY + " must be an https URL (MSAL4J accepts no other)");
      } else if (parsed != null && isTenantDomainForm(parsed)) {
        problems.add(
            AUTHORITY
                + " must not name the tenant as <subdomain>.onmicrosoft.com: its discovered issuer"
                + " is on another host, which MSAL4J refuses on every request. Set "
                + TENANT_SUBDOMAIN
                + " instead (or AUTHORITY with the tenant id)");
      } else if (parsed != null) {
        ciam = isCiamRoot(parsed);
        // MSAL4J's oidcAuthority discovers from <authority>.well-known/openid-configuration.
        discovery =
            ciam
                ? ciamDiscovery(parsed.getHost())
                : URI.create(authority + ".well-known/openid-configuration");
      }
    } else if (subdomain.isEmpty()) {
      problems.add(TENANT_SUBDOMAIN + " is missing (or set " + AUTHORITY + ")");
    } else if (!subdomain.get().matches("[A-Za-z0-9-]{1,63}")) {
      problems.add(TENANT_SUBDOMAIN + " must be the tenant's subdomain, such as 'contoso'");
    } else {
      authority = "https://" + subdomain.get() + ".ciamlogin.com/";
      ciam = true;
      discovery = ciamDiscovery(subdomain.get() + ".ciamlogin.com");
    }
    return new TenantSettings(authority, ciam, discovery, graph, connectTimeout, readTimeout);
  }

  /**
   * A path-less ciamlogin.com authority: MSAL4J's CIAM type, whose tenant is {@code
   * <sub>.onmicrosoft.com}.
   */
  private static boolean isCiamRoot(URI authority) {
    String path = authority.getPath();
    return authority.getHost() != null
        && authority.getHost().endsWith(".ciamlogin.com")
        && (path == null || path.isEmpty() || "/".equals(path))
        && authority.getPort() == -1;
  }

  /**
   * {@code https://<sub>.ciamlogin.com/<sub>.onmicrosoft.com/...}: Entra's discovery document there
   * names the issuer {@code https://<tenant-id>.ciamlogin.com/<tenant-id>/v2.0}, which MSAL4J's
   * oidcAuthority rejects (issuer_validation).
   */
  private static boolean isTenantDomainForm(URI authority) {
    String path = authority.getPath() == null ? "" : authority.getPath();
    return authority.getHost() != null
        && authority.getHost().endsWith(".ciamlogin.com")
        && path.matches("/[^/]+\\.onmicrosoft\\.com(/.*)?");
  }

  private static URI ciamDiscovery(String host) {
    String tenant = host.substring(0, host.indexOf('.')) + ".onmicrosoft.com";
    return URI.create("https://" + host + "/" + tenant + "/v2.0/.well-known/openid-configuration");
  }

  private Optional<ServiceSettings> service() {
    Optional<String> id = optional(SERVICE_CLIENT_ID);
    Optional<String> credentialSetting = serviceCredentialSetting();
    if (id.isEmpty() && credentialSetting.isEmpty()) {
      return Optional.empty();
    }
    if (id.isEmpty()) {
      problems.add(SERVICE_CLIENT_ID + " is missing (" + credentialSetting.get() + " is set)");
      return Optional.empty();
    }
    ClientCredentialSource credential =
        new CredentialSettings(this, SERVICE_CREDENTIAL, "the edit profile service").read();
    String scope = optional(SERVICE_SCOPE).orElse(ServiceSettings.DEFAULT_SCOPE);
    Set<String> callers = allowedCallers();
    return credential == null || callers.isEmpty()
        ? Optional.empty()
        : Optional.of(new ServiceSettings(id.get(), credential, scope, callers));
  }

  /**
   * Who may call the service: any client of the tenant could otherwise obtain a token for its scope
   * (with consent) and edit profiles through it. By default only the web app beside it.
   */
  private Set<String> allowedCallers() {
    Optional<String> listed = optional(SERVICE_ALLOWED_CLIENT_IDS);
    if (listed.isPresent()) {
      Set<String> ids =
          Arrays.stream(listed.get().split("[,\\s]+"))
              .filter(idPart -> !idPart.isEmpty())
              .collect(Collectors.toUnmodifiableSet());
      if (ids.isEmpty()) {
        problems.add(SERVICE_ALLOWED_CLIENT_IDS + " names no client id");
      }
      return ids;
    }
    Optional<String> webApp = optional(CLIENT_ID);
    if (webApp.isEmpty()) {
      problems.add(
          SERVICE_ALLOWED_CLIENT_IDS
              + " is missing: the client ids allowed to call the edit profile service"
              + " (the web app's CLIENT_ID, comma-separated for several)");
      return Set.of();
    }
    return Set.of(webApp.get());
  }

  /** The first of the service's credential settings that is set. */
  private Optional<String> serviceCredentialSetting() {
    return CREDENTIAL_SETTINGS.stream()
        .map(n -> SERVICE_CREDENTIAL + n)
        .filter(n -> optional(n).isPresent())
        .findFirst();
  }

  private Duration millis(String name, long defaultMillis) {
    return duration(name, defaultMillis, 300_000, ChronoUnit.MILLIS, "milliseconds");
  }

  private Duration seconds(String name, long defaultSeconds) {
    return duration(name, defaultSeconds, 3600, ChronoUnit.SECONDS, "seconds");
  }

  /** A whole number of units between 1 and max; the default when unset. */
  private Duration duration(
      String name, long defaultValue, long max, ChronoUnit unit, String unitName) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return Duration.of(defaultValue, unit);
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed > 0 && parsed <= max) {
        return Duration.of(parsed, unit);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be a number of " + unitName + " between 1 and " + max);
    return Duration.of(defaultValue, unit);
  }

  private static URI defaultPostLogout(URI redirectUri) {
    if (redirectUri == null) {
      return null;
    }
    String text = redirectUri.toString();
    return text.endsWith(Routes.SIGN_IN_CALLBACK)
        ? URI.create(text.substring(0, text.length() - Routes.SIGN_IN_CALLBACK.length()) + "/")
        : redirectUri.resolve("/");
  }

  Optional<String> optional(String name) {
    return source.get(name).map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * A secret: the value of {@code name}, or the content of the file {@code name_FILE} names (the
   * Docker and Kubernetes secrets convention), its trailing line break dropped. Neither the value
   * nor the file's content is ever part of a problem's text.
   */
  Optional<String> secret(String name) {
    Optional<String> value = optional(name);
    Optional<String> file = optional(name + FILE_SUFFIX);
    if (value.isPresent() && file.isPresent()) {
      problems.add("Set " + name + " or " + name + FILE_SUFFIX + ", not both");
      return Optional.empty();
    }
    if (file.isEmpty()) {
      return value;
    }
    try {
      String content =
          java.nio.file.Files.readString(Path.of(file.get()), StandardCharsets.UTF_8)
              .replaceAll("[\\r\\n]+$", "");
      if (content.isBlank()) {
        problems.add(name + FILE_SUFFIX + ": " + file.get() + " is empty");
        return Optional.empty();
      }
      return Optional.of(content);
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      problems.add(name + FILE_SUFFIX + ": cannot read " + file.get());
      return Optional.empty();
    }
  }

  void problem(String text) {
    problems.add(text);
  }

  Clock clock() {
    return clock;
  }

  private String required(String name) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      problems.add(name + " is missing");
      return null;
    }
    return value.get();
  }

  private URI requiredUrl(String name) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      problems.add(name + " is missing");
      return null;
    }
    return url(name, value.get());
  }

  /** An absolute http(s) URL; plain http only for a loopback host, as Entra itself allows. */
  private URI url(String name, String value) {
    try {
      URI uri = new URI(value);
      boolean http = "http".equals(uri.getScheme());
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || !(http || "https".equals(uri.getScheme()))) {
        problems.add(name + " must be an absolute https URL");
        return null;
      }
      if (http && !isLoopback(uri.getHost())) {
        problems.add(name + " must use https (plain http is only allowed for localhost)");
        return null;
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      problems.add(name + " is not a valid URL");
      return null;
    }
  }

  private static boolean isLoopback(String host) {
    return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
  }

  private static String withSlash(String value) {
    return value.endsWith("/") ? value : value + "/";
  }
}
