package org.editprofile.web.page;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.config.WebAppSettings;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.web.session.HttpSessionStore;

/**
 * {@code POST /auth/signout} ({@link org.editprofile.Routes#SIGN_OUT}, CSRF-checked): ends the
 * session here and at the tenant ({@link TenantSignOut}).
 */
public final class SignOutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient TenantSignOut tenantSignOut;

  public SignOutServlet(OidcMetadataProvider metadata, WebAppSettings settings) {
    this.tenantSignOut = new TenantSignOut(metadata, settings);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    tenantSignOut.signOut(HttpSessionStore.userSession(request, response), response);
  }
}
