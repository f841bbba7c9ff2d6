package org.editprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.ITokenCache;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTokenCacheTest {

  private final ITokenCache cache = mock(ITokenCache.class);
  private final ITokenCacheAccessContext context = mock(ITokenCacheAccessContext.class);
  private final List<String> saved = new ArrayList<>();

  SessionTokenCacheTest() {
    when(context.tokenCache()).thenReturn(cache);
  }

  @Test
  void beforeAccessWhenCalledRepeatedlyThenDeserializesTheSessionCacheOnce() {
    SessionTokenCache hook = new SessionTokenCache(Optional.of("{cache}"), saved::add);
    hook.beforeCacheAccess(context);
    hook.beforeCacheAccess(context);
    verify(cache, times(1)).deserialize("{cache}");
  }

  @Test
  void afterAccessWhenUnchangedThenNothingIsSerializedOrSaved() {
    SessionTokenCache hook = new SessionTokenCache(Optional.of("{cache}"), saved::add);
    when(context.hasCacheChanged()).thenReturn(false);
    hook.afterCacheAccess(context);
    verify(cache, never()).serialize();
    assertTrue(saved.isEmpty());
    assertEquals(Optional.of("{cache}"), hook.latest());
  }

  @Test
  void afterAccessWhenChangedThenTheNewCacheIsSaved() {
    SessionTokenCache hook = new SessionTokenCache(Optional.empty(), saved::add);
    when(context.hasCacheChanged()).thenReturn(true);
    when(cache.serialize()).thenReturn("{new}");
    hook.beforeCacheAccess(context);
    hook.afterCacheAccess(context);
    verify(cache, never()).deserialize(org.mockito.ArgumentMatchers.anyString());
    assertEquals(List.of("{new}"), saved);
    assertEquals(Optional.of("{new}"), hook.latest());
  }
}
