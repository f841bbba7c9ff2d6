package org.editprofile.web.page;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.editprofile.config.WebAppSettings;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.tenant.TenantException;

/**
 * Ends the server-side session, token cache included, then sends the browser to the tenant's
 * end-session endpoint, which returns it to the post-logout redirect URI. The ID token's {@code
 * login_hint} claim (an optional claim of the app registration), when present, goes along as {@code
 * logout_hint}, so the tenant signs out that account without asking which one.
 */
final class TenantSignOut {

  private final OidcMetadataProvider metadata;
  private final WebAppSettings settings;

  TenantSignOut(OidcMetadataProvider metadata, WebAppSettings settings) {
    this.metadata = metadata;
    this.settings = settings;
  }

  void signOut(UserSession session, HttpServletResponse response) throws IOException {
    Optional<String> logoutHint =
        session.user().map(user -> user.claims().get("login_hint")).filter(h -> !h.isBlank());
    session.invalidate();
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
            + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
            + logoutHint
                .map(hint -> "&logout_hint=" + URLEncoder.encode(hint, StandardCharsets.UTF_8))
                .orElse(""));
  }
}
