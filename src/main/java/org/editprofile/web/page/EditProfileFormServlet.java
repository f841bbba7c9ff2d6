package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.flow.EditProfileFlow;
import org.editprofile.web.session.HttpSessionStore;

/**
 * {@code GET /users/updateProfile} ({@link org.editprofile.Routes#EDIT_PROFILE_FORM}): the edit
 * form, only after MFA. When the tenant needs the user (Conditional Access on the edit profile
 * scope), the browser goes to the tenant and comes back here.
 */
public final class EditProfileFormServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient EditProfileFlow flow;

  public EditProfileFormServlet(EditProfileFlow flow) {
    this.flow = flow;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    ProfileResponses.send(
        flow.openForm(HttpSessionStore.userSession(request, response)), request, response);
  }
}
