package org.editprofile.web.session;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the HTTP sessions alive on this node, for the active-sessions gauge. Sessions a container
 * restores from disk after a restart were created before this count began, so it never goes below
 * zero when they end.
 */
public final class ActiveSessions implements HttpSessionListener {

  private final AtomicLong alive = new AtomicLong();

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    alive.incrementAndGet();
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    alive.getAndUpdate(n -> Math.max(0, n - 1));
  }

  public long count() {
    return alive.get();
  }
}
