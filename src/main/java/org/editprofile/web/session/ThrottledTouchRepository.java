package org.editprofile.web.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.editprofile.http.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Spring Session's repository, writing less. Left to itself, the filter moves a session's access
 * time on every request, and the Redis repository answers each move with three commands (an
 * existence check, the write of the time, the new expiry): a signed-in page that changes nothing
 * would cost one read and three commands more. Here the access time moves only when it is at least
 * {@link #interval} old, and a session in which nothing changed is not saved at all, so a steady
 * signed-in page costs the one read.
 *
 * <p>The price: a session expires between {@code idle timeout - interval} and {@code idle timeout}
 * after its last request, instead of exactly at the timeout. The interval is a minute at most and a
 * tenth of the idle timeout for short ones.
 *
 * <p>And a request reads its session once: see {@link #foundInThisRequest}. A session that cannot
 * be read back ({@link SessionValueSerializer} refuses a value) is deleted and reads as none.
 *
 * <p>Everything else goes to the engine unchanged: attributes, id changes, deletion, expiry.
 */
final class ThrottledTouchRepository
    implements SessionRepository<ThrottledTouchRepository.Touched> {

  private static final Logger LOG = LoggerFactory.getLogger(ThrottledTouchRepository.class);

  static final Duration LONGEST_INTERVAL = Duration.ofMinutes(1);

  private final SessionRepository<Session> engine;

  /**
   * The filter commits a session at most twice per request (when the response is committed, then
   * when the request ends) and looks the session up again after the first commit: the second look
   * is answered with the session this request already holds instead of a second read.
   */
  private final ThreadLocal<Touched> foundInThisRequest = new ThreadLocal<>();

  @SuppressWarnings("unchecked")
  ThrottledTouchRepository(SessionRepository<? extends Session> engine) {
    // The engine only ever gets back the sessions it made itself (see Touched#engine).
    this.engine = (SessionRepository<Session>) engine;
  }

  @Override
  public Touched createSession() {
    return new Touched(engine.createSession(), true);
  }

  @Override
  public void save(Touched session) {
    if (session.changed) {
      // A write goes out anyway: it carries the newest access time too.
      if (session.accessed != null) {
        session.engine.setLastAccessedTime(session.accessed);
      }
      engine.save(session.engine);
      session.changed = false;
    }
  }

  @Override
  public Touched findById(String id) {
    Touched known = foundInThisRequest.get();
    if (known != null && known.getId().equals(id)) {
      return known;
    }
    Session found;
    try {
      found = engine.findById(id);
    } catch (SerializationException unreadable) {
      // Refused by the allow-list, a class a deploy renamed, or garbage: no session, so the user
      // signs in again, and the value is not read on every later request until it expires.
      LOG.warn(
          "A session in the store could not be read and was ended: {}",
          LogSafe.rootCause(unreadable));
      engine.deleteById(id);
      found = null;
    }
    Touched touched = found == null ? null : new Touched(found, false);
    foundInThisRequest.set(touched);
    return touched;
  }

  @Override
  public void deleteById(String id) {
    foundInThisRequest.remove();
    engine.deleteById(id);
  }

  /** Called when a request ends, on its thread. */
  void requestEnded() {
    foundInThisRequest.remove();
  }

  /** How long an access time may lag behind for a session with this idle timeout. */
  static Duration interval(Duration idleTimeout) {
    Duration tenth = idleTimeout.dividedBy(10);
    return tenth.compareTo(LONGEST_INTERVAL) < 0 ? tenth : LONGEST_INTERVAL;
  }

  /** The engine's session, remembering whether this request changed anything worth writing. */
  static final class Touched implements Session {

    private final Session engine;
    private boolean changed;
    private Instant accessed;

    private Touched(Session engine, boolean isNew) {
      this.engine = engine;
      this.changed = isNew;
    }

    @Override
    public String getId() {
      return engine.getId();
    }

    @Override
    public String changeSessionId() {
      changed = true;
      return engine.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
      return engine.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return engine.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
      changed = true;
      engine.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      if (engine.getAttribute(name) != null) {
        changed = true;
        engine.removeAttribute(name);
      }
    }

    @Override
    public Instant getCreationTime() {
      return engine.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant time) {
      accessed = time;
      Instant written = engine.getLastAccessedTime();
      if (!time.isBefore(written.plus(interval(engine.getMaxInactiveInterval())))) {
        changed = true;
      }
    }

    @Override
    public Instant getLastAccessedTime() {
      return accessed == null ? engine.getLastAccessedTime() : accessed;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      if (!Objects.equals(interval, engine.getMaxInactiveInterval())) {
        changed = true;
        engine.setMaxInactiveInterval(interval);
      }
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return engine.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return engine.isExpired();
    }
  }
}
