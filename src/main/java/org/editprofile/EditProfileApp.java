package org.editprofile;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.editprofile.auth.IdTokenVerifier;
import org.editprofile.auth.SignInCallback;
import org.editprofile.auth.SignInRequests;
import org.editprofile.auth.StepUp;
import org.editprofile.auth.TokenService;
import org.editprofile.config.AppOnlyAccess;
import org.editprofile.config.Configuration;
import org.editprofile.config.ServiceSettings;
import org.editprofile.config.SessionStoreSettings;
import org.editprofile.config.SettingSource;
import org.editprofile.config.SettingsLoader;
import org.editprofile.config.TenantSettings;
import org.editprofile.config.WebAppSettings;
import org.editprofile.credential.ClientCredentialSource;
import org.editprofile.flow.ChangePasswordFlow;
import org.editprofile.flow.DeleteAccountFlow;
import org.editprofile.flow.EditProfileFlow;
import org.editprofile.flow.MfaGate;
import org.editprofile.graph.GraphClient;
import org.editprofile.http.ApiHttp;
import org.editprofile.http.OutboundHttp;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Messages;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.profile.CustomAttributes;
import org.editprofile.service.AppOnlyGraphToken;
import org.editprofile.service.BearerTokenValidator;
import org.editprofile.service.DeleteAccount;
import org.editprofile.service.DeleteAccountApiServlet;
import org.editprofile.service.OnBehalfOfClient;
import org.editprofile.service.UpdateUserInfo;
import org.editprofile.service.UpdateUserInfoServlet;
import org.editprofile.session.TokenCacheCipher;
import org.editprofile.tenant.ExpectedIssuer;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.MsalHttpClient;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.tenant.TenantKeys;
import org.editprofile.web.filter.AuthenticationFilter;
import org.editprofile.web.filter.BodySizeFilter;
import org.editprofile.web.filter.CorrelationFilter;
import org.editprofile.web.filter.CsrfFilter;
import org.editprofile.web.filter.LanguageFilter;
import org.editprofile.web.filter.NotConfiguredFilter;
import org.editprofile.web.filter.SecurityHeadersFilter;
import org.editprofile.web.filter.SessionLifetimeFilter;
import org.editprofile.web.filter.SessionStoreDownFilter;
import org.editprofile.web.page.ChangePasswordServlet;
import org.editprofile.web.page.ClaimsServlet;
import org.editprofile.web.page.DeleteAccountServlet;
import org.editprofile.web.page.EditProfileFormServlet;
import org.editprofile.web.page.ErrorServlet;
import org.editprofile.web.page.HealthServlet;
import org.editprofile.web.page.HomeServlet;
import org.editprofile.web.page.LanguageServlet;
import org.editprofile.web.page.MetricsServlet;
import org.editprofile.web.page.SaveProfileServlet;
import org.editprofile.web.page.ShowProfileServlet;
import org.editprofile.web.page.SignInCallbackServlet;
import org.editprofile.web.page.SignInServlet;
import org.editprofile.web.page.SignOutServlet;
import org.editprofile.web.session.ActiveSessions;
import org.editprofile.web.session.PendingSignInCookies;
import org.editprofile.web.session.SharedSessions;
import org.editprofile.web.view.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads the settings once (environment, then system properties, then context
 * parameters), builds every collaborator once, and registers each filter and servlet as an instance
 * given what it needs. Read top to bottom, this is the whole wiring of the WAR.
 *
 * <p>What runs depends on the settings: the web app, the edit profile service, or both. With
 * missing or bad settings the app still starts and every page explains what to fix, listed once in
 * the log as well.
 */
public final class EditProfileApp implements ServletContextListener {

  private static final Logger LOG = LoggerFactory.getLogger(EditProfileApp.class);

  /** How long past its deadline a pending sign-in is still recognised, to say it took too long. */
  private static final Duration SIGN_IN_GRACE = Duration.ofMinutes(1);

