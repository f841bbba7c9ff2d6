package org.editprofile.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 *   <li>{@code editprofile.sessions.active}.
 * </ul>
 *
 * Every tag takes values from a short fixed list, never from a request.
 */
public final class AppMetrics {

  private final MeterRegistry registry;

  public AppMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters that count but are never scraped: for tests and tools that build parts of the app. */
  public static AppMetrics unscraped() {
    return new AppMetrics(new SimpleMeterRegistry());
  }

  public void signIn(String outcome) {
    Counter.builder("editprofile.signins")
        .description("Authorization responses handled at the callback")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void stepUp(String event) {
    Counter.builder("editprofile.stepups")
        .description("MFA step-ups: sent to the tenant, completed, stopped by the cap")
        .tag("event", event)
        .register(registry)
        .increment();
  }

  public void tenantTokenCall(String grant, String outcome, long nanos) {
    Timer.builder("editprofile.tenant.token.calls")
        .description("Calls to the tenant's token endpoint")
        .tag("grant", grant)
        .tag("outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  public void outboundCall(String target, String status, long nanos) {
    Timer.builder("editprofile.outbound.calls")
        .description("Calls to Microsoft Graph and to the edit profile service")
        .tag("target", target)
        .tag("status", status)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Registers the gauge of sessions alive on this node. */
  public void activeSessions(Supplier<Number> count) {
    Gauge.builder("editprofile.sessions.active", count)
        .description("HTTP sessions alive on this node")
        .strongReference(true)
        .register(registry);
  }
}
