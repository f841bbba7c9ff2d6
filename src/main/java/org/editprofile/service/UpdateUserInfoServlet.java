package org.editprofile.service;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /api/updateUserInfo}: the edit profile service's one route. Answers 204, or
 * problem+json with the right status; never 200 on failure. The logic is {@link UpdateUserInfo}.
 */
public final class UpdateUserInfoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient UpdateUserInfo updateUserInfo;

  public UpdateUserInfoServlet(UpdateUserInfo updateUserInfo) {
    this.updateUserInfo = updateUserInfo;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    UpdateUserInfo.Outcome answer =
        updateUserInfo.handle(
            new UpdateUserInfo.Request(
                request.getHeader("Authorization"),
                request.getContentType(),
                limit -> {
                  try (InputStream in = request.getInputStream()) {
                    return in.readNBytes(limit);
                  }
                }));
    if (answer instanceof UpdateUserInfo.Outcome.Refused refused) {
      refused.problem().send(response);
    } else {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
  }
}
