package org.editprofile.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.auth.ReturnPath;
import org.editprofile.auth.SignInRequests;

/** {@code GET /auth/signin[?redirectTo=/path]}: redirect to the tenant's sign-in page. */
@WebServlet("/auth/signin")
public final class SignInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AppServices services = AppServices.from(getServletContext());
    String returnPath = ReturnPath.orHome(request.getParameter("redirectTo"));
    SignInRequests.Options options =
        "1".equals(request.getParameter("restart"))
            ? SignInRequests.Options.restartSignIn()
            : SignInRequests.Options.signIn();
    response.sendRedirect(services.signIns().start(request, returnPath, options).toString());
  }
}
