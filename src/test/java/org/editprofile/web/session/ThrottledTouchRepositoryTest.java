package org.editprofile.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

class ThrottledTouchRepositoryTest {

  private static final Duration IDLE = Duration.ofMinutes(30);

  /** The ids of the sessions the engine was asked to save, in order. */
  private final List<String> saves = new ArrayList<>();

  /** Spring Session's in-memory repository, behind a layer that writes each save down. */
  private MapSessionRepository engine;

  private ThrottledTouchRepository repository;
  private Instant now;

  @BeforeEach
  void setUp() {
    engine = new MapSessionRepository(new ConcurrentHashMap<>());
    engine.setDefaultMaxInactiveInterval(IDLE);
    SessionRepository<MapSession> counting =
        new SessionRepository<>() {
          @Override
          public MapSession createSession() {
            return engine.createSession();
          }

          @Override
          public void save(MapSession session) {
            saves.add(session.getId());
            engine.save(session);
          }

          @Override
          public MapSession findById(String id) {
            return engine.findById(id);
          }

          @Override
          public void deleteById(String id) {
            engine.deleteById(id);
          }
        };
    repository = new ThrottledTouchRepository(counting);
    now = Instant.now();
  }

  /** What the filter does at the start of a request, then at the redirect and at the end. */
  private ThrottledTouchRepository.Touched request(String id, Duration later) {
    ThrottledTouchRepository.Touched session = repository.findById(id);
    session.setLastAccessedTime(now.plus(later));
    return session;
  }

  private void commitTwice(ThrottledTouchRepository.Touched session) {
    repository.save(session);
    repository.save(session);
  }

  private String newSession() {
    ThrottledTouchRepository.Touched created = repository.createSession();
    created.setLastAccessedTime(now);
    created.setAttribute("user", "ada");
    repository.save(created);
    saves.clear();
    return created.getId();
  }

  @Test
  void aNewSessionIsSaved() {
    ThrottledTouchRepository.Touched created = repository.createSession();
    repository.save(created);
    assertEquals(List.of(created.getId()), saves);
  }

  @Test
  void requestsThatChangeNothingWithinTheIntervalWriteNothing() {
    String id = newSession();
    for (int second = 1; second < 60; second += 10) {
      ThrottledTouchRepository.Touched session = request(id, Duration.ofSeconds(second));
      assertEquals("ada", session.getAttribute("user"));
      session.removeAttribute("never-set");
      session.setMaxInactiveInterval(IDLE);
      commitTwice(session);
    }
    assertEquals(List.of(), saves);
    assertEquals(now, engine.findById(id).getLastAccessedTime(), "the stored time stays");
  }

  @Test
  void theAccessTimeIsWrittenOnceItIsAnIntervalOld() {
    String id = newSession();
    commitTwice(request(id, Duration.ofSeconds(60)));
    assertEquals(List.of(id), saves);
    assertEquals(now.plusSeconds(60), engine.findById(id).getLastAccessedTime());
  }

  @Test
  void aChangeIsWrittenOnceWithTheNewestAccessTime() {
    String id = newSession();
    ThrottledTouchRepository.Touched session = request(id, Duration.ofSeconds(5));
    session.setAttribute("flash", "saved");
    commitTwice(session);
    assertEquals(List.of(id), saves);
    Session stored = engine.findById(id);
    assertEquals("saved", stored.getAttribute("flash"));
    assertEquals(now.plusSeconds(5), stored.getLastAccessedTime());
  }

  @Test
  void removalsIdChangesAndNewTimeoutsAreChanges() {
    String id = newSession();
    ThrottledTouchRepository.Touched removed = request(id, Duration.ofSeconds(1));
    removed.removeAttribute("user");
    commitTwice(removed);
    assertNull(engine.findById(id).getAttribute("user"));

    ThrottledTouchRepository.Touched renamed = request(id, Duration.ofSeconds(2));
    String newId = renamed.changeSessionId();
    commitTwice(renamed);

    ThrottledTouchRepository.Touched shortLived = request(newId, Duration.ofSeconds(3));
    shortLived.setMaxInactiveInterval(Duration.ofMinutes(11));
    commitTwice(shortLived);
    assertEquals(Duration.ofMinutes(11), engine.findById(newId).getMaxInactiveInterval());
    assertEquals(3, saves.size(), saves.toString());
  }

  @Test
  void deletionGoesToTheEngine() {
    String id = newSession();
    repository.deleteById(id);
    assertNull(repository.findById(id));
  }

  @Test
  void theIntervalIsAMinuteAtMostAndATenthOfAShortTimeout() {
    assertEquals(Duration.ofMinutes(1), ThrottledTouchRepository.interval(IDLE));
    assertEquals(Duration.ofSeconds(30), ThrottledTouchRepository.interval(Duration.ofMinutes(5)));
  }
}
