package org.editprofile.devtenant.pages;

import java.io.IOException;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Exchange;
import org.editprofile.i18n.Language;

/**
 * The forms of the hosted pages a customer fills in: sign-in, sign-up and the one-time code, in the
 * request's language, each posting back to {@link SignInPages} with its transaction.
 */
final class SignInViews {

  private final DevTenant tenant;
  private final PageTexts texts;

  SignInViews(DevTenant tenant, PageTexts texts) {
    this.tenant = tenant;
    this.texts = texts;
  }

  void login(Exchange ex, String tx, Language language, String email, String errorKey)
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

  void signup(Exchange ex, String tx, Language language, String errorKey) throws IOException {
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

  void mfa(Exchange ex, String tx, Language language, String email, String errorKey)
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
}
