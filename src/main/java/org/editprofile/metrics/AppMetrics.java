package org.editprofile.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The app's own meters, named once here so every counter an operator graphs has one definition:
 *
 * <ul>
 *   <li>{@code editprofile.signins} by {@code outcome}: signed_in, stepped_up, restarted, rejected;
 *   <li>{@code editprofile.stepups} by {@code event}: started, completed, capped;
 *   <li>{@code editprofile.tenant.token.calls} (timer) by {@code grant} and {@code outcome};
 *   <li>{@code editprofile.outbound.calls} (timer) by {@code target} (graph, service) and {@code
 *       status} (the HTTP status, or "unreachable");
 *   <li>{@code editprofile.account.changes} by {@code change}: password_changed, deleted, purged (a
 *       deleted account also removed from the tenant's deleted items);
 *   <li>{@code editprofile.sessions.active}.
 * </ul>
 *
 * Every tag takes values from a short fixed list, never from a request.
 */
public final class AppMetrics {

  private final MeterRegistry registry;

  private static final List<String> ACCOUNT_CHANGES =
      List.of("password_changed", "deleted", "purged");

  /**
   * The outbound timers by target, then status. Every Graph page records one; finding the timer
   * here costs a map look-up, where asking the registry again builds and hashes a meter id first.
   */
  private final Map<String, Map<String, Timer>> outbound = new ConcurrentHashMap<>();

  public AppMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Every series a normal day produces exists from the start, at zero: a dashboard's rate()
    // has a baseline, and the meter classes load before the first customer's sign-in.
    for (String outcome : List.of("signed_in", "stepped_up", "restarted", "rejected", "failed")) {
      signIns(outcome);
    }
    for (String event : List.of("started", "completed", "capped")) {
      stepUps(event);
    }
    for (String grant : List.of("authorization_code", "refresh_token", "on_behalf_of")) {
      tokenCalls(grant, "success");
    }
    tokenCalls("refresh_token", "invalid_grant");
    for (String change : ACCOUNT_CHANGES) {
      accountChanges(change);
    }
    outboundCalls("graph", "200");
    outboundCalls("graph", "204");
    outboundCalls("service", "204");
  }

  /** Meters that count but are never scraped: for tests and tools that build parts of the app. */
  public static AppMetrics unscraped() {
    return new AppMetrics(new SimpleMeterRegistry());
  }

  public void signIn(String outcome) {
    signIns(outcome).increment();
  }

  /**
   * @param change one of password_changed, deleted, purged
   */
  public void accountChange(String change) {
    if (!ACCOUNT_CHANGES.contains(change)) {
      throw new IllegalArgumentException(change);
    }
    accountChanges(change).increment();
  }

  private Counter accountChanges(String change) {
    return Counter.builder("editprofile.account.changes")
        .description("Changes customers made to their accounts, beyond profile fields")
        .tag("change", change)
        .register(registry);
  }

  public void stepUp(String event) {
    stepUps(event).increment();
  }

  public void tenantTokenCall(String grant, String outcome, long nanos) {
    tokenCalls(grant, outcome).record(nanos, TimeUnit.NANOSECONDS);
  }

  public void outboundCall(String target, String status, long nanos) {
    outbound
        .computeIfAbsent(target, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, s -> outboundCalls(target, s))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Counter signIns(String outcome) {
    return Counter.builder("editprofile.signins")
        .description("Authorization responses handled at the callback")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter stepUps(String event) {
    return Counter.builder("editprofile.stepups")
        .description("MFA step-ups: sent to the tenant, completed, stopped by the cap")
        .tag("event", event)
        .register(registry);
  }

  private Timer tokenCalls(String grant, String outcome) {
    return timer(
        "editprofile.tenant.token.calls",
        "Calls to the tenant's token endpoint",
        Tags.of("grant", grant, "outcome", outcome));
  }

  private Timer outboundCalls(String target, String status) {
    return timer(
        "editprofile.outbound.calls",
        "Calls to Microsoft Graph and to the edit profile service",
        Tags.of("target", target, "status", status));
  }

  private Timer timer(String name, String description, Tags tags) {
    return Timer.builder(name).description(description).tags(tags).register(registry);
  }

  /** Registers the gauge of sessions alive on this node. */
  public void activeSessions(Supplier<Number> count) {
    Gauge.builder("editprofile.sessions.active", count)
        .description("HTTP sessions alive on this node")
        .strongReference(true)
        .register(registry);
  }
}
