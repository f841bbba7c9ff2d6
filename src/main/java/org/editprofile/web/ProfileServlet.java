package org.editprofile.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.editprofile.auth.UserSession;
import org.editprofile.graph.ProfileField;
import org.editprofile.graph.UserProfile;

/**
 * {@code GET /users/gatedUpdateProfile}: the read-only Graph profile, with an "Edit profile" link.
 */
@WebServlet(ProfileServlet.PATH)
public final class ProfileServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String PATH = "/users/gatedUpdateProfile";
  static final String FLASH = "web.profileFlash";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    AppServices services = AppServices.from(getServletContext());
    Optional<UserProfile> profile = ProfilePages.readProfile(request, response, services, PATH);
    if (profile.isEmpty()) {
      return;
    }
    UserSession session = UserSession.of(request);
    Object flash = session.attribute(FLASH);
    if (flash != null) {
      session.removeAttribute(FLASH);
      request.setAttribute("flash", flash);
    }
    request.setAttribute("profile", profile.get());
    request.setAttribute("fields", ProfileField.all());
    Views.render(request, response, "profile");
  }
}
