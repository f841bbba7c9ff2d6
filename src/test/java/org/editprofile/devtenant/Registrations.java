package org.editprofile.devtenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import org.editprofile.devtenant.grants.KeyCredentials;
import org.editprofile.devtenant.grants.Scopes;

/**
 * The tenant's app registrations, as in the admin center: client id, its credentials (a secret,
 * certificates, federated credentials), redirect URIs (post-logout URIs among them, as Entra
 * requires), and for an API its Application ID URI, exposed scopes, accepted access-token version
 * and Conditional Access policy, and the optional claims each app's tokens carry; and the tenant's
 * authentication contexts with the Conditional Access policies that target them. Read from a JSON
 * or YAML file (see docs/dev-tenant-registrations.example.json) or built from the run command's
 * shorthand.
 */
public final class Registrations {

  /** An API an app exposes. */
  public record Api(
      String identifierUri, Set<String> scopes, int accessTokenVersion, boolean requiresMfa) {

    /**
     * {@code requestedAccessTokenVersion} as in the app manifest: null (the default) means v1.0
     * tokens, as Microsoft documents for the manifest attribute.
     */
    static int version(JsonNode node) {
      return node == null || node.isNull() ? 1 : node.asInt();
    }
  }

  /**
   * The optional claims of an app's tokens, by name, as its manifest's {@code optionalClaims}: the
   * web app's ID tokens ({@code idToken}), an API's access tokens ({@code accessToken}).
   */
  public record OptionalClaims(Set<String> idToken, Set<String> accessToken) {

    public static final OptionalClaims NONE = new OptionalClaims(Set.of(), Set.of());

    static OptionalClaims read(JsonNode node) {
      return new OptionalClaims(names(node.path("idToken")), names(node.path("accessToken")));
    }

    private static Set<String> names(JsonNode claims) {
      Set<String> names = new LinkedHashSet<>();
      claims.forEach(c -> names.add(c.isTextual() ? c.asText() : c.path("name").asText()));
      return Set.copyOf(names);
    }
  }

  /**
   * A federated identity credential, as Graph's {@code federatedIdentityCredential}: the app trusts
   * tokens of this external issuer about this subject, for one of these audiences.
   */
  public record FederatedCredential(
      String name, String issuer, String subject, Set<String> audiences) {

    /** The audience Microsoft recommends for federated credentials in the public cloud. */
    public static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";
  }

  /**
   * One app registration. Redirect URIs, certificates and federated credentials can be added while
   * the tenant runs, as an admin does in the admin center.
   *
   * @param clientSecret null when the app has no secret (only certificates or federated
   *     credentials)
   * @param certificates the public certificates its client assertions may be signed with (Graph's
   *     {@code keyCredentials})
   * @param federatedCredentials Graph's {@code federatedIdentityCredentials}
   */
  public record App(
      String name,
      String clientId,
      String clientSecret,
      Set<String> redirectUris,
      Set<String> postLogoutRedirectUris,
      Optional<Api> api,
      List<X509Certificate> certificates,
      List<FederatedCredential> federatedCredentials,
      OptionalClaims optionalClaims) {

    App(
        String name,
        String clientId,
        String clientSecret,
        Set<String> redirectUris,
        Set<String> postLogoutRedirectUris,
        Optional<Api> api,
        OptionalClaims optionalClaims) {
      this(
          name,
          clientId,
          clientSecret,
          redirectUris,
          postLogoutRedirectUris,
          api,
          new CopyOnWriteArrayList<>(),
          new CopyOnWriteArrayList<>(),
          optionalClaims);
    }
  }

  /** The shorthand's authentication context, which its policy protects with MFA. */
  public static final String EDIT_CONTEXT = "c1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, App> byClientId = new ConcurrentHashMap<>();
  private final List<App> inOrder = new CopyOnWriteArrayList<>();

  /** Client ids whose admin consent for an API (by client id) was withdrawn. */
  private final Set<String> missingConsent = ConcurrentHashMap.newKeySet();

  /**
   * Application permissions (Graph's app roles, such as {@code User.ReadWrite.All}) each app asked
   * for, by client id, with whether an administrator granted consent to each.
   */
  private final Map<String, Map<String, Boolean>> appPermissions = new ConcurrentHashMap<>();

  /** The APIs (by client id) a Conditional Access policy requires MFA for. */
  private final Set<String> mfaApis = ConcurrentHashMap.newKeySet();

  /** The tenant's authentication contexts: id to display name. */
  private final Map<String, String> authContexts = new ConcurrentHashMap<>();

  /** The authentication contexts a Conditional Access policy requires MFA for. */
  private final Set<String> mfaContexts = ConcurrentHashMap.newKeySet();