  private CloseableHttpClient http;
  private ApiHttp apiHttp;
  private TenantKeys keys;
  private SharedSessions sharedSessions;
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AppMetrics metrics = new AppMetrics(meters);
  private JvmGcMetrics gcMetrics;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    Configuration loaded =
        SettingsLoader.load(
            SettingSource.firstOf(
                SettingSource.environment(),
                SettingSource.systemProperties(),
                name -> Optional.ofNullable(context.getInitParameter(name))),
            Clock.systemUTC(),
            // Zero or less means sessions never time out: no limit for the sign-in either.
            context.getSessionTimeout() > 0
                ? Duration.ofMinutes(context.getSessionTimeout())
                : ChronoUnit.FOREVER.getDuration());

    context.setAttribute("routes", routesForViews(context.getContextPath()));
    // The header's language switcher lists these.
    context.setAttribute("languages", List.of(Language.values()));
    // A bundle missing a translation fails the deploy here, not a visitor's page.
    Messages messages = Messages.load();
    context.setAttribute(Views.MESSAGES, messages);
    StartUp startUp = startUp(loaded, context);
    // Every request: its correlation id first (so every later log line has it), its language (so
    // every page, the errors too, speaks it), then the security headers, then the size limit.
    addFilter(context, "correlation", new CorrelationFilter(), true, "/*");
    SecurityHeadersFilter securityHeaders = securityHeaders(startUp);
    if (sharedSessions != null) {
      // Before anything reads the session: from here on, HttpSession is the store's.
      addFilter(context, "sharedSessions", sharedSessions.filter(), true, "/*");
      addFilter(
          context, "sessionStoreDown", new SessionStoreDownFilter(securityHeaders), true, "/*");
    }
    LanguageFilter languages = LanguageFilter.create(messages, servedOverHttps(startUp));
    addFilter(context, "language", languages, true, "/*");
    addFilter(context, "securityHeaders", securityHeaders, true, "/*");
    addFilter(context, "bodySize", new BodySizeFilter(), false, "/*");
    addServlet(context, "error", new ErrorServlet(), Routes.ERROR);
    addServlet(
        context,
        "health",
        new HealthServlet(
            startUp instanceof StartUp.Serving,
            sharedSessions == null ? () -> true : sharedSessions::answers),
        Routes.HEALTH + "/*");

