package org.editprofile.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.auth.TokenOutcome;
import org.editprofile.auth.UserSession;
import org.editprofile.graph.ProfileField;
import org.editprofile.graph.UserProfile;

/**
 * {@code GET /users/updateProfile}: the edit form, only after MFA. A token for the MFA-protected
 * edit profile scope is asked for silently; when the tenant needs the user (Conditional Access),
 * the browser goes to the tenant and comes back here.
 */
@WebServlet(EditProfileServlet.PATH)
public final class EditProfileServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String PATH = "/users/updateProfile";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    AppServices services = AppServices.from(getServletContext());
    List<String> mfaScopes = List.of(services.settings().editProfileScope());
    TokenOutcome gate = services.tokens().acquire(request, mfaScopes);
    if (gate instanceof TokenOutcome.InteractionRequired required) {
      StepUp.begin(request, response, services, mfaScopes, required.claims(), PATH);
      return;
    }
    StepUp.succeeded(request);
    Optional<UserProfile> profile = ProfilePages.readProfile(request, response, services, PATH);
    if (profile.isEmpty()) {
      return;
    }
    UserSession session = UserSession.of(request);
    ProfileDraft draft = (ProfileDraft) session.attribute(ProfileDraft.ATTRIBUTE);
    if (draft != null) {
      session.removeAttribute(ProfileDraft.ATTRIBUTE);
      request.setAttribute("notice", draft.notice());
    }
    showForm(
        request,
        response,
        profile.get(),
        draft != null ? draft.values() : profile.get().getValues(),
        Map.of(),
        200);
  }

  static void showForm(
      HttpServletRequest request,
      HttpServletResponse response,
      UserProfile profile,
      Map<String, String> values,
      Map<String, String> errors,
      int status)
      throws ServletException, IOException {
    response.setStatus(status);
    request.setAttribute("profile", profile);
    request.setAttribute("fields", ProfileField.all());
    request.setAttribute("values", values);
    request.setAttribute("errors", errors);
    Views.render(request, response, "editProfile");
  }
}
