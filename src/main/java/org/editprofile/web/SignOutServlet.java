package org.editprofile.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.editprofile.config.WebAppSettings;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.tenant.TenantException;

/**
 * {@code POST /auth/signout} ({@link org.editprofile.Routes#SIGN_OUT}, CSRF-checked): ends the
 * server-side session, token cache included, then signs out at the tenant, which returns the
 * browser to the post-logout redirect URI.
 */
public final class SignOutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient OidcMetadataProvider metadata;
  private final transient WebAppSettings settings;

  public SignOutServlet(OidcMetadataProvider metadata, WebAppSettings settings) {
    this.metadata = metadata;
    this.settings = settings;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSessionStore.userSession(request).invalidate();
    Optional<URI> endSession;
    try {
      endSession = metadata.get().endSessionEndpoint();
    } catch (TenantException e) {
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