    if (startUp instanceof StartUp.NotServing missing) {
      // The public page names the settings only; the details are here, under its reference.
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.error(
          "edit-profile is not configured (reference {}). Fix these settings and restart: {}",
          reference,
          String.join("; ", missing.problems()));
      addFilter(
          context,
          "notConfigured",
          new NotConfiguredFilter(missing.problems(), reference),
          false,
          "/*");
      return;
    }
    StartUp.Serving serving = (StartUp.Serving) startUp;
    Configuration.Ready ready = serving.settings();
    startMetrics(context, ready.metricsToken());
    StartUpWarmUp warmUp = new StartUpWarmUp();
    // The first sign-in, web app's or bearer token's, should not wait for the tenant's keys.
    warmUp.add("signing keys", serving.shared().keys()::warmUp);
    ready
        .webApp()
        .ifPresent(
            webApp ->
                startWebApp(context, webApp, ready.appOnly(), serving.shared(), languages, warmUp));
    ready
        .service()
        .ifPresent(
            service -> startService(context, service, ready.appOnly(), serving.shared(), messages));
    warmUp.run();
    LOG.info("edit-profile started against {}", ready.tenant().authority());
  }

  /** What start-up found: all a server needs to serve, or the problems to show instead. */
  private sealed interface StartUp {

    /** Settings complete, the tenant's issuer as expected, the session store answering. */
    record Serving(Configuration.Ready settings, Shared shared) implements StartUp {}

    /** Every page says what to fix. */
    record NotServing(List<String> problems) implements StartUp {}
  }

  /**
   * Checks what only a running server can: the settings first, then the tenant's issuer (it decides
   * which tokens are trusted: one the authority does not imply is a configuration error like any
   * other), then the shared session store. Anything started for a server that cannot serve is
   * stopped again.
   */
  private StartUp startUp(Configuration loaded, ServletContext context) {
    if (loaded instanceof Configuration.NotConfigured missing) {
      return new StartUp.NotServing(missing.problems());
    }
    Configuration.Ready ready = (Configuration.Ready) loaded;
    Shared shared = share(ready.tenant());
    Optional<String> problem =
        shared.metadata().checkAtStartUp().or(() -> connectSessionStore(ready, context));
    if (problem.isPresent()) {
      stop();
      return new StartUp.NotServing(List.of(problem.get()));
    }
    return new StartUp.Serving(ready, shared);
  }

  /**
   * Connects to the shared session store when one is configured; the problem, if it does not
   * answer.
   */
  private Optional<String> connectSessionStore(Configuration.Ready ready, ServletContext context) {
    Optional<WebAppSettings> webApp = ready.webApp();
    Optional<SessionStoreSettings> store = webApp.flatMap(WebAppSettings::sessionStore);
    if (store.isEmpty()) {
      return Optional.empty();
    }
    try {
      sharedSessions =
          SharedSessions.connect(
              store.get(),
              Duration.ofMinutes(Math.max(1, context.getSessionTimeout())),
              webApp.get().servedOverHttps());
      LOG.info("Sessions are kept in the shared store at {}", store.get().address());
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(SettingsLoader.SESSION_STORE_URL + ": " + e.getMessage());
    }
  }

  /**
   * Two HTTP clients (the tenant's; Graph's and the service's), one discovery cache and one key
   * source for the whole app.
   */
  private Shared share(TenantSettings tenant) {
    Clock clock = Clock.systemUTC();
    http = OutboundHttp.create(tenant.connectTimeout(), tenant.readTimeout());
    apiHttp = ApiHttp.create(tenant.connectTimeout(), tenant.readTimeout());
    OidcMetadataProvider metadata =
        new OidcMetadataProvider(
            tenant.discoveryUrl(), ExpectedIssuer.forAuthority(tenant.authority()), http, clock);
    keys = new TenantKeys(metadata, http);
    return new Shared(
        tenant,
        metadata,
        keys,
        new MsalHttpClient(http, metadata, metrics),
        new GraphClient(apiHttp, tenant.graphMeUrl(), metrics, tenant.customAttributes()),
        metrics,
        clock);
  }

  /** What the web app and the service share: one tenant, its HTTP clients, one key source. */
  private record Shared(
      TenantSettings tenant,
      OidcMetadataProvider metadata,
      TenantKeys keys,
      MsalHttpClient msalHttp,
      GraphClient graph,
      AppMetrics metrics,
      Clock clock) {

    /** MSAL4J clients for one app registration. */
    MsalApps msalApps(String clientId, ClientCredentialSource credential) {
      return new MsalApps(
          clientId, credential, tenant.authority(), tenant.ciamAuthority(), msalHttp);
    }
  }

  /**
   * The web app's forms may lead to the tenant (step-up, sign-out: the authority's origin, and the
   * authorize and end-session endpoints of its discovery document once known) and to the
   * post-logout page; https is known from REDIRECT_URI, the app's public address.
   */
  private static SecurityHeadersFilter securityHeaders(StartUp startUp) {
    if (startUp instanceof StartUp.Serving serving && serving.settings().webApp().isPresent()) {
      Configuration.Ready ready = serving.settings();
      WebAppSettings webApp = ready.webApp().get();
      URI authority = URI.create(ready.tenant().authority());
      OidcMetadataProvider metadata = serving.shared().metadata();
      return SecurityHeadersFilter.forWebApp(
          webApp.redirectUri(),
          () -> {
            List<URI> targets = new ArrayList<>(4);
            targets.add(authority);
            targets.add(webApp.postLogoutRedirectUri());
            metadata
                .cachedCopy()
                .ifPresent(
                    doc -> {
                      doc.authorizationEndpoint().ifPresent(targets::add);
                      doc.endSessionEndpoint().ifPresent(targets::add);
                    });
            return targets;
          });
    }
    return SecurityHeadersFilter.withoutWebApp();
  }

  /** The configured keys, else one of this JVM's own (said once in the log). */
  private static TokenCacheCipher tokenCacheCipher(WebAppSettings settings) {
    if (!settings.sessionEncryptionKeys().isEmpty()) {
      return TokenCacheCipher.withKeys(settings.sessionEncryptionKeys());
    }
    LOG.info(
        "{} is not set: token caches are sealed with a key of this JVM's own, so a session the"
            + " container keeps across a restart asks its user to sign in again",
        SettingsLoader.SESSION_ENCRYPTION_KEY);
    return TokenCacheCipher.ephemeral();
  }

  private static boolean servedOverHttps(StartUp startUp) {
    return startUp instanceof StartUp.Serving serving
        && serving.settings().webApp().map(WebAppSettings::servedOverHttps).orElse(false);
  }

  private static void startWebApp(
      ServletContext context,
      WebAppSettings settings,
      AppOnlyAccess appOnly,
      Shared shared,
      LanguageFilter languages,
      StartUpWarmUp warmUp) {
    if (settings.servedOverHttps()) {
      // Served over https (perhaps behind a TLS-terminating proxy): the cookie must say so itself,
      // and its __Host- prefix (which requires Secure, Path=/ and no Domain) keeps a sibling
      // subdomain from planting a session cookie for this host.
      SessionCookieConfig cookie = context.getSessionCookieConfig();
      cookie.setSecure(true);
      cookie.setName("__Host-JSESSIONID");
      cookie.setPath("/");
      cookie.setDomain(null);
    }
    Clock clock = shared.clock();
    MsalApps apps = shared.msalApps(settings.clientId(), settings.credential());
    TokenCacheCipher cipher = tokenCacheCipher(settings);
    // Visitors' pending sign-ins live in sealed cookies, for as long as a sign-in may take.
    PendingSignInCookies.install(
        context,
        new PendingSignInCookies.Settings(
            cipher, settings.servedOverHttps(), settings.signInTimeout().plus(SIGN_IN_GRACE)));
    SignInRequests signIns =
        new SignInRequests(apps, settings.redirectUri(), settings.signInTimeout(), clock);
    IdTokenVerifier idTokens =
        new IdTokenVerifier(shared.metadata(), shared.keys(), settings.clientId());
    TokenService tokens = new TokenService(apps, cipher, clock);
    // What every first sign-in and profile page would otherwise load and run for the first time.
    warmUp.add("authorize URL", signIns::warmUp);
    warmUp.add("ID token check", idTokens::warmUp);
    warmUp.add("Graph profile", shared.graph()::warmUp);
    warmUp.add("silent token", tokens::warmUp);
    SignInCallback callback =
        new SignInCallback(apps, idTokens, cipher, tokens, settings.redirectUri(), clock);
    StepUp stepUp = new StepUp(signIns, clock, shared.metrics());
    // One MFA gate in front of every change a customer makes to the account.
    MfaGate gate =
        new MfaGate(tokens, stepUp, stepUpMode(settings), settings.usesEditProfileService());
    // Custom attributes and deletion need the service's application permission: without the
    // service, or without that permission, attributes are read-only and deletion is not offered.
    boolean serviceActsForApp = settings.usesEditProfileService() && appOnly.granted();
    EditProfileFlow profiles =
        new EditProfileFlow(
            tokens,
            stepUp,
            shared.graph(),
            gate,
            settings.editProfileApiUrl(),
            serviceActsForApp ? shared.tenant().customAttributes() : CustomAttributes.NONE);
    boolean deletesAccounts = serviceActsForApp && appOnly.deletesAccounts();
    context.setAttribute("deletesAccounts", deletesAccounts);

    addFilter(
        context,
        "sessionLifetime",
        new SessionLifetimeFilter(settings.sessionLifetime(), clock),
        false,
        "/*");
    addFilter(context, "csrf", new CsrfFilter(settings.redirectUri()), false, "/*");
    addFilter(
        context, "authentication", new AuthenticationFilter(), false, Routes.SIGNED_IN_PAGES + "*");
    addServlet(context, "home", new HomeServlet(settings.servedOverHttps()), "");
    if (settings.sessionStore().isEmpty()) {
      // The container never sees a store's sessions: the active-sessions gauge is its own.
      ActiveSessions sessions = new ActiveSessions();
      context.addListener(sessions);
      shared.metrics().activeSessions(sessions::count);
    }
    addServlet(context, "signIn", new SignInServlet(signIns), Routes.SIGN_IN);
    addServlet(
        context,
        "signInCallback",
        new SignInCallbackServlet(callback, shared.metrics()),
        Routes.SIGN_IN_CALLBACK);
    addServlet(
        context, "signOut", new SignOutServlet(shared.metadata(), settings), Routes.SIGN_OUT);
    addServlet(context, "claims", new ClaimsServlet(), Routes.CLAIMS);
    addServlet(context, "showProfile", new ShowProfileServlet(profiles), Routes.SHOW_PROFILE);
    addServlet(
        context, "editProfileForm", new EditProfileFormServlet(profiles), Routes.EDIT_PROFILE_FORM);
    addServlet(context, "saveProfile", new SaveProfileServlet(profiles), Routes.SAVE_PROFILE);
    addServlet(
        context,
        "changePassword",
        new ChangePasswordServlet(
            new ChangePasswordFlow(tokens, gate, shared.graph(), shared.metrics())),
        Routes.CHANGE_PASSWORD);
    if (deletesAccounts) {
      URI deleteUrl = settings.editProfileApiUrl().orElseThrow().resolve("deleteAccount");
      addServlet(
          context,
          "deleteAccount",
          new DeleteAccountServlet(
              new DeleteAccountFlow(gate, shared.graph(), deleteUrl, clock),
              shared.metadata(),
              settings),
          Routes.DELETE_ACCOUNT);
    }
    addServlet(context, "language", LanguageServlet.rememberingIn(languages), Routes.LANGUAGE);
    LOG.info(
        "Web app {} runs here with {}; edits go through {}",
        settings.clientId(),
        settings.credential().description(),
        settings.usesEditProfileService() ? "the edit profile service" : "Graph directly");
  }

  /** The settings' step-up mode in the flow's terms. */
  private static EditProfileFlow.StepUpMode stepUpMode(WebAppSettings settings) {
    return settings
        .stepUpAuthContext()
        .<EditProfileFlow.StepUpMode>map(
            context ->
                new EditProfileFlow.StepUpMode.AuthContext(context, settings.editProfileScope()))
        .orElseGet(
            () ->
                new EditProfileFlow.StepUpMode.ApiScope(settings.editProfileScope().orElseThrow()));
  }

  private static void startService(
      ServletContext context,
      ServiceSettings settings,
      AppOnlyAccess appOnly,
      Shared shared,
      Messages messages) {
    MsalApps apps = shared.msalApps(settings.clientId(), settings.credential());
    BearerTokenValidator bearerTokens =
        new BearerTokenValidator(shared.metadata(), shared.keys(), settings, shared.clock());
    Optional<AppOnlyGraphToken> appOnlyGraph =
        appOnly.granted() ? Optional.of(new AppOnlyGraphToken(apps)) : Optional.empty();
    UpdateUserInfo updateUserInfo =
        new UpdateUserInfo(
            bearerTokens,
            new OnBehalfOfClient(apps, shared.clock()),
            shared.graph(),
            messages,
            shared.tenant().customAttributes(),
            appOnlyGraph);
    addServlet(
        context,
        "updateUserInfo",
        new UpdateUserInfoServlet(updateUserInfo),
        Routes.UPDATE_USER_INFO);
    if (appOnly.deletesAccounts()) {
      addServlet(
          context,
          "deleteAccountApi",
          new DeleteAccountApiServlet(
              new DeleteAccount(
                  bearerTokens,
                  appOnlyGraph.orElseThrow(),
                  shared.graph(),
                  appOnly.deletion(),
                  shared.metrics(),
                  shared.clock())),
          Routes.DELETE_ACCOUNT_API);
    }
    LOG.info(
        "Edit profile service {} runs here with {}; {}",
        settings.clientId(),
        settings.credential().description(),
        appOnly.granted()
            ? "with Graph's application permission it writes custom attributes"
                + (appOnly.deletesAccounts()
                    ? " and deletes accounts (ACCOUNT_DELETION="
                        + appOnly.deletion().name().toLowerCase(Locale.ROOT)
                        + ")"
                    : "")
            : "without Graph's application permission: custom attributes are read-only and"
                + " accounts cannot be deleted here");
  }

  /**
   * The paths the views link to, as {@code ${routes.showProfile}}: with the context path already in
   * front, so a page evaluates one short expression per link.
   */
  private static Map<String, String> routesForViews(String contextPath) {
    return Map.ofEntries(
        Map.entry("home", contextPath + Routes.HOME),
        Map.entry("signIn", contextPath + Routes.SIGN_IN),
        Map.entry("signInCallback", contextPath + Routes.SIGN_IN_CALLBACK),
        Map.entry("signOut", contextPath + Routes.SIGN_OUT),
        Map.entry("claims", contextPath + Routes.CLAIMS),
        Map.entry("showProfile", contextPath + Routes.SHOW_PROFILE),
        Map.entry("editProfileForm", contextPath + Routes.EDIT_PROFILE_FORM),
        Map.entry("saveProfile", contextPath + Routes.SAVE_PROFILE),
        Map.entry("changePassword", contextPath + Routes.CHANGE_PASSWORD),
        Map.entry("deleteAccount", contextPath + Routes.DELETE_ACCOUNT),
        Map.entry("language", contextPath + Routes.LANGUAGE),
        Map.entry("assets", contextPath + "/static"));
  }

  /** The JVM's standard meters next to the app's own, and /metrics for a scraper with the token. */
  private void startMetrics(ServletContext context, Optional<String> token) {
    new ClassLoaderMetrics().bindTo(meters);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
    gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(meters);
    addServlet(context, "metrics", new MetricsServlet(meters::scrape, token), Routes.METRICS);
  }

  /**
   * Filters run in the order they are added. Those marked {@code onErrors} also see error
   * dispatches, so error pages carry the security headers and the page's language.
   */
  private static void addFilter(
      ServletContext context, String name, Filter filter, boolean onErrors, String pattern) {
    context
        .addFilter(name, filter)
        .addMappingForUrlPatterns(
            onErrors
                ? EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR)
                : EnumSet.of(DispatcherType.REQUEST),
            true,
            pattern);
  }

  private static void addServlet(
      ServletContext context, String name, Servlet servlet, String pattern) {
    context.addServlet(name, servlet).addMapping(pattern);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    stop();
  }

  private void stop() {
    // Nothing of this deployment may keep running after an undeploy: GC listeners, key refresh,
    // then connections.
    if (gcMetrics != null) {
      gcMetrics.close();
    }
    meters.close();
    if (keys != null) {
      keys.close();
    }
    if (sharedSessions != null) {
      sharedSessions.close();
      sharedSessions = null;
    }
    closeHttp(http);
    closeHttp(apiHttp);
  }

  private static void closeHttp(Closeable client) {
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        LOG.warn("Closing an HTTP client failed", e);
      }
    }
  }
}