  /**
   * The tenant's {@code b2c-extensions-app}: its client id and the custom attributes (name to Graph
   * data type: String, Integer, Boolean) defined on it.
   */
  private volatile String extensionsAppClientId = UUID.randomUUID().toString();

  private final Map<String, String> customAttributes = new java.util.LinkedHashMap<>();

  public Registrations add(App app) {
    for (String uri : app.postLogoutRedirectUris()) {
      if (!app.redirectUris().contains(uri)) {
        throw new IllegalArgumentException(
            app.name()
                + ": post-logout URI "
                + uri
                + " must also be a redirect URI of the app (Entra requires it)");
      }
    }
    if (byClientId.putIfAbsent(app.clientId(), app) != null) {
      throw new IllegalArgumentException("two registrations with client id " + app.clientId());
    }
    inOrder.add(app);
    app.api().filter(Api::requiresMfa).ifPresent(api -> mfaApis.add(app.clientId()));
    return this;
  }

  /**
   * Adds an authentication context, with or without a Conditional Access policy that requires MFA
   * for it (Entra allows both; a context no policy targets is met by any sign-in that asks).
   */
  public Registrations addAuthContext(String id, String displayName, boolean requiresMfa) {
    if (!id.matches("c([1-9]|1[0-9]|2[0-5])")) {
      throw new IllegalArgumentException(id + ": authentication contexts are c1 to c25");
    }
    authContexts.put(id, displayName);
    if (requiresMfa) {
      mfaContexts.add(id);
    } else {
      mfaContexts.remove(id);
    }
    return this;
  }

  /**
   * Adds an application permission to an app's registration (API permissions > Application
   * permissions), with or without the administrator's consent.
   */
  public Registrations addApplicationPermission(
      String clientId, String permission, boolean adminConsent) {
    appPermissions
        .computeIfAbsent(clientId, c -> new ConcurrentHashMap<>())
        .put(permission, adminConsent);
    return this;
  }

  /** Grants or withdraws the administrator's consent for one application permission. */
  public void setApplicationPermissionConsent(String clientId, String permission, boolean granted) {
    Map<String, Boolean> permissions = appPermissions.get(clientId);
    if (permissions == null || !permissions.containsKey(permission)) {
      throw new IllegalArgumentException(clientId + " has not asked for " + permission);
    }
    permissions.put(permission, granted);
  }

