package org.editprofile.web.page;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.editprofile.auth.ReturnPath;
import org.editprofile.auth.SignInRequests;
import org.editprofile.session.UserSession;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.Views;

/**
 * {@code GET /auth/signin[?redirectTo=/path]} ({@link org.editprofile.Routes#SIGN_IN}): redirect to
 * the tenant's sign-in page.
 */
public final class SignInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient SignInRequests signIns;

  public SignInServlet(SignInRequests signIns) {
    this.signIns = signIns;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String returnPath = ReturnPath.orHome(request.getParameter("redirectTo"));
    SignInRequests.Options options =
        "1".equals(request.getParameter("restart"))
            ? SignInRequests.Options.restartSignIn()
            : SignInRequests.Options.signIn();
    // The pending sign-in goes to a cookie: a visitor gets no session here.
    UserSession session = HttpSessionStore.userSession(request, response);
    URI authorizeUrl = signIns.start(session, returnPath, options);
    Views.redirectToTenant(request, response, authorizeUrl);
  }
}
