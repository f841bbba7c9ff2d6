package org.editprofile.service;

import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import com.microsoft.aad.msal4j.UserAssertion;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.editprofile.auth.IdentityProviderException;
import org.editprofile.auth.MsalApps;

/**
 * Exchanges the caller's token for a Graph {@code User.ReadWrite} token (on-behalf-of). A fresh
 * MSAL client per exchange: MSAL4J keeps OBO tokens app-wide, which would otherwise grow forever.
 */
public final class OnBehalfOfClient {

  static final Set<String> GRAPH_SCOPES = Set.of("https://graph.microsoft.com/User.ReadWrite");

  private final MsalApps serviceApps;

  public OnBehalfOfClient(MsalApps serviceApps) {
    this.serviceApps = serviceApps;
  }

  /** The result: a Graph token, or the claims the user must satisfy at the tenant first. */
  public sealed interface Outcome {
    record Token(String accessToken) implements Outcome {}

    record InteractionRequired(Optional<String> claims) implements Outcome {}
  }

  public Outcome exchange(String incomingToken) {
    try {
      String token =
          serviceApps
              .newClient()
              .acquireToken(
                  OnBehalfOfParameters.builder(GRAPH_SCOPES, new UserAssertion(incomingToken))
                      .build())
              .get(60, TimeUnit.SECONDS)
              .accessToken();
      return new Outcome.Token(token);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MsalInteractionRequiredException required) {
        return new Outcome.InteractionRequired(
            Optional.ofNullable(required.claims()).filter(c -> !c.isBlank()));
      }
      if (e.getCause() instanceof MsalServiceException service) {
        throw new IdentityProviderException(
            "The on-behalf-of exchange was refused: " + service.errorCode(), service);
      }
      throw new IdentityProviderException("The on-behalf-of exchange failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IdentityProviderException("The sign-in service did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityProviderException("Interrupted", e);
    }
  }
}
