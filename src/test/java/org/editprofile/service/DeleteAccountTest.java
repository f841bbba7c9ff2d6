package org.editprofile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.editprofile.MutableClock;
import org.editprofile.config.AppOnlyAccess.AccountDeletion;
import org.editprofile.graph.GraphClient;
import org.editprofile.graph.GraphException;
import org.editprofile.http.Problem;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.metrics.AppMetrics;
import org.junit.jupiter.api.Test;

/**
 * The service's account deletion: only for the token's user, only after a sign-in of the last five
 * minutes (RFC 9470's challenge otherwise), the purge when asked for, and an account either intact
 * or deleted whatever Graph answers.
 */
class DeleteAccountTest {

  private static final String TOKEN = "caller-token";
  private static final UUID USER = UUID.fromString("4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d");
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private final BearerTokenValidator tokens = mock(BearerTokenValidator.class);
  private final GraphClient graph = mock(GraphClient.class);
  private final AppOnlyGraphToken appOnly = mock(AppOnlyGraphToken.class);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(NOW);

  private DeleteAccount deleter(AccountDeletion deletion) {
    when(appOnly.acquire()).thenReturn("app-token");
    return new DeleteAccount(
        tokens, appOnly, graph, deletion, new AppMetrics(meters), clock, Duration.ZERO);
  }

  private void signedInAt(Instant authTime) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim("oid", USER.toString());
    if (authTime != null) {
      claims.claim("auth_time", Date.from(authTime));
    }
    when(tokens.validate(TOKEN))
        .thenReturn(new BearerTokenValidator.Check.Accepted(claims.build()));
  }

  private double deletions(String change) {
    return meters.get("editprofile.account.changes").tag("change", change).counter().count();
  }

  @Test
  void aRecentSignInDeletesTheTokensUserAndKeepsTheRestoreWindow() throws Exception {
    signedInAt(NOW.minus(Duration.ofMinutes(4)));
    when(graph.deleteUser("app-token", USER)).thenReturn(true);
    assertEquals(Optional.empty(), deleter(AccountDeletion.KEEP).handle("Bearer " + TOKEN));
    verify(graph).deleteUser("app-token", USER);
    verify(graph, never()).purgeDeletedUser(anyString(), any());
    assertEquals(1.0, deletions("deleted"));
  }

  @Test
  void purgeRemovesItFromTheDeletedItemsToo() throws Exception {
    signedInAt(NOW.minusSeconds(10));
    when(graph.deleteUser("app-token", USER)).thenReturn(true);
    when(graph.purgeDeletedUser("app-token", USER)).thenReturn(true);
    assertEquals(Optional.empty(), deleter(AccountDeletion.PURGE).handle("Bearer " + TOKEN));
    verify(graph).purgeDeletedUser("app-token", USER);
    assertEquals(1.0, deletions("purged"));
  }

  @Test
  void aDeletedItemNotListedYetIsPurgedWhenItIs() throws Exception {
    signedInAt(NOW.minusSeconds(10));
    when(graph.deleteUser("app-token", USER)).thenReturn(true);
    when(graph.purgeDeletedUser("app-token", USER)).thenReturn(false, false, true);
    assertEquals(Optional.empty(), deleter(AccountDeletion.PURGE).handle("Bearer " + TOKEN));
    verify(graph, org.mockito.Mockito.times(3)).purgeDeletedUser("app-token", USER);
    assertEquals(1.0, deletions("purged"));
  }

  @Test
  void aPurgeThatFailsStillAnswersDeletedTheAccountCannotSignInAnyMore() throws Exception {
    signedInAt(NOW.minusSeconds(10));
    when(graph.deleteUser("app-token", USER)).thenReturn(true);
    when(graph.purgeDeletedUser("app-token", USER))
        .thenThrow(GraphException.of(Reason.UNAVAILABLE, "HTTP 503"));
    assertEquals(Optional.empty(), deleter(AccountDeletion.PURGE).handle("Bearer " + TOKEN));
    assertEquals(0.0, deletions("purged"));
  }

  @Test
  void anOldOrUnknownSignInIsAskedToSignInAgainAndNothingIsDeleted() throws Exception {
    for (Instant authTime :
        new Instant[] {NOW.minus(Duration.ofMinutes(6)), null, NOW.plus(Duration.ofMinutes(10))}) {
      signedInAt(authTime);
      Problem problem = deleter(AccountDeletion.KEEP).handle("Bearer " + TOKEN).orElseThrow();
      assertEquals(401, problem.status(), String.valueOf(authTime));
      String header = problem.headers().get("WWW-Authenticate");
      assertTrue(
          header.contains("error=\"insufficient_user_authentication\"")
              && header.endsWith("max_age=300"),
          header);
    }
    verifyNoInteractions(graph);
  }

  @Test
  void withoutAValidTokenNothingIsAsked() throws Exception {
    when(tokens.validate("forged"))
        .thenReturn(BearerTokenValidator.Check.Rejected.invalid("The token is not valid."));
    assertEquals(401, deleter(AccountDeletion.KEEP).handle("Bearer forged").orElseThrow().status());
    assertEquals(401, deleter(AccountDeletion.KEEP).handle(null).orElseThrow().status());
    verifyNoInteractions(graph);
  }

  @Test
  void deletingTwiceIsNotFoundTheSecondTime() throws Exception {
    signedInAt(NOW.minusSeconds(10));
    when(graph.deleteUser("app-token", USER)).thenReturn(false);
    Problem problem = deleter(AccountDeletion.KEEP).handle("Bearer " + TOKEN).orElseThrow();
    assertEquals(404, problem.status());
    assertEquals(0.0, deletions("deleted"));
  }

  @Test
  void throttledOrRefusedGraphLeavesTheAccountAndSaysWhy() throws Exception {
    signedInAt(NOW.minusSeconds(10));
    when(graph.deleteUser(eq("app-token"), eq(USER)))
        .thenThrow(
            new GraphException(
                Reason.THROTTLED,
                "throttled",
                java.util.Map.of(),
                null,
                Duration.ofSeconds(20),
                null))
        .thenThrow(GraphException.of(Reason.FORBIDDEN, "not allowed"));
    Problem throttled = deleter(AccountDeletion.KEEP).handle("Bearer " + TOKEN).orElseThrow();
    assertEquals(429, throttled.status());
    assertEquals("20", throttled.headers().get("Retry-After"));
    assertEquals(
        503, deleter(AccountDeletion.KEEP).handle("Bearer " + TOKEN).orElseThrow().status());
    assertEquals(0.0, deletions("deleted"));
  }
}
