package org.editprofile.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.editprofile.http.RemoteServiceException;
import org.editprofile.tenant.TenantException;
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

  static void show(
      HttpServletRequest request, HttpServletResponse response, RemoteServiceException failure)
      throws ServletException, IOException {
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
          "Sign-in is not available",
          "This site cannot connect to its sign-in service because of a problem with its own"
              + " configuration. Its administrators need to fix it; please try again later.");
      return;
    }
    if (failure instanceof TenantException) {
      LOG.warn("Sign-in service problem: {}", failure.getMessage(), failure.getCause());
      if (seconds.isPresent()) {
        Views.error(
            request,
            response,
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            "Sign-in service busy",
            "The sign-in service is busy. Please try again in " + seconds.get() + " seconds.");
      } else {
        Views.error(
            request,
            response,
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            "Sign-in service unavailable",
            "The sign-in service could not be reached or gave an unexpected answer. Please try"
                + " again in a moment.");
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
              "Not allowed",
              "Your account is not allowed to do this. Contact your administrator if you think it"
                  + " should be.");
      case THROTTLED ->
          Views.error(
              request,
              response,
              429,
              "Too many requests",
              "Microsoft Graph is busy. Please try again "
                  + seconds.map(s -> "in " + s + " seconds.").orElse("in a moment."));
      case UNAUTHORIZED ->
          Views.error(
              request,
              response,
              HttpServletResponse.SC_UNAUTHORIZED,
              "Please sign in again",
              "Your sign-in is no longer accepted. Sign out and sign in again.");
      default ->
          Views.error(
              request,
              response,
              HttpServletResponse.SC_BAD_GATEWAY,
              "Profile service unavailable",
              "Your profile could not be reached just now. Please try again in a moment.");
    }
  }
}
