package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.editprofile.Routes;
import org.editprofile.session.SignedInUser;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.ClaimRow;
import org.editprofile.web.view.View;
import org.editprofile.web.view.Views;

/**
 * {@code GET /users/id} ({@link Routes#CLAIMS}): the ID token's claims, the time claims also as
 * dates in the visitor's language (formatted here with a formatter kept per language; JSTL's
 * formatDate would build a DateFormat for every one of them on every request). Its lines are built
 * here ({@link ClaimRow}), so the view only prints them.
 */
public final class ClaimsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    HttpSessionStore.userSession(request, response)
        .user()
        .ifPresent(
            user -> {
              List<ClaimRow> rows = new ArrayList<>();
              for (SignedInUser.Claim claim : user.claimRows()) {
                rows.add(
                    new ClaimRow(
                        claim.getName(),
                        claim.getValue(),
                        claim.time().map(at -> Views.dateTime(request, at)).orElse(null)));
              }
              request.setAttribute("claims", rows);
            });
    Views.render(request, response, View.CLAIMS);
  }
}
