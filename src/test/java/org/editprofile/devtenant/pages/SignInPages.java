package org.editprofile.devtenant.pages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.editprofile.devtenant.ClaimsParameter;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Directory;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.grants.Scopes;
import org.editprofile.devtenant.grants.Tokens;
import org.editprofile.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser side of the dev tenant: authorize, the sign-in and sign-up pages, the email
 * one-time-code page (Conditional Access: MFA for the edit profile service), sign-out, and the
 * mailbox where codes are "delivered".
 */
public final class SignInPages {

  private static final Logger LOG = LoggerFactory.getLogger(SignInPages.class);
  private static final String SSO_COOKIE = "devtenant_sso";
  private static final Duration MFA_LIFETIME = Duration.ofHours(1);
  private static final Duration TX_LIFETIME = Duration.ofMinutes(15);
  private static final int MAX_CODE_ATTEMPTS = 3;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An authorize request waiting for the user. */
  public record AuthRequest(
      String clientId,
      String redirectUri,
      String responseMode,
      String state,
      String nonce,
      String codeChallenge,
      String scope,
      String claims,
      String prompt,
      String loginHint,
      Instant createdAt,
      Language language) {

    boolean asksForMfa(DevTenant tenant) {
      return Scopes.parse(scope, tenant.resources()).needsMfa()
          || (claims != null && claims.contains("capolids"))
          || authContexts().stream().anyMatch(tenant.registrations()::contextRequiresMfa);
    }

    /** The authentication contexts the claims parameter asks for. */
    Set<String> authContexts() {
      return ClaimsParameter.parse(claims).authContexts();
    }
  }

  /** The browser's session at the tenant (single sign-on). */
  static final class Sso {
    final String oid;
    final Instant authTime;
    volatile Instant mfaAt;

    Sso(String oid, Instant authTime) {
      this.oid = oid;
      this.authTime = authTime;
    }

    boolean hasFreshMfa() {
      Instant at = mfaAt;
      return at != null && at.plus(MFA_LIFETIME).isAfter(Instant.now());
    }
  }

  /** A one-time code sent for a transaction. */
  record Otp(String code, int attempts) {}

  private final DevTenant tenant;
  private final PageTexts texts = new PageTexts();
  private final SignInViews views;
  private final Map<String, AuthRequest> transactions = new ConcurrentHashMap<>();
  private final Map<String, Sso> sessions = new ConcurrentHashMap<>();
  private volatile Duration signInAge = Duration.ZERO;
  private final Map<String, Otp> otps = new ConcurrentHashMap<>();

  public SignInPages(DevTenant tenant) {
    this.tenant = tenant;
    this.views = new SignInViews(tenant, texts);
  }

  /** The pages under the tenant's path: sign-in, sign-up, one-time code, cancel. */
  public void handlePage(Exchange ex, String page) throws IOException {
    switch (page) {
      case "/login" -> login(ex);
      case "/signup" -> signup(ex);
      case "/mfa" -> mfa(ex);
      case "/cancel" -> cancel(ex);
      case "/autosubmit.js" ->
          ex.send(
              200,
              "text/javascript",
              "document.getElementById('response').submit();".getBytes(StandardCharsets.UTF_8));
      default -> ex.json(404, Map.of("error", "not_found"));
    }
  }

  /**
   * For tests of a "recent sign-in" rule: the sign-ins from now on count as this much older (their
   * {@code auth_time}), as if the tenant's session had been opened that long ago.
   */
  public void backdateSignIns(Duration age) {
    signInAge = age;
  }

  /** Ends the tenant's single sign-on sessions of one user (revoked sign-in sessions). */
  public void endSessionsOf(String oid) {
    sessions.values().removeIf(sso -> sso.oid.equals(oid));
  }

