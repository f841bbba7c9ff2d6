package org.editprofile.devtenant.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Where the dev tenant "delivers" one-time codes: a list anyone on this machine can read. */
public final class Mailbox {

  record Message(String to, String code, Instant sentAt) {}

  private final List<Message> messages = new CopyOnWriteArrayList<>();

  void deliver(String to, String code) {
    messages.add(new Message(to.toLowerCase(Locale.ROOT), code, Instant.now()));
    if (messages.size() > 1000) {
      messages.remove(0);
    }
  }

  public Optional<String> latestCode(String to) {
    String key = to.toLowerCase(Locale.ROOT);
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).to().equals(key)) {
        return Optional.of(messages.get(i).code());
      }
    }
    return Optional.empty();
  }

  List<Message> recent() {
    List<Message> copy = new ArrayList<>(messages);
    return copy.subList(Math.max(0, copy.size() - 50), copy.size());
  }
}
