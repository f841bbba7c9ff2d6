package org.editprofile.web.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.List;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * How session values are written to and read back from the shared store: Java serialization, read
 * through a closed allow-list (JEP 290). Whoever can write to Redis could otherwise plant a gadget
 * chain built from any class the WAR holds and run code on every node. Only the app's own session
 * types and the JDK types they are made of are read, with bounded depth, references, array length
 * and size, and never a proxy; anything else fails before an object of it exists.
 *
 * <p>Why not a JSON codec: Spring Session writes its own fields (times as {@code Long}) through the
 * same serializer, and the values are a handful of records whose classes the allow-list names
 * exactly; a closed list over Java serialization keeps one format for both with nothing to map by
 * hand. A value the list refuses (or a class a deploy renamed, or garbage) surfaces as a {@link
 * SerializationException}, which {@link ThrottledTouchRepository} turns into "no session".
 */
final class SessionValueSerializer {

  /**
   * Exactly what {@link org.editprofile.session.UserSession} stores, what those values are made of,
   * and Spring Session's own fields. {@code java.time.Ser} and {@code java.util.CollSer} are the
   * JDK's serial forms of {@code Instant} and of {@code List.of(...)} (whose lists are checked
   * again once read); a map checks its table as an array of {@code Map$Entry}, and {@code
   * List.of}'s form reads an {@code Object} array.
   */
  static final List<String> ALLOWED =
      List.of(
          "org.editprofile.session.SignedInUser",
          "org.editprofile.session.StepUpAttempts",
          "org.editprofile.session.ProfileDraft",
          "org.editprofile.i18n.Text",
          "java.lang.String",
          "java.lang.Number",
          "java.lang.Long",
          "java.lang.Integer",
          "java.lang.Boolean",
          "java.time.Instant",
          "java.time.Ser",
          "java.util.TreeMap",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.CollSer",
          "java.util.ImmutableCollections$List12",
          "java.util.ImmutableCollections$ListN",
          "java.util.Map$Entry",
          "java.lang.Object");

  /**
   * The largest value is the sealed token cache (a few kilobytes); the deepest is a draft's notice
   * with a field's label inside it.
   */
  static final ObjectInputFilter FILTER =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=8;maxrefs=4096;maxarray=256;maxbytes=1048576;"
              + String.join(";", ALLOWED)
              + ";!*");

  private SessionValueSerializer() {}

  /** The serializer for session values, reading with the app's class loader. */
  static RedisSerializer<Object> create() {
    ClassLoader classes = SessionValueSerializer.class.getClassLoader();
    Deserializer<Object> filtered = input -> read(input, classes);
    return new JdkSerializationRedisSerializer(
        new SerializingConverter(), new DeserializingConverter(filtered));
  }

  /** Reads one value through {@link #FILTER}; refused or unreadable input throws. */
  static Object read(byte[] bytes) {
    try {
      return read(new ByteArrayInputStream(bytes), SessionValueSerializer.class.getClassLoader());
    } catch (IOException e) {
      throw new SerializationException("a session value could not be read", e);
    }
  }

  private static Object read(InputStream input, ClassLoader classes) throws IOException {
    try (ObjectInputStream in = new WithoutProxies(input, classes)) {
      in.setObjectInputFilter(FILTER);
      return in.readObject();
    } catch (ClassNotFoundException e) {
      throw new InvalidClassException(e.getMessage());
    }
  }

  /** No session value is a proxy, so a serialized proxy is refused whatever its interfaces. */
  private static final class WithoutProxies extends ConfigurableObjectInputStream {
    WithoutProxies(InputStream in, ClassLoader classes) throws IOException {
      super(in, classes);
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws InvalidClassException {
      throw new InvalidClassException("a proxy is not a session value");
    }
  }
}