  public void authorize(Exchange ex) throws IOException {
    String clientId = ex.param("client_id");
    String redirectUri = ex.param("redirect_uri");
    if (tenant.registrations().byClientId(clientId).isEmpty()) {
      errorPage(
          ex,
          "AADSTS700016: Application with identifier '"
              + clientId
              + "' was not found in the directory.");
      return;
    }
    if (redirectUri == null || !tenant.registrations().isRedirectUri(clientId, redirectUri)) {
      errorPage(
          ex,
          "AADSTS50011: The redirect URI '"
              + redirectUri
              + "' specified in the request does not match the redirect URIs configured for the application.");
      return;
    }
    String mode = Optional.ofNullable(ex.param("response_mode")).orElse("query");
    AuthRequest request =
        new AuthRequest(
            clientId,
            redirectUri,
            mode,
            ex.param("state"),
            ex.param("nonce"),
            ex.param("code_challenge"),
            ex.param("scope"),
            ex.param("claims"),
            ex.param("prompt"),
            ex.param("login_hint"),
            Instant.now(),
            PageTexts.choose(ex.param("ui_locales"), ex.header("Accept-Language")));
    if (!"code".equals(ex.param("response_type"))) {
      sendError(
          ex,
          request,
          "unsupported_response_type",
          "AADSTS700054: response_type 'code' is required.");
      return;
    }
    if (request.codeChallenge() != null && !"S256".equals(ex.param("code_challenge_method"))) {
      sendError(
          ex,
          request,
          "invalid_request",
          "AADSTS501491: Invalid code_challenge_method: only S256 is supported.");
      return;
    }
    Scopes scopes = Scopes.parse(request.scope(), tenant.resources());
    if (!scopes.unknown().isEmpty()) {
      sendError(
          ex,
          request,
          "invalid_scope",
          "AADSTS70011: The provided value for the input parameter 'scope' is not valid. "
              + "The scope "
              + String.join(" ", scopes.unknown())
              + " is not valid.");
      return;
    }
    for (Scopes.Resource resource : scopes.byResource().keySet()) {
      if (!tenant.registrations().hasConsent(clientId, resource)) {
        // Customers of an external tenant cannot consent themselves: the app must have admin
        // consent, else Entra answers the app with AADSTS65001.
        sendError(
            ex,
            request,
            "consent_required",
            "AADSTS65001: The user or administrator has not consented to use the application with"
                + " ID '"
                + clientId
                + "'. Send an interactive authorization request for this user and resource.");
        return;
      }
    }
    Optional<Sso> sso = ssoOf(ex);
    // OpenID Connect's max_age: a tenant session older than that counts as none (the user signs in
    // again, and the tokens carry the new auth_time), as prompt=login does for any session.
    Optional<Duration> maxAge = maxAge(ex.param("max_age"));
    if (sso.isPresent()
        && maxAge.isPresent()
        && sso.get().authTime.plus(maxAge.get()).isBefore(Instant.now())) {
      sso = Optional.empty();
    }
    if ("none".equals(request.prompt())) {
      silent(ex, request, sso);
      return;
    }
    String tx = UUID.randomUUID().toString();
    transactions.put(tx, request);
    if (sso.isPresent() && !"login".equals(request.prompt())) {
      proceed(ex, tx, request, sso.get());
    } else {
      views.login(ex, tx, request.language(), request.loginHint(), null);
    }
  }

  private static Optional<Duration> maxAge(String value) {
    try {
      return value == null
          ? Optional.empty()
          : Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code prompt=none}: no page may be shown. With the tenant's session and nothing left to ask,
   * the code comes back at once; otherwise the app gets {@code login_required} (no session,
   * AADSTS50058) or {@code interaction_required} (MFA needed, AADSTS50076), as Microsoft's error
   * code reference and MSAL's prompt behaviour describe them.
   */
  private void silent(Exchange ex, AuthRequest request, Optional<Sso> sso) throws IOException {
    if (sso.isEmpty()) {
      sendError(
          ex,
          request,
          "login_required",
          "AADSTS50058: A silent sign-in request was sent but no user is signed in.");
      return;
    }
    if (request.asksForMfa(tenant) && !sso.get().hasFreshMfa()) {
      sendError(
          ex,
          request,
          "interaction_required",
          "AADSTS50076: Due to a configuration change made by your administrator, or because you"
              + " moved to a new location, you must use multi-factor authentication to access"
              + " this resource.");
      return;
    }
    issue(ex, request, sso.get());
  }

  private void login(Exchange ex) throws IOException {
    Optional<AuthRequest> request = transaction(ex);
    if (request.isEmpty()) {
      errorPage(ex, "AADSTS90014: This sign-in has expired. Go back to the app and sign in again.");
      return;
    }
    Optional<Directory.User> user =
        tenant.directory().authenticate(ex.param("email"), ex.param("password"));
    if (user.isEmpty()) {
      views.login(ex, ex.param("tx"), request.get().language(), ex.param("email"), "signIn.wrong");
      return;
    }
    proceed(ex, ex.param("tx"), request.get(), newSso(ex, user.get()));
  }

  private void signup(Exchange ex) throws IOException {
    Optional<AuthRequest> request = transaction(ex);
    if (request.isEmpty()) {
      errorPage(ex, "AADSTS90014: This sign-up has expired. Go back to the app and sign in again.");
      return;
    }
    String tx = ex.param("tx");
    Language language = request.get().language();
    if ("GET".equals(ex.method())) {
      views.signup(ex, tx, language, null);
      return;
    }
    String email = Optional.ofNullable(ex.param("email")).orElse("").trim();
    String password = Optional.ofNullable(ex.param("password")).orElse("");
    String name = Optional.ofNullable(ex.param("displayName")).orElse("").trim();
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || password.length() < 8 || name.isEmpty()) {
      views.signup(ex, tx, language, "signUp.invalid");
      return;
    }
    Directory.User user;
    try {
      user = tenant.directory().add(email, password, name);
    } catch (IllegalArgumentException e) {
      views.signup(ex, tx, language, "signUp.exists");
      return;
    }
    LOG.info("Dev tenant: new customer {}", user.oid());
    proceed(ex, tx, request.get(), newSso(ex, user));
  }

