package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.editprofile.http.RemoteServiceException;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.i18n.Text;
import org.editprofile.tenant.TenantException;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from a failure of the tenant, Graph or the edit profile service to the page and
 * status a visitor sees. A wait the remote party asked for is passed on as Retry-After and in
 * words.
 */
final class FailurePages {

  private static final Logger LOG = LoggerFactory.getLogger(FailurePages.class);

  private FailurePages() {}

  /** "Verification not completed": the step-up was asked for too often in a short time. */
  static void stepUpCapped(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Views.error(
        request,
        response,
        HttpServletResponse.SC_FORBIDDEN,
        Text.of("error.stepUpCapped.title"),
        Text.of("error.stepUpCapped.message"));
  }

  /**
   * The tenant or Graph no longer knows the signed-in user (the account was deleted, on another
   * device perhaps): this session ends, and the page says why, once; the next request is simply
   * signed out.
   */
  static void accountGone(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    LOG.info("The signed-in account no longer exists; its session ends");
    HttpSessionStore.userSession(request, response).invalidate();
    Views.error(
        request,
        response,
        HttpServletResponse.SC_GONE,
        Text.of("error.accountGone.title"),
        Text.of("error.accountGone.message"));
  }

  static void show(
      HttpServletRequest request, HttpServletResponse response, RemoteServiceException failure)
      throws ServletException, IOException {
    if (failure.reason() == Reason.NOT_FOUND) {
      accountGone(request, response);
      return;
    }
    Optional<Long> seconds = failure.retryAfter().map(d -> Math.max(1, d.toSeconds()));
    seconds.ifPresent(s -> response.setHeader("Retry-After", Long.toString(s)));
    if (failure instanceof TenantException tenant && tenant.appCredentialProblem()) {
      // Not the visitor's doing and not passing: the operator must renew or register the
      // credential. The log names the setting's problem or the tenant's AADSTS code.
      LOG.error("The app cannot authenticate to the sign-in service: {}", failure.getMessage());
      Views.error(
          request,
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          Text.of("error.signInMisconfigured.title"),
          Text.of("error.signInMisconfigured.message"));
      return;
    }
    if (failure instanceof TenantException) {
      LOG.warn("Sign-in service problem: {}", failure.getMessage(), failure.getCause());
      if (seconds.isPresent()) {
        Views.error(
            request,
            response,
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            Text.of("error.tenantBusy.title"),
            Text.of("error.tenantBusy.message", seconds.get()));
      } else {
        Views.error(
            request,
            response,
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            Text.of("error.tenantUnavailable.title"),
            Text.of("error.tenantUnavailable.message"));
      }
      return;
    }
    LOG.warn("Microsoft Graph call failed: {} ({})", failure.reason(), failure.getMessage());
    switch (failure.reason()) {
      case FORBIDDEN ->
          Views.error(
              request,
              response,
              HttpServletResponse.SC_FORBIDDEN,
              Text.of("error.forbidden.title"),
              Text.of("error.forbidden.message"));
      case THROTTLED ->
          Views.error(
              request,
              response,
              429,
              Text.of("error.throttled.title"),
              seconds
                  .map(s -> Text.of("error.throttledFor.message", s))
                  .orElse(Text.of("error.throttled.message")));
      case UNAUTHORIZED ->
          Views.error(
              request,
              response,
              HttpServletResponse.SC_UNAUTHORIZED,
              Text.of("error.signInAgain.title"),
              Text.of("error.signInAgain.message"));
      default ->
          Views.error(
              request,
              response,
              HttpServletResponse.SC_BAD_GATEWAY,
              Text.of("error.profileUnavailable.title"),
              Text.of("error.profileUnavailable.message"));
    }
  }
}
