package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.editprofile.i18n.Text;
import org.editprofile.session.UserSession;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.View;
import org.editprofile.web.view.Views;

/**
 * {@code GET /}: the welcome and "Sign in", or, for a signed-in customer, their greeting and the
 * links to their pages.
 */
public final class HomeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient GoodbyeCookie goodbye;

  /**
   * @param servedOverHttps whether the goodbye cookie (set when an account was deleted) is a secure
   *     one
   */
  public HomeServlet(boolean servedOverHttps) {
    this.goodbye = new GoodbyeCookie(servedOverHttps);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    UserSession session = HttpSessionStore.userSession(request, response);
    if (session.user().isEmpty() && goodbye.take(request, response)) {
      Views.render(request, response, View.GOODBYE);
      return;
    }
    session
        .user()
        .ifPresent(
            user ->
                // Formatted here and escaped whole by the view, like the header's greeting: a
                // message tag with a parameter tag would build a MessageFormat per request.
                request.setAttribute(
                    "heading",
                    Views.text(
                        request,
                        Text.of("home.greeting", Objects.toString(user.greetingName(), "")))));
    Views.render(request, response, View.HOME);
  }
}