  /**
   * After the user is known: ask for the one-time code if Conditional Access wants MFA, else issue
   * the code.
   */
  private void proceed(Exchange ex, String tx, AuthRequest request, Sso sso) throws IOException {
    if (request.asksForMfa(tenant) && !sso.hasFreshMfa()) {
      Directory.User user = tenant.directory().byOid(sso.oid).orElseThrow();
      String code = String.format("%06d", RANDOM.nextInt(1_000_000));
      tenant.issued(code);
      otps.put(tx, new Otp(code, 0));
      tenant.mailbox().deliver(user.email(), code);
      LOG.info(
          "Dev tenant: one-time code for {} is {} (also in {}/mailbox)",
          user.email(),
          code,
          tenant.httpBase());
      views.mfa(ex, tx, request.language(), user.email(), null);
      return;
    }
    transactions.remove(tx);
    issue(ex, request, sso);
  }

  /** Sends the app its code, for the contexts this sign-in met among those it asked for. */
  private void issue(Exchange ex, AuthRequest request, Sso sso) throws IOException {
    boolean mfa = sso.hasFreshMfa();
    String code =
        tenant
            .codes()
            .issueCode(
                request,
                sso.oid,
                mfa,
                sso.authTime,
                tenant.registrations().contextsMet(request.authContexts(), mfa));
    Map<String, String> response = new LinkedHashMap<>();
    response.put("code", code);
    if (request.state() != null) {
      response.put("state", request.state());
    }
    respond(ex, request, response);
  }

  private void mfa(Exchange ex) throws IOException {
    String tx = ex.param("tx");
    Optional<AuthRequest> request = transaction(ex);
    Optional<Sso> sso = ssoOf(ex);
    Otp otp = tx == null ? null : otps.get(tx);
    if (request.isEmpty() || sso.isEmpty() || otp == null) {
      errorPage(
          ex, "AADSTS90014: This verification has expired. Go back to the app and try again.");
      return;
    }
    Directory.User user = tenant.directory().byOid(sso.get().oid).orElseThrow();
    String entered = Optional.ofNullable(ex.param("otc")).orElse("").trim();
    if (!otp.code().equals(entered)) {
      int attempts = otp.attempts() + 1;
      if (attempts >= MAX_CODE_ATTEMPTS) {
        otps.remove(tx);
        transactions.remove(tx);
        sendError(
            ex,
            request.get(),
            "access_denied",
            "AADSTS50074: Strong authentication is required and the "
                + "verification code was not entered correctly.");
        return;
      }
      otps.put(tx, new Otp(otp.code(), attempts));
      views.mfa(ex, tx, request.get().language(), user.email(), "mfa.wrong");
      return;
    }
    otps.remove(tx);
    sso.get().mfaAt = Instant.now();
    proceed(ex, tx, request.get(), sso.get());
  }

