package org.editprofile.auth;

import java.util.Optional;

/** The result of a silent token request: a token, or the user must go to the tenant again. */
public sealed interface TokenOutcome {

  /** The access token: passed to Graph or the service, never to the browser or a log. */
  record Acquired(String accessToken) implements TokenOutcome {}

  /** MSAL4J threw MsalInteractionRequiredException (or had nothing to refresh with). */
  record InteractionRequired(Optional<String> claims) implements TokenOutcome {}
}
