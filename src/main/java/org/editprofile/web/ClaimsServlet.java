package org.editprofile.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.editprofile.Routes;
import org.editprofile.session.SignedInUser;

/**
 * {@code GET /users/id} ({@link Routes#CLAIMS}): the ID token's claims, the time claims also as
 * dates in the visitor's language (formatted here with a formatter kept per language; JSTL's
 * formatDate would build a DateFormat for every one of them on every request).
 */
public final class ClaimsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    HttpSessionStore.userSession(request)
        .user()
        .ifPresent(
            user -> {
              Map<String, String> times = new HashMap<>();
              for (SignedInUser.Claim claim : user.claimRows()) {
                claim
                    .time()
                    .ifPresent(at -> times.put(claim.getName(), Views.dateTime(request, at)));
              }
              request.setAttribute("claimTimes", times);
            });
    Views.render(request, response, View.CLAIMS);
  }
}
