package org.editprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StartUpWarmUpTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(StartUpWarmUp.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void capture() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
  }

  @Test
  void runsEveryStepInOrderEvenAfterOneFails() {
    List<String> ran = new ArrayList<>();
    StartUpWarmUp warmUp = new StartUpWarmUp();
    warmUp.add("first", () -> ran.add("first"));
    warmUp.add(
        "keys",
        () -> {
          ran.add("keys");
          throw new IllegalStateException("tenant\nnot reachable");
        });
    warmUp.add("last", () -> ran.add("last"));

    warmUp.run();

    assertEquals(List.of("first", "keys", "last"), ran);
    ILoggingEvent warning = only(Level.WARN);
    assertTrue(warning.getFormattedMessage().contains("'keys'"), warning.getFormattedMessage());
    assertTrue(
        warning.getFormattedMessage().contains("IllegalStateException: tenant_not reachable"),
        "the cause, on one line: " + warning.getFormattedMessage());
    String summary = only(Level.INFO).getFormattedMessage();
    assertTrue(
        summary.matches("Warmed up in \\d+ ms \\(first \\d+ ms, keys failed, last \\d+ ms\\)"),
        summary);
  }

  @Test
  void runsItsStepsOnce() {
    List<String> ran = new ArrayList<>();
    StartUpWarmUp warmUp = new StartUpWarmUp();
    warmUp.add("once", () -> ran.add("once"));

    warmUp.run();
    warmUp.run();

    assertEquals(List.of("once"), ran);
    assertEquals(1, logs.list.size(), "one summary, none for the empty second run");
  }

  private ILoggingEvent only(Level level) {
    List<ILoggingEvent> events = logs.list.stream().filter(e -> e.getLevel() == level).toList();
    assertEquals(1, events.size(), level + " events: " + events);
    return events.get(0);
  }
}
