package org.editprofile.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.editprofile.auth.TokenOutcome;
import org.editprofile.graph.GraphException;
import org.editprofile.graph.UserProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the profile pages share: read /me with a User.Read token (stepping up when the tenant asks
 * for it), and turn a Graph failure into the right page.
 */
final class ProfilePages {

  private static final Logger LOG = LoggerFactory.getLogger(ProfilePages.class);

  private ProfilePages() {}

  /** The profile, or empty when a redirect or an error page has already been sent. */
  static Optional<UserProfile> readProfile(
      HttpServletRequest request,
      HttpServletResponse response,
      AppServices services,
      String returnPath)
      throws IOException, ServletException {
    return readProfile(request, response, services, returnPath, Optional.empty());
  }

  private static Optional<UserProfile> readProfile(
      HttpServletRequest request,
      HttpServletResponse response,
      AppServices services,
      String returnPath,
      Optional<String> claims)
      throws IOException, ServletException {
    List<String> scopes = AppServices.GRAPH_READ;
    TokenOutcome outcome = services.tokens().acquire(request, scopes, claims);
    if (outcome instanceof TokenOutcome.InteractionRequired required) {
      StepUp.begin(request, response, services, scopes, required.claims(), returnPath);
      return Optional.empty();
    }
    String token = ((TokenOutcome.Acquired) outcome).accessToken();
    try {
      return Optional.of(services.graph().me(token));
    } catch (GraphException e) {
      if (e.kind() == GraphException.Kind.CLAIMS_CHALLENGE && claims.isEmpty()) {
        // Graph asked for fresh claims (continuous access evaluation): try silently once with them.
        return readProfile(request, response, services, returnPath, e.claims());
      }
      if (e.kind() == GraphException.Kind.CLAIMS_CHALLENGE) {
        StepUp.begin(request, response, services, scopes, e.claims(), returnPath);
        return Optional.empty();
      }
      showFailure(request, response, e);
      return Optional.empty();
    }
  }

  /** The page for a Graph failure that the user cannot fix by editing the form. */
  static void showFailure(
      HttpServletRequest request, HttpServletResponse response, GraphException e)
      throws ServletException, IOException {
    LOG.warn("Microsoft Graph call failed: {} ({})", e.kind(), e.getMessage());
    switch (e.kind()) {
      case FORBIDDEN ->
          Views.error(
              request,
              response,
              HttpServletResponse.SC_FORBIDDEN,
              "Not allowed",
              "Your account is not allowed to do this. Contact your administrator if you think it should be.");
      case THROTTLED -> {
        e.retryAfter()
            .ifPresent(d -> response.setHeader("Retry-After", Long.toString(d.toSeconds())));
        Views.error(
            request,
            response,
            429,
            "Too many requests",
            "Microsoft Graph is busy. Please try again "
                + e.retryAfter()
                    .map(d -> "in " + Math.max(1, d.toSeconds()) + " seconds.")
                    .orElse("in a moment."));
      }
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
