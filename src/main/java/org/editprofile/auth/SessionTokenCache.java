package org.editprofile.auth;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * MSAL4J's cache hook for one request: loads the session's serialized cache on first access and
 * hands it back only when MSAL4J changed it (a new or refreshed token), so an ordinary request
 * neither serializes the cache nor rewrites the session attribute.
 */
final class SessionTokenCache implements ITokenCacheAccessAspect {

  private final Optional<String> serialized;
  private final Consumer<String> onChange;
  private boolean loaded;
  private String latest;

  SessionTokenCache(Optional<String> serialized, Consumer<String> onChange) {
    this.serialized = serialized;
    this.onChange = onChange;
    this.latest = serialized.orElse(null);
  }

  @Override
  public void beforeCacheAccess(ITokenCacheAccessContext context) {
    if (!loaded) {
      serialized.ifPresent(cache -> context.tokenCache().deserialize(cache));
      loaded = true;
    }
  }

  @Override
  public void afterCacheAccess(ITokenCacheAccessContext context) {
    if (context.hasCacheChanged()) {
      latest = context.tokenCache().serialize();
      onChange.accept(latest);
    }
  }

  /** The cache as it is now, serialized. */
  Optional<String> latest() {
    return Optional.ofNullable(latest);
  }
}
