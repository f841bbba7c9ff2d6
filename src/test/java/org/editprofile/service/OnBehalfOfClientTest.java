package org.editprofile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.editprofile.MutableClock;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TokenOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The on-behalf-of exchange: what the tenant's answers mean, and the per-token cache. */
class OnBehalfOfClientTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final MsalApps apps = mock(MsalApps.class);
  private final ConfidentialClientApplication app = mock(ConfidentialClientApplication.class);
  private final OnBehalfOfClient client = new OnBehalfOfClient(apps, clock);

  @BeforeEach
  void aServiceClient() {
    when(apps.newClient()).thenReturn(app);
  }

  private void tenantIssues(String token, Duration lifetime) {
    IAuthenticationResult result = mock(IAuthenticationResult.class);
    when(result.accessToken()).thenReturn(token);
    when(result.expiresOnDate()).thenReturn(Date.from(clock.instant().plus(lifetime)));
    when(app.acquireToken(any(OnBehalfOfParameters.class)))
        .thenReturn(CompletableFuture.completedFuture(result));
  }

  private void tenantFails(MsalServiceException failure) {
    when(app.acquireToken(any(OnBehalfOfParameters.class)))
        .thenReturn(CompletableFuture.failedFuture(failure));
  }

  @Test
  void exchangeWhenTheTenantIssuesThenAGraphTokenForUserReadWriteFromTheCallersToken() {
    tenantIssues("graph-1", Duration.ofHours(1));
    TokenOutcome outcome = client.exchange("caller-1");
    assertEquals("graph-1", assertInstanceOf(TokenOutcome.Acquired.class, outcome).accessToken());
    ArgumentCaptor<OnBehalfOfParameters> parameters =
        ArgumentCaptor.forClass(OnBehalfOfParameters.class);
    verify(app).acquireToken(parameters.capture());
    assertEquals(OnBehalfOfClient.GRAPH_SCOPES, parameters.getValue().scopes());
    assertEquals("caller-1", parameters.getValue().userAssertion().getAssertion());
  }

  @Test
  void exchangeWhenRepeatedWithTheSameTokenThenTheTenantIsCalledOnce() {
    tenantIssues("graph-1", Duration.ofHours(1));
    client.exchange("caller-1");
    client.exchange("caller-1");
    verify(app, times(1)).acquireToken(any(OnBehalfOfParameters.class));
  }

  @Test
  void exchangeWhenTheCachedTokenIsAboutToExpireThenExchangedAgain() {
    tenantIssues("graph-1", Duration.ofMinutes(10));
    client.exchange("caller-1");
    clock.advance(Duration.ofMinutes(6));
    client.exchange("caller-1");
    verify(app, times(2)).acquireToken(any(OnBehalfOfParameters.class));
  }

  @Test
  void forgetWhenGraphRefusedTheTokenThenTheNextSaveExchangesAgain() {
    tenantIssues("graph-1", Duration.ofHours(1));
    client.exchange("caller-1");
    client.forget("caller-1");
    client.exchange("caller-1");
    verify(app, times(2)).acquireToken(any(OnBehalfOfParameters.class));
  }

  @Test
  void exchangeWhenTheTenantAnswersInteractionRequiredThenTheUserIsNeeded() {
    tenantFails(new MsalServiceException("AADSTS50076: MFA required", "interaction_required"));
    TokenOutcome outcome = client.exchange("caller-1");
    assertInstanceOf(TokenOutcome.NeedsUser.class, outcome);
    assertEquals(Optional.empty(), ((TokenOutcome.NeedsUser) outcome).claims());
  }

  @Test
  void exchangeWhenTheTenantRefusesForAnotherReasonThenTenantException() {
    tenantFails(new MsalServiceException("AADSTS50013: bad assertion", "invalid_grant"));
    TenantException failure = assertThrows(TenantException.class, () -> client.exchange("c"));
    assertEquals("The on-behalf-of exchange was refused (invalid_grant)", failure.getMessage());
  }
}
