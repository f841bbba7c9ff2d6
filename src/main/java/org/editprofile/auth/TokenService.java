package org.editprofile.auth;

import com.microsoft.aad.msal4j.ClaimsRequest;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import com.microsoft.aad.msal4j.SilentParameters;
import java.net.MalformedURLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.TokenCacheCipher;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.MsalCalls;
import org.editprofile.tenant.MsalCalls.Answer;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TokenOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silent token acquisition from the session's token cache: served from cache when it can be,
 * refreshed with the refresh token otherwise. Ask for one resource's scopes per call (Entra refuses
 * two resources in one request, AADSTS28000).
 */
public final class TokenService {

  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

  /** How a token response may name Microsoft Graph in front of a granted scope. */
  private static final List<String> GRAPH_RESOURCES =
      List.of("https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000/");

  private final MsalApps apps;
  private final TokenCacheCipher cipher;
  private final SilentTokenMemo memo;

  public TokenService(MsalApps apps, TokenCacheCipher cipher, Clock clock) {
    this.apps = apps;
    this.cipher = cipher;
    this.memo = new SilentTokenMemo(clock);
  }

  public TokenOutcome acquire(UserSession session, List<String> scopes) {
    return acquire(session, scopes, Optional.empty());
  }

  /**
   * @param claims a claims challenge from a resource (e.g. Graph's 401), which forces a refresh
   * @throws TenantException when the tenant cannot be reached or refuses the refresh
   */
  public TokenOutcome acquire(UserSession session, List<String> scopes, Optional<String> claims) {
    Optional<SignedInUser> user = session.user();
    Optional<String> cache = session.tokenCache();
    if (user.isEmpty() || cache.isEmpty()) {
      return new TokenOutcome.NeedsUser(Optional.empty());
    }
    String homeAccountId = user.get().homeAccountId();
    if (claims.isEmpty()) {
      // A claims challenge must reach the tenant; otherwise MSAL4J's answer for this very cache,
      // if this node has it, is what MSAL4J would answer again.
      Optional<String> remembered = memo.find(cache.get(), homeAccountId, scopes);
      if (remembered.isPresent()) {
        return new TokenOutcome.Acquired(remembered.get());
      }
    }
    SessionTokenCache hook = new SessionTokenCache(cache, cipher, session::saveTokenCache);
    ConfidentialClientApplication app = apps.newClient(hook);
    Optional<IAccount> account = MsalCalls.account(app, homeAccountId);
    if (account.isEmpty()) {
      return new TokenOutcome.NeedsUser(Optional.empty());
    }
    SilentParameters.SilentParametersBuilder params =
        SilentParameters.builder(new LinkedHashSet<>(scopes), account.get());
    if (claims.isPresent()) {
      params.claims(claimsRequest(claims.get()));
    }
    Answer<IAuthenticationResult> answer;
    try {
      answer = MsalCalls.await(app.acquireTokenSilently(params.build()), "getting a token");
    } catch (MalformedURLException e) {
      throw new TenantException("The authority is not a valid URL", e);
    }
    if (answer instanceof Answer.NeedsUser<IAuthenticationResult> needsUser) {
      LOG.info("Interaction required for {} ({})", scopes, needsUser.errorCode());
      return new TokenOutcome.NeedsUser(needsUser.claims());
    }
    if (answer instanceof Answer.Refused<IAuthenticationResult> refused) {
      throw refused.asTenantException("The sign-in service could not issue a token");
    }
    IAuthenticationResult result = ((Answer.Issued<IAuthenticationResult>) answer).result();
    Optional<String> latest = hook.latest();
    if (latest.isPresent()) {
      memo.remember(latest.get(), homeAccountId, scopes, result);
    }
    return new TokenOutcome.Acquired(result.accessToken());
  }

  /**
   * Remembers a sign-in's own access token for these scopes when the tenant granted them all:
   * MSAL4J's silent answer for them, from the cache the sign-in just wrote, would be that very
   * token, so the first Graph page after a sign-in needs no MSAL4J client and no cache parsing.
   *
   * @param sealedCache the cache exactly as the session now holds it
   */
  public void rememberSignIn(
      String sealedCache, String homeAccountId, List<String> scopes, IAuthenticationResult result) {
    if (result.accessToken() == null || result.scopes() == null) {
      return;
    }
    Set<String> granted = new HashSet<>();
    for (String scope : result.scopes().trim().split("\\s+")) {
      granted.add(withoutGraphPrefix(scope));
    }
    for (String scope : scopes) {
      if (!granted.contains(withoutGraphPrefix(scope))) {
        return;
      }
    }
    memo.remember(sealedCache, homeAccountId, scopes, result);
  }

  /** Graph's scopes are granted with or without their resource; other resources' keep theirs. */
  private static String withoutGraphPrefix(String scope) {
    String lower = scope.toLowerCase(Locale.ROOT);
    for (String graph : GRAPH_RESOURCES) {
      if (lower.startsWith(graph)) {
        return lower.substring(graph.length());
      }
    }
    return lower;
  }

  /**
   * Seals and opens an empty token cache, and asks MSAL4J, once at start-up, for a token of an
   * account its (empty) cache does not hold: the silent path's classes load and run before the
   * first customer's Graph page, and the answer is a cache miss that reaches no one.
   */
  public void warmUp() {
    SilentTokenMemo.warmUp();
    IAccount nobody =
        new WarmUpAccount(
            "00000000-0000-0000-0000-000000000000.00000000-0000-0000-0000-000000000000",
            "warm-up.invalid",
            "warm-up");
    try {
      // Every sign-in seals the session's token cache and every Graph page opens it (JWE).
      cipher.open(cipher.seal("{}"));
      ConfidentialClientApplication app =
          apps.newClient(new SessionTokenCache(Optional.empty(), cipher, changed -> {}));
      MsalCalls.account(app, nobody.homeAccountId());
      MsalCalls.await(
          app.acquireTokenSilently(SilentParameters.builder(Set.of("User.Read"), nobody).build()),
          "warming up");
    } catch (MalformedURLException | RuntimeException e) {
      // Only a head start: the first Graph page does the same work if this could not.
    }
  }

  /** An account no tenant has (home account ids are "object id.tenant id"). */
  private record WarmUpAccount(String homeAccountId, String environment, String username)
      implements IAccount {
    @Override
    public Map<String, ITenantProfile> getTenantProfiles() {
      return Map.of();
    }
  }

  private static ClaimsRequest claimsRequest(String claims) {
    try {
      return ClaimsRequest.formatAsClaimsRequest(claims);
    } catch (Exception e) {
      throw new TenantException("The claims challenge is not valid JSON", e);
    }
  }
}
