package org.editprofile.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.AuthenticationErrorCode;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.editprofile.credential.CredentialException;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.tenant.MsalCalls.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What MSAL4J's outcomes mean for the app, decided in one place. */
class MsalCallsTest {

  private static Answer<String> await(Throwable failure) {
    return MsalCalls.await(CompletableFuture.failedFuture(failure), "a test call");
  }

  private static MsalServiceException serviceError(
      String errorCode, String claims, Map<String, List<String>> headers) {
    MsalServiceException failure = mock(MsalServiceException.class);
    when(failure.errorCode()).thenReturn(errorCode);
    when(failure.claims()).thenReturn(claims);
    when(failure.headers()).thenReturn(headers);
    return failure;
  }

  @Test
  void awaitWhenTheCallSucceedsThenIssued() {
    assertEquals(
        "token",
        assertInstanceOf(
                Answer.Issued.class,
                MsalCalls.await(CompletableFuture.completedFuture("token"), "a test call"))
            .result());
  }

  @ParameterizedTest
  @ValueSource(strings = {"interaction_required", "login_required", "consent_required"})
  void awaitWhenOnlyTheUserCanResolveItThenNeedsUserWithTheTenantsClaims(String errorCode) {
    Answer<String> answer = await(serviceError(errorCode, "{\"acrs\":1}", Map.of()));
    Answer.NeedsUser<String> needsUser = assertInstanceOf(Answer.NeedsUser.class, answer);
    assertEquals(errorCode, needsUser.errorCode());
    assertEquals(Optional.of("{\"acrs\":1}"), needsUser.claims());
  }

  @Test
  void awaitWhenTheCacheHasNoTokenThenNeedsUserWithoutClaims() {
    Answer<String> answer =
        await(new MsalClientException("no token", AuthenticationErrorCode.CACHE_MISS));
    assertEquals(Optional.empty(), assertInstanceOf(Answer.NeedsUser.class, answer).claims());
  }

  @Test
  void awaitWhenTheTenantRefusesForAnotherReasonThenRefused() {
    Answer<String> answer = await(new MsalServiceException("bad code", "invalid_grant"));
    assertEquals("invalid_grant", assertInstanceOf(Answer.Refused.class, answer).errorCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"invalid_client", "unauthorized_client"})
  void awaitWhenTheTenantRefusesTheAppsCredentialThenAnAppCredentialFailure(String errorCode) {
    TenantException failure =
        assertThrows(
            TenantException.class,
            () ->
                await(
                    new MsalServiceException(
                        "AADSTS700027: Client assertion failed signature validation. Trace ID: t1",
                        errorCode)));
    assertTrue(failure.appCredentialProblem());
    assertTrue(failure.getMessage().contains("AADSTS700027"), failure.getMessage());
    assertFalse(failure.getMessage().contains("Trace ID"), "only the tenant's first words");
  }

  @Test
  void awaitWhenTheCredentialCallbackFailedThenAnAppCredentialFailure() {
    MsalClientException wrapped =
        new MsalClientException(
            new CredentialException("the federated token in /var/token expired"));
    TenantException failure = assertThrows(TenantException.class, () -> await(wrapped));
    assertTrue(failure.appCredentialProblem());
  }

  @Test
  void refusedWhenTheTenantSentRetryAfterThenTheFailureSaysHowLongToWait() {
    Answer<String> answer =
        await(serviceError("temporarily_unavailable", null, Map.of("retry-after", List.of("7"))));
    TenantException failure =
        assertInstanceOf(Answer.Refused.class, answer).asTenantException("getting a token");
    assertEquals(Optional.of(Duration.ofSeconds(7)), failure.retryAfter());
    assertEquals(Reason.THROTTLED, failure.reason());
  }

  @Test
  void refusedWhenMsalIsThrottlingThenAtLeastASecondToWait() {
    Answer<String> answer = await(new MsalThrottlingException(200));
    TenantException failure =
        assertInstanceOf(Answer.Refused.class, answer).asTenantException("getting a token");
    assertEquals(Optional.of(Duration.ofSeconds(1)), failure.retryAfter());
  }

  @Test
  void awaitWhenTheTenantIsUnreachableThenTenantExceptionWithoutAWait() {
    TenantException failure =
        assertThrows(
            TenantException.class, () -> await(new MsalClientException(new IOException("reset"))));
    assertEquals(Reason.UNAVAILABLE, failure.reason());
    assertEquals(Optional.empty(), failure.retryAfter());
  }
}
