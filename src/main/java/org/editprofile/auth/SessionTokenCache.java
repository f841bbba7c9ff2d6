package org.editprofile.auth;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.util.Optional;
import java.util.function.Consumer;
import org.editprofile.session.TokenCacheCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MSAL4J's cache hook for one request: opens the session's sealed cache on first access and hands
 * it back, sealed again, only when MSAL4J changed it (a new or refreshed token), so an ordinary
 * request neither serializes nor seals the cache, nor rewrites the session attribute. A cache that
 * cannot be opened (sealed under a key no longer configured, or changed) is an empty one: MSAL4J
 * finds no account and the user signs in again.
 */
final class SessionTokenCache implements ITokenCacheAccessAspect {

  private static final Logger LOG = LoggerFactory.getLogger(SessionTokenCache.class);

  private final Optional<String> sealed;
  private final TokenCacheCipher cipher;
  private final Consumer<String> onChange;
  private boolean loaded;
  private String latest;

  /**
   * @param sealed the session's cache as {@link TokenCacheCipher} sealed it
   * @param onChange given the new cache, sealed, when MSAL4J changed it
   */
  SessionTokenCache(Optional<String> sealed, TokenCacheCipher cipher, Consumer<String> onChange) {
    this.sealed = sealed;
    this.cipher = cipher;
    this.onChange = onChange;
    this.latest = sealed.orElse(null);
  }

  @Override
  public void beforeCacheAccess(ITokenCacheAccessContext context) {
    if (loaded) {
      return;
    }
    loaded = true;
    if (sealed.isEmpty()) {
      return;
    }
    Optional<String> cache = cipher.open(sealed.get());
    if (cache.isPresent()) {
      context.tokenCache().deserialize(cache.get());
    } else {
      LOG.warn(
          "The session's token cache could not be opened (sealed under another key, or changed);"
              + " the user signs in again");
      latest = null;
    }
  }

  @Override
  public void afterCacheAccess(ITokenCacheAccessContext context) {
    if (context.hasCacheChanged()) {
      latest = cipher.seal(context.tokenCache().serialize());
      onChange.accept(latest);
    }
  }

  /** The cache as it is now, sealed; empty when there is none (or it could not be opened). */
  Optional<String> latest() {
    return Optional.ofNullable(latest);
  }
}
