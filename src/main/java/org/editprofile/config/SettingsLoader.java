package org.editprofile.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads the settings once, with the Node sample's names, and reports every missing or malformed one
 * in a single pass so an operator can fix them all at once. Each section has its reader (the
 * tenant's, the web app's with its session store, the service's, each registration's credential) on
 * one {@link SettingReader} that collects the problems; this class names every setting.
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

  /** The authentication context (c1 to c25) the service requires in a caller's acrs claim. */
  public static final String SERVICE_REQUIRED_AUTH_CONTEXT =
      "EDIT_PROFILE_SERVICE_REQUIRED_AUTH_CONTEXT";

  /** The custom user attributes the app shows (a JSON array), and the app that names them. */
  public static final String CUSTOM_ATTRIBUTES = "CUSTOM_ATTRIBUTES";

  public static final String EXTENSIONS_APP_CLIENT_ID = "EXTENSIONS_APP_CLIENT_ID";

  /**
   * Whether the edit profile service's registration holds Graph's application permission
   * User.ReadWrite.All with admin consent (custom attribute writes, account deletion).
   */
  public static final String SERVICE_APP_ACCESS = "EDIT_PROFILE_SERVICE_APP_ACCESS";

  /** What deleting an account does: keep (Entra's restore window, the default), purge or off. */
  public static final String ACCOUNT_DELETION = "ACCOUNT_DELETION";

  /** How the edit form and the save require MFA: api-scope (the default) or auth-context. */
  public static final String STEP_UP_MODE = "STEP_UP_MODE";

  /** In auth-context mode, the context (c1 to c25) whose Conditional Access policy asks MFA. */
  public static final String STEP_UP_AUTH_CONTEXT = "STEP_UP_AUTH_CONTEXT";

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

  static final List<String> CREDENTIAL_SETTINGS =
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
                  STEP_UP_MODE,
                  STEP_UP_AUTH_CONTEXT,
                  SIGN_IN_TIMEOUT_SECONDS,
                  SESSION_LIFETIME_SECONDS,
                  SESSION_ENCRYPTION_KEY,
                  SESSION_ENCRYPTION_KEY + FILE_SUFFIX,
                  SESSION_STORE_URL,
                  SESSION_STORE_PASSWORD,
                  SESSION_STORE_PASSWORD + FILE_SUFFIX),
              CREDENTIAL_SETTINGS.stream().map(n -> WEB_APP_CREDENTIAL + n))
          .toList();

  /** Every setting the app reads, by its full name (for checks of a deployment's files). */
  public static Set<String> names() {
    Set<String> names =
        new TreeSet<>(
            List.of(
                TENANT_SUBDOMAIN,
                AUTHORITY,
                GRAPH_API_ENDPOINT,
                CUSTOM_ATTRIBUTES,
                EXTENSIONS_APP_CLIENT_ID,
                HTTP_CONNECT_TIMEOUT_MS,
                HTTP_READ_TIMEOUT_MS,
                SERVICE_CLIENT_ID,
                SERVICE_SCOPE,
                SERVICE_ALLOWED_CLIENT_IDS,
                SERVICE_REQUIRED_AUTH_CONTEXT,
                SERVICE_APP_ACCESS,
                ACCOUNT_DELETION,
                METRICS_TOKEN,
                METRICS_TOKEN + FILE_SUFFIX,
                AZURE_FEDERATED_TOKEN_FILE));
    names.addAll(WEB_APP_SETTINGS);
    CREDENTIAL_SETTINGS.forEach(n -> names.add(SERVICE_CREDENTIAL + n));
    return names;
  }

  private final SettingReader settings;

  private SettingsLoader(SettingSource source, Clock clock, Optional<Duration> sessionTimeout) {
    this.settings = new SettingReader(source, clock, sessionTimeout);
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
   * @param sessionTimeout the container's idle session timeout, which a step-up at the tenant must
   *     not outlast (the signed-in session waits for it)
   */
  public static Configuration load(SettingSource source, Clock clock, Duration sessionTimeout) {
    return new SettingsLoader(source, clock, Optional.of(sessionTimeout)).read();
  }

  private Configuration read() {
    TenantSettings tenant = new TenantSettingsReader(settings).read();
    ServiceSettingsReader services = new ServiceSettingsReader(settings);
    Optional<ServiceSettings> service = services.read();
    // A server with only the service's settings runs only the service; otherwise the web app's
    // settings are required (and named when missing, as for a first start with nothing set).
    boolean serviceSettingsGiven =
        settings.optional(SERVICE_CLIENT_ID).isPresent()
            || services.credentialSetting().isPresent();
    Optional<WebAppSettings> webApp =
        !serviceSettingsGiven
                || WEB_APP_SETTINGS.stream().anyMatch(n -> settings.optional(n).isPresent())
            ? Optional.of(new WebAppSettingsReader(settings).read())
            : Optional.empty();
    Optional<String> metricsToken = metricsToken();
    AppOnlyAccess appOnly = new AppOnlyAccessReader(settings).read();
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      return new Configuration.NotConfigured(problems);
    }
    return new Configuration.Ready(tenant, webApp, service, metricsToken, appOnly);
  }

  /** Long enough not to be guessed; anything shorter is a configuration error, not a weak lock. */
  private Optional<String> metricsToken() {
    Optional<String> token = settings.secret(METRICS_TOKEN);
    if (token.isPresent() && token.get().length() < MIN_METRICS_TOKEN) {
      settings.problem(
          METRICS_TOKEN + " must be at least " + MIN_METRICS_TOKEN + " characters long");
      return Optional.empty();
    }
    return token;
  }
}
