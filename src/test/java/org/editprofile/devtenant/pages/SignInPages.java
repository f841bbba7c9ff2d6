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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
          || (claims != null && claims.contains("capolids"));
    }
  }

  /** The browser's session at the tenant (single sign-on). */
  static final class Sso {
    final String oid;
    final Instant authTime = Instant.now();
    volatile Instant mfaAt;

    Sso(String oid) {
      this.oid = oid;
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
  private final Map<String, AuthRequest> transactions = new ConcurrentHashMap<>();
  private final Map<String, Sso> sessions = new ConcurrentHashMap<>();
  private final Map<String, Otp> otps = new ConcurrentHashMap<>();

  public SignInPages(DevTenant tenant) {
    this.tenant = tenant;
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

  /** The mailbox and the test hooks. */
  public void handleDev(Exchange ex, String path) throws IOException {
    switch (path) {
      case "/mailbox" -> mailboxPage(ex);
      case "/_dev/mailbox/latest" -> latestCode(ex);
      case "/_dev/counters" -> ex.json(200, tenant.requestCounts());
      case "/_dev/faults" -> faults(ex);
      default -> ex.json(404, Map.of("error", "not_found"));
    }
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
    String tx = UUID.randomUUID().toString();
    transactions.put(tx, request);
    Optional<Sso> sso = ssoOf(ex);
    if (sso.isPresent() && !"login".equals(request.prompt())) {
      proceed(ex, tx, request, sso.get());
    } else {
      loginPage(ex, tx, request.language(), request.loginHint(), null);
    }
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
      loginPage(ex, ex.param("tx"), request.get().language(), ex.param("email"), "signIn.wrong");
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
      signupPage(ex, tx, language, null);
      return;
    }
    String email = Optional.ofNullable(ex.param("email")).orElse("").trim();
    String password = Optional.ofNullable(ex.param("password")).orElse("");
    String name = Optional.ofNullable(ex.param("displayName")).orElse("").trim();
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || password.length() < 8 || name.isEmpty()) {
      signupPage(ex, tx, language, "signUp.invalid");
      return;
    }
    Directory.User user;
    try {
      user = tenant.directory().add(email, password, name);
    } catch (IllegalArgumentException e) {
      signupPage(ex, tx, language, "signUp.exists");
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
      mfaPage(ex, tx, request.language(), user.email(), null);
      return;
    }
    transactions.remove(tx);
    String code = tenant.codes().issueCode(request, sso.oid, sso.hasFreshMfa(), sso.authTime);
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
      mfaPage(ex, tx, request.get().language(), user.email(), "mfa.wrong");
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

  private void mailboxPage(Exchange ex) throws IOException {
    StringBuilder rows = new StringBuilder();
    for (Mailbox.Message m : tenant.mailbox().recent()) {
      rows.insert(
          0,
          "<tr><td>"
              + Html.escape(m.to())
              + "</td><td><code>"
              + Html.escape(m.code())
              + "</code></td><td>"
              + m.sentAt()
              + "</td></tr>");
    }
    Language language = PageTexts.choose(null, ex.header("Accept-Language"));
    ex.html(
        200,
        Html.page(
            texts,
            language,
            "mailbox.title",
            "<h1>"
                + texts.html(language, "mailbox.title")
                + "</h1><p>"
                + texts.html(language, "mailbox.intro")
                + "</p><table><thead><tr><th>"
                + texts.html(language, "mailbox.to")
                + "</th><th>"
                + texts.html(language, "mailbox.code")
                + "</th><th>"
                + texts.html(language, "mailbox.sent")
                + "</th></tr></thead><tbody>"
                + rows
                + "</tbody></table>"));
  }

  private void latestCode(Exchange ex) throws IOException {
    Optional<String> code =
        tenant.mailbox().latestCode(Optional.ofNullable(ex.param("email")).orElse(""));
    if (code.isPresent()) {
      ex.json(200, Map.of("code", code.get()));
    } else {
      ex.json(404, Map.of("error", "no_message"));
    }
  }

  private void faults(Exchange ex) throws IOException {
    if (!"POST".equals(ex.method())) {
      ex.json(405, Map.of("error", "method_not_allowed"));
      return;
    }
    try {
      tenant.faults().fromParameters(ex.params());
    } catch (IllegalArgumentException e) {
      ex.json(400, Map.of("error", "unknown fault: " + e.getMessage()));
      return;
    }
    ex.json(200, Map.of("kind", ex.params().getOrDefault("kind", "CLEAR")));
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
    Sso sso = new Sso(user.oid());
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

  private void loginPage(Exchange ex, String tx, Language language, String email, String errorKey)
      throws IOException {
    String t = tenant.tenantPath();
    ex.html(
        errorKey == null ? 200 : 401,
        Html.page(
            texts,
            language,
            "signIn.title",
            "<h1>"
                + texts.html(language, "signIn.title")
                + "</h1>"
                + alert(language, errorKey)
                + "<form method=\"post\" action=\""
                + t
                + "/login\">"
                + Html.hidden("tx", tx)
                + "<label for=\"email\">"
                + texts.html(language, "signIn.email")
                + "</label><input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required value=\""
                + Html.escape(email)
                + "\">"
                + "<label for=\"password\">"
                + texts.html(language, "signIn.password")
                + "</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\" id=\"next\">"
                + texts.html(language, "signIn.submit")
                + "</button></form>"
                + "<p>"
                + texts.html(language, "signIn.noAccount")
                + " <a id=\"signup\" href=\""
                + t
                + "/signup?tx="
                + Html.escape(tx)
                + "\">"
                + texts.html(language, "signIn.createOne")
                + "</a></p>"
                + "<form method=\"post\" action=\""
                + t
                + "/cancel\">"
                + Html.hidden("tx", tx)
                + "<button type=\"submit\" id=\"cancel\">"
                + texts.html(language, "signIn.cancel")
                + "</button></form>"));
  }

  private void signupPage(Exchange ex, String tx, Language language, String errorKey)
      throws IOException {
    ex.html(
        errorKey == null ? 200 : 400,
        Html.page(
            texts,
            language,
            "signUp.title",
            "<h1>"
                + texts.html(language, "signUp.title")
                + "</h1>"
                + alert(language, errorKey)
                + "<form method=\"post\" action=\""
                + tenant.tenantPath()
                + "/signup\">"
                + Html.hidden("tx", tx)
                + "<label for=\"email\">"
                + texts.html(language, "signIn.email")
                + "</label><input id=\"email\" name=\"email\" type=\"email\" required>"
                + "<label for=\"displayName\">"
                + texts.html(language, "signUp.displayName")
                + "</label><input id=\"displayName\" name=\"displayName\" required>"
                + "<label for=\"password\">"
                + texts.html(language, "signIn.password")
                + "</label><input id=\"password\" name=\"password\" type=\"password\" minlength=\"8\" required>"
                + "<button type=\"submit\" id=\"create\">"
                + texts.html(language, "signUp.submit")
                + "</button></form>"));
  }

  private void mfaPage(Exchange ex, String tx, Language language, String email, String errorKey)
      throws IOException {
    // The arguments are HTML built here (escaped); the patterns are the tenant's own words.
    String mailbox =
        "<a href=\"/mailbox\" target=\"_blank\">" + texts.html(language, "mfa.mailbox") + "</a>";
    ex.html(
        errorKey == null ? 200 : 401,
        Html.page(
            texts,
            language,
            "mfa.title",
            "<h1>"
                + texts.html(language, "mfa.title")
                + "</h1>"
                + "<p>"
                + texts.get(language, "mfa.sent", "<strong>" + Html.escape(email) + "</strong>")
                + " "
                + texts.get(language, "mfa.find", mailbox)
                + "</p>"
                + alert(language, errorKey)
                + "<form method=\"post\" action=\""
                + tenant.tenantPath()
                + "/mfa\">"
                + Html.hidden("tx", tx)
                + "<label for=\"otc\">"
                + texts.html(language, "mfa.code")
                + "</label><input id=\"otc\" name=\"otc\" inputmode=\"numeric\" autocomplete=\"one-time-code\" required>"
                + "<button type=\"submit\" id=\"verify\">"
                + texts.html(language, "mfa.verify")
                + "</button></form>"));
  }

  private String alert(Language language, String errorKey) {
    return errorKey == null
        ? ""
        : "<p class=\"error\" role=\"alert\">" + texts.html(language, errorKey) + "</p>";
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
