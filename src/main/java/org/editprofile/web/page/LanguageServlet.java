package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.editprofile.Routes;
import org.editprofile.auth.ReturnPath;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Text;
import org.editprofile.web.filter.CsrfFilter;
import org.editprofile.web.filter.LanguageCookie;
import org.editprofile.web.filter.LanguageFilter;
import org.editprofile.web.view.Views;

/**
 * {@code POST /language} ({@link Routes#LANGUAGE}): the switcher in every page's header. Remembers
 * the choice and goes back to the page it was made on (an in-app path only). The CSRF check is
 * {@link CsrfFilter}'s.
 */
public final class LanguageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient LanguageCookie cookie;

  LanguageServlet(LanguageCookie cookie) {
    this.cookie = cookie;
  }

  public static LanguageServlet rememberingIn(LanguageFilter filter) {
    return new LanguageServlet(filter.cookie());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<Language> chosen = Language.byTag(request.getParameter("lang"));
    if (chosen.isEmpty()) {
      Views.error(
          request,
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          Text.of("error.unknownLanguage.title"),
          Text.of("error.unknownLanguage.message"));
      return;
    }
    cookie.write(response, chosen.get());
    Views.redirectInApp(request, response, ReturnPath.orHome(request.getParameter("return")));
  }
}
