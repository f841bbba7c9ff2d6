package org.editprofile.web.page;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
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
import org.editprofile.web.session.HttpSessionStore;

/**
 * {@code POST /auth/signout} ({@link org.editprofile.Routes#SIGN_OUT}, CSRF-checked): ends the
 * server-side session, token cache included, then signs out at the tenant, which returns the
 * browser to the post-logout redirect URI. The ID token's {@code login_hint} claim (an optional
 * claim of the app registration), when present, goes along as {@code logout_hint}, so the tenant
 * signs out that account without asking which one.
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
    UserSession session = HttpSessionStore.userSession(request, response);
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
