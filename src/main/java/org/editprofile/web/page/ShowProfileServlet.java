package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.flow.EditProfileFlow;
import org.editprofile.web.session.HttpSessionStore;

/**
 * {@code GET /users/gatedUpdateProfile} ({@link org.editprofile.Routes#SHOW_PROFILE}): the
 * read-only Graph profile, with an "Edit profile" link.
 */
public final class ShowProfileServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient EditProfileFlow flow;

  public ShowProfileServlet(EditProfileFlow flow) {
    this.flow = flow;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    ProfileResponses.send(
        flow.showProfile(HttpSessionStore.userSession(request, response)), request, response);
  }
}
