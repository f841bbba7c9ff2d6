package org.editprofile.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.editprofile.auth.ReturnPath;
import org.editprofile.auth.SignInRequests;
import org.editprofile.session.UserSession;

/**
 * {@code GET /auth/signin[?redirectTo=/path]} ({@link org.editprofile.Routes#SIGN_IN}): redirect to
 * the tenant's sign-in page.
 */
public final class SignInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient SignInRequests signIns;
  private final transient AnonymousSignInSessions visitors;

  public SignInServlet(SignInRequests signIns, AnonymousSignInSessions visitors) {
    this.signIns = signIns;
    this.visitors = visitors;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String returnPath = ReturnPath.orHome(request.getParameter("redirectTo"));
    SignInRequests.Options options =
        "1".equals(request.getParameter("restart"))
            ? SignInRequests.Options.restartSignIn()
            : SignInRequests.Options.signIn();
    UserSession session = HttpSessionStore.userSession(request);
    URI authorizeUrl = signIns.start(session, returnPath, options);
    if (session.user().isEmpty()) {
      visitors.admit(request);
    }
    Views.redirectToTenant(request, response, authorizeUrl);
  }
}
