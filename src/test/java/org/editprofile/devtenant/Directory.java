package org.editprofile.devtenant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant's customers and their Graph user properties. Changes persist for the life of the dev
 * tenant. PATCH follows Graph: only updatable properties, Graph's limits, all-or-nothing.
 */
public final class Directory {

  /** Graph's updatable properties for PATCH /me with their maximum lengths. */
  public static final Map<String, Integer> UPDATABLE =
      Map.ofEntries(
          Map.entry("displayName", 256),
          Map.entry("givenName", 64),
          Map.entry("surname", 64),
          Map.entry("jobTitle", 128),
          Map.entry("city", 128),
          Map.entry("state", 128),
          Map.entry("country", 128),
          Map.entry("postalCode", 40),
          Map.entry("streetAddress", 1024),
          Map.entry("preferredLanguage", 35));

  static final List<String> READ_ONLY =
      List.of(
          "id",
          "mail",
          "userPrincipalName",
          "identities",
          "accountEnabled",
          "createdDateTime",
          "passwordProfile",
          "otherMails");

  /** One customer. Properties are guarded by the user's own lock. */
  public static final class User {
    final String oid = UUID.randomUUID().toString();
    final String email;
    final Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String password;
    private Instant passwordChangedAt = createdAt;
    final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    User(String email, String password, String displayName) {
      this.email = email;
      this.password = password;
      properties.put("displayName", displayName);
    }

    /**
     * Sets a custom attribute (Graph's extension property), as a sign-up page collecting it does.
     */
    public synchronized void setExtension(String graphName, Object value) {
      extensions.put(graphName, value);
    }

    public synchronized Map<String, Object> extensions() {
      return new LinkedHashMap<>(extensions);
    }

    /** Graph's {@code createdDateTime}. */
    public Instant createdAt() {
      return createdAt;
    }

    /** Graph's {@code lastPasswordChangeDateTime}: the sign-up, then each change. */
    public synchronized Instant passwordChangedAt() {
      return passwordChangedAt;
    }

    synchronized boolean hasPassword(String candidate) {
      return password.equals(candidate);
    }

    synchronized void setPassword(String newPassword) {
      password = newPassword;
      passwordChangedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public String oid() {
      return oid;
    }

    public String email() {
      return email;
    }

    public synchronized Map<String, String> snapshot() {
      return new LinkedHashMap<>(properties);
    }

    public synchronized String displayName() {
      return properties.get("displayName");
    }
  }

  /** A Graph-shaped 400 (code, message, target). */
  public record GraphError(String code, String message, String target) {}

  private final Map<String, User> byEmail = new ConcurrentHashMap<>();
  private final Map<String, User> byOid = new ConcurrentHashMap<>();

  /** Deleted users, restorable for 30 days in Entra (Graph's directory/deletedItems). */
  private final Map<String, User> deleted = new ConcurrentHashMap<>();

  public User add(String email, String password, String displayName) {
    User user = new User(email, password, displayName);
    if (byEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), user) != null) {
      throw new IllegalArgumentException("exists");
    }
    byOid.put(user.oid, user);
    return user;
  }

  public Optional<User> byEmail(String email) {
    return Optional.ofNullable(email == null ? null : byEmail.get(email.toLowerCase(Locale.ROOT)));
  }

  public Optional<User> byOid(String oid) {
    return Optional.ofNullable(oid == null ? null : byOid.get(oid));
  }

  /** Deletes a user: gone from sign-in and Graph, kept among the deleted items. */
  public Optional<User> delete(String oid) {
    User user = byOid.remove(oid);
    if (user != null) {
      byEmail.remove(user.email.toLowerCase(Locale.ROOT), user);
      deleted.put(oid, user);
    }
    return Optional.ofNullable(user);
  }

  public Optional<User> deletedItem(String oid) {
    return Optional.ofNullable(deleted.get(oid));
  }

  /** Removes a deleted user for good (Graph's DELETE directory/deletedItems/{id}). */
  public boolean purge(String oid) {
    return deleted.remove(oid) != null;
  }

  public Optional<User> authenticate(String email, String password) {
    return byEmail(email).filter(u -> u.hasPassword(password));
  }

  /**
   * Graph's changePassword: the current password must be the account's, and the new one within
   * Entra's policy for local accounts (8 to 256 characters, 3 of the 4 kinds of character).
   */
  public Optional<GraphError> changePassword(User user, String current, String proposed) {
    if (!user.hasPassword(current)) {
      return Optional.of(
          new GraphError("Request_BadRequest", "Invalid currentPassword.", "currentPassword"));
    }
    if (!meetsPolicy(proposed)) {
      return Optional.of(
          new GraphError(
              "Request_BadRequest",
              "The specified password does not comply with password complexity requirements."
                  + " Please provide a different password.",
              "newPassword"));
    }
    user.setPassword(proposed);
    return Optional.empty();
  }

  static boolean meetsPolicy(String password) {
    if (password.length() < 8 || password.length() > 256) {
      return false;
    }
    int kinds =
        (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
            + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
            + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
            + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
    return kinds >= 3;
  }

  /** Validates every property first, then applies them together. */
  public Optional<GraphError> patch(User user, Map<String, Object> changes) {
    for (Map.Entry<String, Object> change : changes.entrySet()) {
      String name = change.getKey();
      if (READ_ONLY.contains(name)) {
        return Optional.of(
            new GraphError(
                "Request_BadRequest",
                "Property '" + name + "' is read-only and cannot be set.",
                name));
      }
      Integer max = UPDATABLE.get(name);
      if (max == null) {
        return Optional.of(
            new GraphError(
                "Request_BadRequest",
                "Property '" + name + "' does not exist on type 'microsoft.graph.user'.",
                name));
      }
      Object value = change.getValue();
      if (value != null && !(value instanceof String)) {
        return Optional.of(
            new GraphError(
                "Request_BadRequest",
                "Invalid value specified for property '" + name + "' of resource 'User'.",
                name));
      }
      String text = (String) value;
      if ((text == null || text.isBlank()) && name.equals("displayName")) {
        return Optional.of(
            new GraphError(
                "Request_BadRequest",
                "Invalid value specified for property 'displayName' of resource 'User'.",
                name));
      }
      if (text != null && text.length() > max) {
        return Optional.of(
            new GraphError(
                "Request_BadRequest",
                "Invalid value specified for property '" + name + "' of resource 'User'.",
                name));
      }
    }
    synchronized (user) {
      changes.forEach((k, v) -> user.properties.put(k, (String) v));
    }
    return Optional.empty();
  }
}
