package org.editprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.editprofile.session.TokenCacheCipher;
import org.junit.jupiter.api.Test;

class SessionTokenCacheTest {

  private final ITokenCache cache = mock(ITokenCache.class);
  private final ITokenCacheAccessContext context = mock(ITokenCacheAccessContext.class);
  private final List<String> saved = new ArrayList<>();
  private final TokenCacheCipher cipher = TokenCacheCipher.ephemeral();
  private final String sealed = cipher.seal("{cache}");

  SessionTokenCacheTest() {
    when(context.tokenCache()).thenReturn(cache);
  }

  @Test
  void beforeAccessWhenCalledRepeatedlyThenOpensAndDeserializesTheSessionCacheOnce() {
    SessionTokenCache hook = new SessionTokenCache(Optional.of(sealed), cipher, saved::add);
    hook.beforeCacheAccess(context);
    hook.beforeCacheAccess(context);
    verify(cache, times(1)).deserialize("{cache}");
  }

  @Test
  void afterAccessWhenUnchangedThenNothingIsSerializedSealedOrSaved() {
    SessionTokenCache hook = new SessionTokenCache(Optional.of(sealed), cipher, saved::add);
    when(context.hasCacheChanged()).thenReturn(false);
    hook.afterCacheAccess(context);
    verify(cache, never()).serialize();
    assertTrue(saved.isEmpty());
    assertEquals(Optional.of(sealed), hook.latest());
  }

  @Test
  void afterAccessWhenChangedThenTheNewCacheIsSavedSealed() {
    SessionTokenCache hook = new SessionTokenCache(Optional.empty(), cipher, saved::add);
    when(context.hasCacheChanged()).thenReturn(true);
    when(cache.serialize()).thenReturn("{new}");
    hook.beforeCacheAccess(context);
    hook.afterCacheAccess(context);
    verify(cache, never()).deserialize(org.mockito.ArgumentMatchers.anyString());
    assertEquals(1, saved.size());
    assertFalse(saved.get(0).contains("new"));
    assertEquals(Optional.of("{new}"), cipher.open(saved.get(0)));
    assertEquals(Optional.of(saved.get(0)), hook.latest());
  }

  @Test
  void beforeAccessWhenSealedUnderAnotherKeyThenAnEmptyCache() {
    String foreign = TokenCacheCipher.ephemeral().seal("{cache}");
    SessionTokenCache hook = new SessionTokenCache(Optional.of(foreign), cipher, saved::add);
    hook.beforeCacheAccess(context);
    verify(cache, never()).deserialize(org.mockito.ArgumentMatchers.anyString());
    assertEquals(Optional.empty(), hook.latest());
  }
}
