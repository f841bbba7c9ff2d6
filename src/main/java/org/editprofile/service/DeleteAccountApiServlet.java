package org.editprofile.service;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.editprofile.http.Problem;

/**
 * {@code POST /api/deleteAccount}: 204 once the caller's account is deleted, or problem+json. The
 * logic is {@link DeleteAccount}.
 */
public final class DeleteAccountApiServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient DeleteAccount deleteAccount;

  public DeleteAccountApiServlet(DeleteAccount deleteAccount) {
    this.deleteAccount = deleteAccount;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Problem> refused = deleteAccount.handle(request.getHeader("Authorization"));
    if (refused.isPresent()) {
      refused.get().send(response);
    } else {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
  }
}
