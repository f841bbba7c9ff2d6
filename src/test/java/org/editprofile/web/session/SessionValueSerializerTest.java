package org.editprofile.web.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.editprofile.i18n.Text;
import org.editprofile.session.MapPendingSignIns;
import org.editprofile.session.MapSessionStore;
import org.editprofile.session.ProfileDraft;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.StepUpAttempts;
import org.editprofile.session.UserSession;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

class SessionValueSerializerTest {

  private final RedisSerializer<Object> serializer = SessionValueSerializer.create();

  /** Every value a real session holds, stored through UserSession itself. */
  @Test
  void readWhenEachValueUserSessionStoresThenItComesBackEqual() {
    MapSessionStore store = new MapSessionStore();
    UserSession session = new UserSession(store, new MapPendingSignIns());
    TreeMap<String, String> claims =
        new TreeMap<>(Map.of("name", "Ada", "auth_time", "1700000000"));
    session.signIn(
        new SignedInUser("oid.tid", "oid", "ada@example.com", "Ada", claims),
        "eyJhbGciOiJkaXIi.sealed.cache",
        Instant.parse("2026-12-06T10:15:30.123456Z"));
    session.setStepUpAttempts(new StepUpAttempts(2, Instant.now()));
    session.keepDraft(
        ProfileDraft.of(
            Map.of("city", "Paris", "displayName", "<Ada>"),
            Map.of("city", "London"),
            Text.of("error.field", Text.of("field.city"), 3, "x")));
    session.setFlash(Text.of("profile.updated"));
    session.setCsrfToken("csrf-token");

    assertFalse(store.names().isEmpty());
    for (String name : store.names()) {
      Object value = store.get(name);
      assertEquals(value, serializer.deserialize(serializer.serialize(value)), name);
    }
    // Spring Session's own fields.
    for (Object own : List.<Object>of(1_700_000_000_000L, 1800)) {
      assertEquals(own, serializer.deserialize(serializer.serialize(own)));
    }
  }

  @Test
  void readWhenAUrlIsPlantedThenItIsRefused() throws Exception {
    assertRefused(javaSerialized(new URL("http://gadget.example/")));
    // The classic DNS gadget: a URL as a map key, hashed (looked up) while the map is read.
    HashMap<URL, String> map = new HashMap<>();
    map.put(new URL("http://gadget.example/"), "x");
    assertRefused(javaSerialized(map));
  }

  @Test
  void readWhenAProxyIsPlantedThenItIsRefused() throws Exception {
    Object proxy =
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Comparable.class},
            (InvocationHandler & Serializable) (self, method, args) -> 0);
    assertRefused(javaSerialized(proxy));
  }

  @Test
  void readWhenTwentyNestedSetsArePlantedThenTheyAreRefused() throws Exception {
    Set<Object> root = new HashSet<>();
    Set<Object> current = root;
    for (int i = 0; i < 20; i++) {
      Set<Object> inner = new HashSet<>();
      current.add(inner);
      current = inner;
    }
    assertRefused(javaSerialized(root));
    // Deep nesting of allowed types is refused too: the limit is on depth, not only on names.
    Map<String, Object> deep = new HashMap<>();
    Map<String, Object> at = deep;
    for (int i = 0; i < 20; i++) {
      Map<String, Object> inner = new HashMap<>();
      at.put("k", inner);
      at = inner;
    }
    assertRefused(javaSerialized(deep));
  }

  /** The point of the list: a refused class's own code never runs. */
  @Test
  void readWhenAClassWithAReadObjectSideEffectIsPlantedThenItsCodeNeverRuns() throws Exception {
    Gadget.RAN.set(false);
    byte[] planted = javaSerialized(new Gadget());
    // Plain deserialization runs it: the test would notice.
    try (ObjectInputStream plain =
        new ObjectInputStream(new java.io.ByteArrayInputStream(planted))) {
      plain.readObject();
    }
    assertEquals(true, Gadget.RAN.getAndSet(false));

    assertRefused(planted);
    assertFalse(Gadget.RAN.get(), "the planted class's readObject ran");
  }

  @Test
  void readWhenTheBytesAreGarbageThenItFailsAsUnreadable() {
    assertRefused("not a serialized value".getBytes());
    assertRefused(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73});
  }

  @Test
  void readWhenAnAllowedListIsTooLongThenItIsRefused() throws Exception {
    List<Object> longList = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      longList.add("x" + i);
    }
    assertRefused(javaSerialized(List.copyOf(longList)));
  }

  @Test
  void serializeThenTheBytesArePlainJavaSerialization() throws Exception {
    assertArrayEquals(javaSerialized("value"), serializer.serialize("value"));
  }

  private void assertRefused(byte[] planted) {
    assertThrows(SerializationException.class, () -> serializer.deserialize(planted));
  }

  private static byte[] javaSerialized(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  /** A class whose deserialization has a visible effect, as a gadget's would. */
  static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean RAN = new AtomicBoolean();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      RAN.set(true);
    }
  }
}