  private void cancel(Exchange ex) throws IOException {
    Optional<AuthRequest> request = transaction(ex);
    if (request.isEmpty()) {
      errorPage(ex, "AADSTS90014: This sign-in has expired.");
      return;
    }
    transactions.remove(ex.param("tx"));
    sendError(ex, request.get(), "access_denied", "AADSTS50126: The user cancelled the sign-in.");
  }

  public void logout(Exchange ex) throws IOException {
    Optional<Sso> signedIn = ex.cookie(SSO_COOKIE).map(sessions::get);
    String hint = ex.param("logout_hint");
    if (hint != null && signedIn.isPresent() && hint.equals(Tokens.loginHint(signedIn.get().oid))) {
      // The account named: Entra signs it out without showing its account picker.
      tenant.count("logout.hinted");
    }
    ex.cookie(SSO_COOKIE).ifPresent(sessions::remove);
    ex.addCookie(SSO_COOKIE, "", true);
    String back = ex.param("post_logout_redirect_uri");
    if (back != null && tenant.registrations().isPostLogoutUri(ex.param("client_id"), back)) {
      ex.redirect(back);
      return;
    }
    Language language = PageTexts.choose(ex.param("ui_locales"), ex.header("Accept-Language"));
    ex.html(
        200,
        Html.page(
            texts,
            language,
            "signedOut.title",
            "<h1>"
                + texts.html(language, "signedOut.heading")
                + "</h1><p>"
                + texts.html(language, "signedOut.message")
                + "</p>"));
  }

  // ---- helpers ----

  private Optional<AuthRequest> transaction(Exchange ex) {
    String tx = ex.param("tx");
    AuthRequest request = tx == null ? null : transactions.get(tx);
    if (request == null || request.createdAt().plus(TX_LIFETIME).isBefore(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(request);
  }

  private Optional<Sso> ssoOf(Exchange ex) {
    return ex.cookie(SSO_COOKIE).map(sessions::get);
  }

  private Sso newSso(Exchange ex, Directory.User user) {
    String id = UUID.randomUUID().toString();
    Sso sso = new Sso(user.oid(), Instant.now().minus(signInAge));
    sessions.put(id, sso);
    ex.addCookie(SSO_COOKIE, id, false);
    return sso;
  }

  private void sendError(Exchange ex, AuthRequest request, String error, String description)
      throws IOException {
    Map<String, String> response = new LinkedHashMap<>();
    response.put("error", error);
    response.put("error_description", description);
    if (request.state() != null) {
      response.put("state", request.state());
    }
    respond(ex, request, response);
  }

  /**
   * Returns the authorization response to the app: a redirect with a query, or an auto-posting
   * form.
   */
  private void respond(Exchange ex, AuthRequest request, Map<String, String> params)
      throws IOException {
    if ("form_post".equals(request.responseMode())) {
      StringBuilder fields = new StringBuilder();
      params.forEach((k, v) -> fields.append(Html.hidden(k, v)));
      Language language = request.language();
      ex.html(
          200,
          Html.page(
              texts,
              language,
              "response.title",
              "<h1>"
                  + texts.html(language, "response.heading")
                  + "</h1>"
                  + "<form id=\"response\" method=\"post\" action=\""
                  + Html.escape(request.redirectUri())
                  + "\">"
                  + fields
                  + "<button type=\"submit\">"
                  + texts.html(language, "response.continue")
                  + "</button></form>"
                  + "<script src=\""
                  + tenant.tenantPath()
                  + "/autosubmit.js\"></script>"));
      return;
    }
    StringBuilder query = new StringBuilder(request.redirectUri());
    char sep = request.redirectUri().contains("?") ? '&' : '?';
    for (Map.Entry<String, String> p : params.entrySet()) {
      query
          .append(sep)
          .append(p.getKey())
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    ex.redirect(query.toString());
  }

  /**
   * Entra's error page: its heading in the browser's language, the AADSTS code and message as Entra
   * writes them.
   */
  private void errorPage(Exchange ex, String message) throws IOException {
    Language language = PageTexts.choose(ex.param("ui_locales"), ex.header("Accept-Language"));
    ex.html(
        400,
        Html.page(
            texts,
            language,
            "error.title",
            "<h1>"
                + texts.html(language, "error.heading")
                + "</h1><p lang=\"en\">"
                + Html.escape(message)
                + "</p>"));
  }
}
