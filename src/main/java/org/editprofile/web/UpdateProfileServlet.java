package org.editprofile.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.auth.IdentityProviderException;
import org.editprofile.auth.TokenOutcome;
import org.editprofile.auth.UserSession;
import org.editprofile.graph.GraphException;
import org.editprofile.graph.ProfileChanges;
import org.editprofile.graph.ProfileField;
import org.editprofile.graph.UserProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /users/update} (CSRF-checked): validates the form, requires the MFA-protected token,
 * sends only the changed allow-listed fields (through the edit profile service, or straight to
 * Graph), then redirects to the profile. Whatever happens, what the user typed is not lost.
 */
@WebServlet("/users/update")
public final class UpdateProfileServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(UpdateProfileServlet.class);

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    AppServices services = AppServices.from(getServletContext());
    Map<String, String> submitted = new LinkedHashMap<>();
    for (ProfileField field : ProfileField.values()) {
      String value = request.getParameter(field.graphName());
      if (value != null) {
        submitted.put(field.graphName(), value);
      }
    }
    try {
      save(request, response, services, submitted);
    } catch (IdentityProviderException e) {
      // The tenant failed (unreachable, throttling): the error page says so, the typed values wait.
      keepDraft(
          request,
          submitted,
          "Your changes were not saved yet, but they are kept: select Save to try again.");
      throw e;
    }
  }

  private void save(
      HttpServletRequest request,
      HttpServletResponse response,
      AppServices services,
      Map<String, String> submitted)
      throws ServletException, IOException {
    // The MFA gate: no write of any kind without a token for the protected scope.
    List<String> mfaScopes = List.of(services.settings().editProfileScope());
    TokenOutcome gate = services.tokens().acquire(request, mfaScopes);
    if (gate instanceof TokenOutcome.InteractionRequired required) {
      keepDraft(
          request,
          submitted,
          "Verification was needed before saving. Your changes are kept: review them and select Save.");
      StepUp.begin(
          request, response, services, mfaScopes, required.claims(), EditProfileServlet.PATH);
      return;
    }
    StepUp.succeeded(request);

    // Checked after the gate, so that without MFA not even an error form is shown.
    ProfileChanges.Validation checked = ProfileChanges.validate(submitted, Optional.empty());
    if (!checked.errors().isEmpty()) {
      EditProfileServlet.showForm(request, response, null, submitted, checked.errors(), 400);
      return;
    }
    Optional<UserProfile> current =
        ProfilePages.readProfile(request, response, services, EditProfileServlet.PATH);
    if (current.isEmpty()) {
      keepDraft(request, submitted, "Your changes are kept: review them and select Save.");
      return;
    }
    ProfileChanges changes = ProfileChanges.validate(submitted, current).changes().orElseThrow();
    if (changes.isEmpty()) {
      UserSession.of(request).setAttribute(ProfileServlet.FLASH, "There was nothing to change.");
      Views.redirectInApp(request, response, ProfileServlet.PATH);
      return;
    }
    try {
      Optional<URI> serviceUrl = services.settings().editProfileApiUrl();
      if (serviceUrl.isPresent()) {
        services
            .graph()
            .updateThroughService(
                serviceUrl.get(), ((TokenOutcome.Acquired) gate).accessToken(), changes);
      } else if (!writeDirectly(request, response, services, submitted, changes)) {
        return;
      }
    } catch (GraphException e) {
      handleFailure(request, response, services, current.get(), submitted, e);
      return;
    }
    LOG.info("Profile updated: {}", changes.values().keySet());
    UserSession.of(request).setAttribute(ProfileServlet.FLASH, "Your profile was updated.");
    Views.redirectInApp(request, response, ProfileServlet.PATH);
  }

  /** The direct path: the app's own User.ReadWrite token, after the same MFA gate. */
  private boolean writeDirectly(
      HttpServletRequest request,
      HttpServletResponse response,
      AppServices services,
      Map<String, String> submitted,
      ProfileChanges changes)
      throws GraphException, IOException, ServletException {
    TokenOutcome write = services.tokens().acquire(request, AppServices.GRAPH_WRITE);
    if (write instanceof TokenOutcome.InteractionRequired required) {
      keepDraft(request, submitted, "Your changes are kept: review them and select Save.");
      StepUp.begin(
          request,
          response,
          services,
          AppServices.GRAPH_WRITE,
          required.claims(),
          EditProfileServlet.PATH);
      return false;
    }
    services.graph().updateMe(((TokenOutcome.Acquired) write).accessToken(), changes);
    return true;
  }

  private void handleFailure(
      HttpServletRequest request,
      HttpServletResponse response,
      AppServices services,
      UserProfile current,
      Map<String, String> submitted,
      GraphException e)
      throws IOException, ServletException {
    switch (e.kind()) {
      case INVALID_INPUT ->
          EditProfileServlet.showForm(request, response, current, submitted, e.fieldErrors(), 400);
      case CLAIMS_CHALLENGE -> {
        keepDraft(
            request,
            submitted,
            "Verification was needed before saving. Your changes are kept: review them and select Save.");
        List<String> scopes =
            services.settings().usesEditProfileService()
                ? List.of(services.settings().editProfileScope())
                : AppServices.GRAPH_WRITE;
        StepUp.begin(request, response, services, scopes, e.claims(), EditProfileServlet.PATH);
      }
      default -> {
        keepDraft(
            request,
            submitted,
            "Your changes were not saved yet, but they are kept: select Save to try again.");
        ProfilePages.showFailure(request, response, e);
      }
    }
  }

  private static void keepDraft(
      HttpServletRequest request, Map<String, String> submitted, String notice) {
    UserSession.of(request)
        .setAttribute(ProfileDraft.ATTRIBUTE, ProfileDraft.of(submitted, notice));
  }
}
