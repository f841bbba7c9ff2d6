package org.editprofile.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.editprofile.auth.IdentityProviderException;
import org.editprofile.auth.UserSession;
import org.editprofile.config.AppSettings;

/**
 * {@code POST /auth/signout} (CSRF-checked): ends the server-side session, token cache included,
 * then signs out at the tenant, which returns the browser to the post-logout redirect URI.
 */
@WebServlet("/auth/signout")
public final class SignOutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    UserSession.of(request).invalidate();
    AppServices services = AppServices.from(getServletContext());
    AppSettings settings = services.settings();
    Optional<URI> endSession;
    try {
      endSession = services.metadata().get().endSessionEndpoint();
    } catch (IdentityProviderException e) {
      endSession = Optional.empty();
    }
    if (endSession.isEmpty()) {
      // The local session is gone either way; without the tenant's endpoint, go home.
      response.sendRedirect(settings.postLogoutRedirectUri().toString());
      return;
    }
    String base = endSession.get().toString();
    response.sendRedirect(
        base
            + (base.contains("?") ? "&" : "?")
            + "post_logout_redirect_uri="
            + URLEncoder.encode(settings.postLogoutRedirectUri().toString(), StandardCharsets.UTF_8)
            + "&client_id="
            + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8));
  }
}
