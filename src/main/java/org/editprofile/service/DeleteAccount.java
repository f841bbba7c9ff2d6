package org.editprofile.service;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.editprofile.config.AppOnlyAccess.AccountDeletion;
import org.editprofile.graph.GraphClient;
import org.editprofile.graph.GraphException;
import org.editprofile.http.Problem;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.tenant.TenantException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/deleteAccount}: deletes the account of the user whose validated token the
 * service received, with the service's app-only Graph token ({@code DELETE /users/{oid}}, then
 * {@code DELETE /directory/deletedItems/{oid}} when the settings say purge). The token must show a
 * sign-in of the last five minutes in {@code auth_time}; an older one is answered as RFC 9470's
 * step up challenge ({@code insufficient_user_authentication} with {@code max_age}), which the web
 * app meets with {@code prompt=login}. The request carries no body: nothing in it could name
 * another account.
 */
public final class DeleteAccount {

  private static final Logger LOG = LoggerFactory.getLogger(DeleteAccount.class);

  /** How recent the sign-in must be. */
  public static final Duration MAX_AGE = Duration.ofMinutes(5);

  /** A token issued a moment before the tenant's clock: the same skew the validator allows. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(120);

  private final Callers callers;
  private final AppOnlyGraphToken appOnlyGraph;
  private final GraphClient graph;
  private final AccountDeletion deletion;
  private final AppMetrics metrics;
  private final Clock clock;
  private final Duration purgeRetryWait;
  private volatile boolean toldAboutAuthTime;

  public DeleteAccount(
      BearerTokenValidator bearerTokens,
      AppOnlyGraphToken appOnlyGraph,
      GraphClient graph,
      AccountDeletion deletion,
      AppMetrics metrics,
      Clock clock) {
    this(bearerTokens, appOnlyGraph, graph, deletion, metrics, clock, Duration.ofSeconds(1));
  }

  /**
   * @param purgeRetryWait how long before the first purge retry (twice that before the second)
   */
  DeleteAccount(
      BearerTokenValidator bearerTokens,
      AppOnlyGraphToken appOnlyGraph,
      GraphClient graph,
      AccountDeletion deletion,
      AppMetrics metrics,
      Clock clock,
      Duration purgeRetryWait) {
    this.purgeRetryWait = purgeRetryWait;
    if (deletion == AccountDeletion.OFF) {
      throw new IllegalArgumentException("account deletion is off");
    }
    this.callers = new Callers(bearerTokens);
    this.appOnlyGraph = appOnlyGraph;
    this.graph = graph;
    this.deletion = deletion;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** 204 once the account is deleted, or a problem; the account is then untouched. */
  public Optional<Problem> handle(String authorization) {
    Callers.Result who = callers.check(authorization);
    if (who instanceof Callers.Result.Refused refused) {
      return Optional.of(refused.problem());
    }
    Callers.Result.Caller caller = (Callers.Result.Caller) who;
    Optional<Problem> stale = staleSignIn(caller.claims());
    if (stale.isPresent()) {
      return stale;
    }
    String appToken;
    try {
      appToken = appOnlyGraph.acquire();
    } catch (TenantException e) {
      return Optional.of(AppOnlyFailures.tenant(e, "an account deletion"));
    }
    try {
      if (!graph.deleteUser(appToken, caller.userId())) {
        LOG.info("Account deletion asked for an account that no longer exists");
        return Optional.of(AppOnlyFailures.accountGone());
      }
    } catch (GraphException e) {
      return Optional.of(refused(e));
    }
    metrics.accountChange("deleted");
    if (deletion == AccountDeletion.PURGE) {
      purge(appToken, caller.userId());
    } else {
      LOG.info("Account deleted: restorable from the tenant's deleted items for 30 days");
    }
    return Optional.empty();
  }

  /**
   * The account is deleted whatever happens here: it can no longer sign in. A purge that fails
   * leaves it restorable for Entra's 30 days, so the operator is told, with its object id (the one
   * thing needed to purge it by hand).
   */
  private void purge(String appToken, UUID userId) {
    String failure;
    try {
      if (purgeOnceThere(appToken, userId)) {
        metrics.accountChange("purged");
        LOG.info("Account deleted and purged from the tenant's deleted items");
        return;
      }
      failure = "not in the deleted items yet";
    } catch (GraphException | TenantException e) {
      failure = e.getMessage();
    }
    LOG.error(
        "Account {} deleted, but purging it from the deleted items failed ({}): purge it with"
            + " DELETE /directory/deletedItems/{}",
        userId,
        failure,
        userId);
  }

  /**
   * The directory may take a moment to list a user it just deleted among its deleted items (its
   * writes replicate): a purge that finds nothing is tried again, twice, a little later.
   */
  private boolean purgeOnceThere(String appToken, UUID userId) {
    for (int attempt = 0; ; attempt++) {
      if (graph.purgeDeletedUser(appToken, userId)) {
        return true;
      }
      if (attempt == 2) {
        return false;
      }
      try {
        Thread.sleep(purgeRetryWait.multipliedBy(attempt + 1L).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** RFC 9470's challenge when the token's sign-in is older than {@link #MAX_AGE}, or unknown. */
  private Optional<Problem> staleSignIn(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Optional<Instant> authTime = authTime(claims);
    if (authTime.isEmpty() && !toldAboutAuthTime) {
      toldAboutAuthTime = true;
      LOG.warn(
          "Access tokens for the service carry no auth_time: add it as an optional claim of the"
              + " service's access tokens, or no account can be deleted");
    }
    if (authTime.isPresent()
        && !authTime.get().isBefore(now.minus(MAX_AGE))
        && !authTime.get().isAfter(now.plus(CLOCK_SKEW))) {
      return Optional.empty();
    }
    String description = "A sign-in within the last " + MAX_AGE.toMinutes() + " minutes is needed.";
    return Optional.of(
        new Problem(
            401,
            "Unauthorized",
            description,
            Map.of("maxAge", MAX_AGE.toSeconds()),
            Map.of(
                "WWW-Authenticate",
                Callers.REALM
                    + ", error=\"insufficient_user_authentication\", error_description=\""
                    + description
                    + "\", max_age="
                    + MAX_AGE.toSeconds())));
  }

  private static Optional<Instant> authTime(JWTClaimsSet claims) {
    try {
      Date date = claims.getDateClaim("auth_time");
      return Optional.ofNullable(date).map(Date::toInstant);
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  /** Graph refused or failed: nothing was deleted. */
  private static Problem refused(GraphException e) {
    LOG.warn("Graph DELETE /users/{{id}} failed: {}", e.reason());
    if (e.reason() == Reason.FORBIDDEN) {
      return AppOnlyFailures.permissionMissing("DELETE /users/{id}");
    }
    if (e.reason() == Reason.THROTTLED) {
      return Problem.tooManyRequests("Microsoft Graph is throttling; retry later.", e.retryAfter());
    }
    return new Problem(502, "Bad gateway", "Microsoft Graph could not be reached.");
  }
}
