package org.editprofile.session;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.util.Base64URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the MSAL token cache (refresh tokens) before it is put in the session, so it never leaves
 * the JVM in clear: not in a session store, not in a container's own session persistence. The same
 * keys seal what the browser keeps for the server (a pending sign-in's cookie), each kind marked
 * with its own content type. AES-256 GCM as a compact JWE ({@code dir}, {@code A256GCM}, Nimbus),
 * its header naming the key by id. The first key seals; every key opens, so keys rotate without
 * signing anyone out: add the new key first, keep the old one until the sessions it sealed have
 * ended, then remove it.
 */
public final class TokenCacheCipher {

  public static final int KEY_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DirectEncrypter encrypter;
  private final String sealingKeyId;
  private final Map<String, DirectDecrypter> openers = new LinkedHashMap<>();
  private final boolean ephemeral;

  private TokenCacheCipher(List<byte[]> keys, boolean ephemeral) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one key is needed");
    }
    this.ephemeral = ephemeral;
    try {
      for (byte[] key : keys) {
        if (key.length != KEY_BYTES) {
          throw new IllegalArgumentException("a key must be " + KEY_BYTES + " bytes");
        }
        openers.putIfAbsent(keyId(key), new DirectDecrypter(aes(key)));
      }
      this.encrypter = new DirectEncrypter(aes(keys.get(0)));
      this.sealingKeyId = keyId(keys.get(0));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("not a usable AES-256 key", e);
    }
  }

  /** Keys from settings, the sealing key first. */
  public static TokenCacheCipher withKeys(List<byte[]> keys) {
    return new TokenCacheCipher(List.copyOf(keys), false);
  }

  /**
   * A random key known to this JVM only, for a node without configured keys: what the container
   * persists is still sealed, and after a restart it reads as "sign in again".
   */
  public static TokenCacheCipher ephemeral() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return new TokenCacheCipher(List.of(key), true);
  }

  /** Whether the key is this JVM's own (no keys were configured). */
  public boolean isEphemeral() {
    return ephemeral;
  }

  /** The serialized cache, sealed under the first key. */
  public String seal(String cache) {
    return seal(null, cache);
  }

  /**
   * Anything else sealed under the same keys, marked with its content type ({@code cty}), so one
   * kind of sealed value is never taken for another.
   */
  public String seal(String contentType, String payload) {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(sealingKeyId)
                .contentType(contentType)
                .build(),
            new Payload(payload));
    try {
      jwe.encrypt(encrypter);
    } catch (JOSEException e) {
      throw new IllegalStateException("The token cache could not be sealed", e);
    }
    return jwe.serialize();
  }

  /**
   * The serialized cache, or empty when the value was not sealed by any of the keys, was changed,
   * or is not a sealed cache at all: the user then signs in again.
   */
  public Optional<String> open(String sealed) {
    return open(null, sealed);
  }

  /** What {@link #seal(String, String)} sealed with this content type, else empty. */
  public Optional<String> open(String contentType, String sealed) {
    try {
      JWEObject jwe = JWEObject.parse(sealed);
      if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
          || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())
          || !Objects.equals(contentType, jwe.getHeader().getContentType())) {
        return Optional.empty();
      }
      List<DirectDecrypter> candidates = new ArrayList<>();
      String keyId = jwe.getHeader().getKeyID();
      if (keyId != null && openers.containsKey(keyId)) {
        candidates.add(openers.get(keyId));
      } else {
        candidates.addAll(openers.values());
      }
      for (DirectDecrypter opener : candidates) {
        try {
          JWEObject attempt = JWEObject.parse(sealed);
          attempt.decrypt(opener);
          return Optional.of(attempt.getPayload().toString());
        } catch (JOSEException wrongKeyOrTampered) {
          // The next key, if any.
        }
      }
      return Optional.empty();
    } catch (ParseException | IllegalStateException notSealed) {
      return Optional.empty();
    }
  }

  private static SecretKey aes(byte[] key) {
    return new SecretKeySpec(Arrays.copyOf(key, key.length), "AES");
  }

  /** A short, one-way name for a key (its SHA-256, first 8 bytes): names it, tells nothing. */
  private static String keyId(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return Base64URL.encode(Arrays.copyOf(digest, 8)).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
