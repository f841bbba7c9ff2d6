package org.editprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.AuthenticationResultMetadata;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.editprofile.MutableClock;
import org.junit.jupiter.api.Test;

class SilentTokenMemoTest {

  private static final List<String> SCOPES = List.of("User.Read");

  private final Instant start = Instant.parse("2026-11-23T10:00:00Z");
  private final MutableClock clock = new MutableClock(start);
  private final SilentTokenMemo memo = new SilentTokenMemo(clock);
  private final String cache = "{\"AccessToken\":{}}";

  private static IAuthenticationResult result(Instant expiresOn, Long refreshOn) {
    IAuthenticationResult result = mock(IAuthenticationResult.class);
    when(result.accessToken()).thenReturn("token");
    when(result.expiresOnDate()).thenReturn(Date.from(expiresOn));
    when(result.metadata())
        .thenReturn(AuthenticationResultMetadata.builder().refreshOn(refreshOn).build());
    return result;
  }

  @Test
  void findWhenTheTenantGaveARefreshTimeThenTheTokenIsNotReusedPastIt() {
    Instant refreshOn = start.plus(Duration.ofMinutes(30));
    memo.remember(
        cache, "account", SCOPES, result(start.plusSeconds(3600), refreshOn.getEpochSecond()));
    clock.advance(Duration.ofMinutes(29));
    assertEquals(Optional.of("token"), memo.find(cache, "account", SCOPES));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(Optional.empty(), memo.find(cache, "account", SCOPES));
  }

  @Test
  void rememberWhenTheTokenIsAlreadyWithinTheMarginThenNothingIsKept() {
    memo.remember(cache, "account", SCOPES, result(start.plus(Duration.ofMinutes(4)), null));
    assertEquals(Optional.empty(), memo.find(cache, "account", SCOPES));
  }

  @Test
  void findWhenAnotherAccountAsksWithTheSameCacheThenNothingIsFound() {
    memo.remember(cache, "account", SCOPES, result(start.plusSeconds(3600), null));
    assertEquals(Optional.empty(), memo.find(cache, "someone-else", SCOPES));
  }
}