  /** The application permissions an app holds: asked for and consented to (its token's roles). */
  public List<String> grantedApplicationPermissions(String clientId) {
    return appPermissions.getOrDefault(clientId, Map.of()).entrySet().stream()
        .filter(Map.Entry::getValue)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** Defines a custom user attribute, as User flows > Custom user attributes does. */
  public synchronized Registrations addCustomAttribute(String name, String dataType) {
    customAttributes.put(name, dataType);
    return this;
  }

  public String extensionsAppClientId() {
    return extensionsAppClientId;
  }

  /** The Graph property name of each custom attribute, {@code extension_<app id>_<name>}. */
  public synchronized Map<String, String> extensionProperties() {
    Map<String, String> byGraphName = new java.util.LinkedHashMap<>();
    customAttributes.forEach(
        (name, type) ->
            byGraphName.put(
                "extension_" + extensionsAppClientId.replace("-", "") + "_" + name, type));
    return byGraphName;
  }

  public boolean knowsAuthContext(String id) {
    return authContexts.containsKey(id);
  }

  public boolean contextRequiresMfa(String id) {
    return mfaContexts.contains(id);
  }

  /**
   * Of the authentication contexts a request asks for, those a sign-in meets: declared, and either
   * no policy targets them or the sign-in did MFA. An undeclared context is never met (Entra's
   * behaviour for one is not documented; the dev tenant leaves it out of {@code acrs}).
   */
  public Set<String> contextsMet(Set<String> asked, boolean mfa) {
    Set<String> met = new LinkedHashSet<>();
    for (String id : asked) {
      if (knowsAuthContext(id) && (mfa || !contextRequiresMfa(id))) {
        met.add(id);
      }
    }
    return Set.copyOf(met);
  }

  /**
   * Turns the Conditional Access policy that requires MFA for an API on or off, as an administrator
   * does when moving the step-up from the API to an authentication context.
   */
  public void setApiRequiresMfa(String apiClientId, boolean required) {
    if (required) {
      mfaApis.add(apiClientId);
    } else {
      mfaApis.remove(apiClientId);
    }
  }

  /**
   * The run command's two registrations: the web app and the edit profile service, whose API takes
   * v2.0 tokens and needs MFA (the registration steps in docs/configuration.md).
   */
  public static Registrations shorthand(
      String webClientId, String webSecret, String serviceClientId, String serviceSecret) {
    return new Registrations()
        .add(
            new App(
                "edit-profile-web",
                webClientId,
                webSecret,
                new CopyOnWriteArraySet<>(),
                new CopyOnWriteArraySet<>(),
                Optional.empty(),
                new OptionalClaims(Set.of("acrs"), Set.of())))
        .add(
            new App(
                "edit-profile-service",
                serviceClientId,
                serviceSecret,
                new CopyOnWriteArraySet<>(),
                new CopyOnWriteArraySet<>(),
                Optional.of(
                    new Api(
                        "api://" + serviceClientId, Set.of(DevTenant.SERVICE_SCOPE_NAME), 2, true)),
                new OptionalClaims(Set.of(), Set.of("acrs", "xms_cc", "auth_time"))))
        .addAuthContext(EDIT_CONTEXT, "Change your profile", true)
        .addApplicationPermission(serviceClientId, "User.ReadWrite.All", true)
        .addCustomAttribute("loyaltyNumber", "String")
        .addCustomAttribute("newsletter", "Boolean")
        .addCustomAttribute("shoeSize", "Integer");
  }

  /** Fresh random ids and secrets. */
  public static Registrations random() {
    return shorthand(
        UUID.randomUUID().toString(),
        "dev-" + UUID.randomUUID(),
        UUID.randomUUID().toString(),
        "dev-" + UUID.randomUUID());
  }

  /** Reads {@code {"applications": [...]}} from a .json, .yaml or .yml file. */
  public static Registrations fromFile(Path file) throws IOException {
    String name = file.getFileName().toString();
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    JsonNode root = mapper.readTree(file.toFile());
    Registrations registrations = new Registrations();
    for (JsonNode app : root.path("applications")) {
      String clientId = required(app, "clientId");
      JsonNode api = app.get("api");
      List<X509Certificate> certificates = new CopyOnWriteArrayList<>();
      for (JsonNode key : app.path("keyCredentials")) {
        certificates.add(KeyCredentials.read(key, file.toAbsolutePath().getParent()));
      }
      List<FederatedCredential> federated = new CopyOnWriteArrayList<>();
      for (JsonNode fic : app.path("federatedIdentityCredentials")) {
        federated.add(
            new FederatedCredential(
                fic.path("name").asText(""),
                required(fic, "issuer"),
                required(fic, "subject"),
                Set.copyOf(
                    fic.has("audiences")
                        ? strings(fic.path("audiences"))
                        : List.of(FederatedCredential.TOKEN_EXCHANGE_AUDIENCE))));
      }
      String secret = app.path("clientSecret").asText("");
      if (secret.isBlank() && certificates.isEmpty() && federated.isEmpty()) {
        throw new IOException(
            clientId
                + ": an application needs a clientSecret, keyCredentials or"
                + " federatedIdentityCredentials");
      }
      registrations.add(
          new App(
              app.path("name").asText(clientId),
              clientId,
              secret.isBlank() ? null : secret,
              new CopyOnWriteArraySet<>(strings(app.path("redirectUris"))),
              new CopyOnWriteArraySet<>(strings(app.path("postLogoutRedirectUris"))),
              api == null
                  ? Optional.empty()
                  : Optional.of(
                      new Api(
                          api.path("identifierUri").asText("api://" + clientId),
                          Set.copyOf(strings(api.path("scopes"))),
                          Api.version(api.get("requestedAccessTokenVersion")),
                          "mfa".equals(api.path("conditionalAccess").asText("")))),
              certificates,
              federated,
              OptionalClaims.read(app.path("optionalClaims"))));
    }
    if (registrations.inOrder.isEmpty()) {
      throw new IOException(file + " lists no applications");
    }
    for (JsonNode app : root.path("applications")) {
      for (JsonNode permission : app.path("applicationPermissions")) {
        registrations.addApplicationPermission(
            app.path("clientId").asText(),
            permission.isTextual() ? permission.asText() : required(permission, "value"),
            permission.path("adminConsent").asBoolean(true));
      }
    }
    for (JsonNode context : root.path("authenticationContexts")) {
      registrations.addAuthContext(
          required(context, "id"), context.path("displayName").asText(""), false);
    }
    for (JsonNode policy : root.path("conditionalAccessPolicies")) {
      registrations.addPolicy(policy);
    }
    JsonNode extensions = root.path("b2cExtensionsApp");
    if (!extensions.isMissingNode()) {
      registrations.extensionsAppClientId = required(extensions, "clientId");
      for (JsonNode attribute : extensions.path("customAttributes")) {
        registrations.addCustomAttribute(
            required(attribute, "name"), attribute.path("dataType").asText("String"));
      }
    }
    return registrations;
  }

  /**
   * A Conditional Access policy of the file: grant {@code mfa} for an authentication context
   * ({@code "authenticationContext": "c1"}) or an API ({@code "application": "<client id>"}).
   */
  private void addPolicy(JsonNode policy) throws IOException {
    String name = policy.path("displayName").asText("a Conditional Access policy");
    if (!"mfa".equals(policy.path("grant").asText(""))) {
      throw new IOException(name + ": the dev tenant knows one grant, \"mfa\"");
    }
    String context = policy.path("authenticationContext").asText("");
    String application = policy.path("application").asText("");
    if (!context.isEmpty()) {
      if (!knowsAuthContext(context)) {
        throw new IOException(name + ": authentication context " + context + " is not declared");
      }
      mfaContexts.add(context);
    } else if (byClientId(application).flatMap(App::api).isPresent()) {
      mfaApis.add(application);
    } else {
      throw new IOException(
          name + ": targets neither a declared authentication context nor an API of the file");
    }
  }

  private static String required(JsonNode node, String field) throws IOException {
    String value = node.path(field).asText("");
    if (value.isBlank()) {
      throw new IOException("an entry in the registrations file has no " + field);
    }
    return value;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asText()));
    return values;
  }

  public Optional<App> byClientId(String clientId) {
    return Optional.ofNullable(clientId == null ? null : byClientId.get(clientId));
  }

  public Collection<App> all() {
    return List.copyOf(inOrder);
  }

  /** The first app that exposes no API: the web app, in the shorthand. */
  public App webApp() {
    return inOrder.stream().filter(a -> a.api().isEmpty()).findFirst().orElseThrow();
  }

  /** The first app that exposes an API: the edit profile service, in the shorthand. */
  public App serviceApp() {
    return inOrder.stream().filter(a -> a.api().isPresent()).findFirst().orElseThrow();
  }

  /** Uploads a certificate to the app, as "Certificates &amp; secrets" does. */
  public void addCertificate(String clientId, X509Certificate certificate) {
    byClientId(clientId).orElseThrow().certificates().add(certificate);
  }

  public void removeCertificate(String clientId, X509Certificate certificate) {
    byClientId(clientId).orElseThrow().certificates().remove(certificate);
  }

  public void addFederatedCredential(String clientId, FederatedCredential credential) {
    byClientId(clientId).orElseThrow().federatedCredentials().add(credential);
  }

  /** Adds a redirect URI, and makes it a post-logout URI too when asked. */
  public void addRedirectUri(String clientId, String uri, boolean alsoPostLogout) {
    App app = byClientId(clientId).orElseThrow();
    app.redirectUris().add(uri);
    if (alsoPostLogout) {
      app.postLogoutRedirectUris().add(uri);
    }
  }

  public boolean isRedirectUri(String clientId, String uri) {
    return byClientId(clientId).map(a -> a.redirectUris().contains(uri)).orElse(false);
  }

  /**
   * A post-logout URI must be registered for the app named by {@code client_id}; without one (the
   * Node sample sends none), for any app.
   */
  public boolean isPostLogoutUri(String clientId, String uri) {
    Collection<App> apps =
        clientId == null ? inOrder : byClientId(clientId).map(List::of).orElse(List.of());
    return apps.stream().anyMatch(a -> a.postLogoutRedirectUris().contains(uri));
  }

  /** Every API the tenant can issue tokens for: Microsoft Graph, then the registered APIs. */
  List<Scopes.Resource> resources() {
    List<Scopes.Resource> resources = new ArrayList<>();
    resources.add(Scopes.Resource.GRAPH);
    for (App app : inOrder) {
      app.api()
          .ifPresent(
              api ->
                  resources.add(
                      new Scopes.Resource(
                          app.name(),
                          app.clientId(),
                          api.identifierUri() + "/",
                          new LinkedHashSet<>(api.scopes()),
                          mfaApis.contains(app.clientId()),
                          api.accessTokenVersion())));
    }
    return resources;
  }

  /** Withdraws (or restores) admin consent for {@code clientId} to call an API. */
  public void setAdminConsent(String clientId, String apiClientId, boolean granted) {
    if (granted) {
      missingConsent.remove(clientId + " " + apiClientId);
    } else {
      missingConsent.add(clientId + " " + apiClientId);
    }
  }

  public boolean hasConsent(String clientId, Scopes.Resource resource) {
    return !missingConsent.contains(clientId + " " + resource.clientId());
  }
}
