package org.editprofile.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWEObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCacheCipherTest {

  private static final String CACHE =
      "{\"RefreshToken\":{\"k\":{\"secret\":\"refresh-token-value-0123456789\"}}}";

  private final byte[] oldKey = key();
  private final byte[] newKey = key();

  @Test
  void sealWhenOpenedWithTheSameKeyThenTheCacheAndNothingOfItInClear() throws Exception {
    TokenCacheCipher cipher = TokenCacheCipher.withKeys(List.of(newKey));
    String sealed = cipher.seal(CACHE);
    assertFalse(sealed.contains("refresh-token-value"));
    assertFalse(
        new String(Base64.getUrlDecoder().decode(sealed.split("\\.")[3])).contains("refresh"));
    JWEObject jwe = JWEObject.parse(sealed);
    assertEquals("dir", jwe.getHeader().getAlgorithm().getName());
    assertEquals("A256GCM", jwe.getHeader().getEncryptionMethod().getName());
    assertEquals(Optional.of(CACHE), cipher.open(sealed));
    assertNotEquals(sealed, cipher.seal(CACHE), "a fresh IV every time");
  }

  @Test
  void openWhenKeysRotatedThenTheOldKeyStillOpensAndTheNewOneSeals() throws Exception {
    String underOld = TokenCacheCipher.withKeys(List.of(oldKey)).seal(CACHE);
    TokenCacheCipher rotated = TokenCacheCipher.withKeys(List.of(newKey, oldKey));
    assertEquals(Optional.of(CACHE), rotated.open(underOld));
    String underNew = rotated.seal(CACHE);
    assertEquals(
        Optional.empty(), TokenCacheCipher.withKeys(List.of(oldKey)).open(underNew), "new key");
    assertEquals(Optional.of(CACHE), TokenCacheCipher.withKeys(List.of(newKey)).open(underNew));
    assertNotEquals(
        JWEObject.parse(underOld).getHeader().getKeyID(),
        JWEObject.parse(underNew).getHeader().getKeyID());
  }

  @Test
  void openWhenRetiredKeyTamperedOrNotSealedThenEmpty() {
    TokenCacheCipher cipher = TokenCacheCipher.withKeys(List.of(newKey));
    String sealed = cipher.seal(CACHE);
    assertEquals(Optional.empty(), cipher.open(TokenCacheCipher.ephemeral().seal(CACHE)));
    String[] parts = sealed.split("\\.");
    char last = parts[3].charAt(5);
    parts[3] = parts[3].substring(0, 5) + (last == 'A' ? 'B' : 'A') + parts[3].substring(6);
    assertEquals(Optional.empty(), cipher.open(String.join(".", parts)), "ciphertext changed");
    assertEquals(Optional.empty(), cipher.open(CACHE), "a cache in clear is not accepted");
    assertEquals(Optional.empty(), cipher.open("a.b.c.d.e"));
    assertEquals(Optional.empty(), cipher.open(""));
  }

  @Test
  void withKeysWhenAKeyIsNot256BitsThenRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> TokenCacheCipher.withKeys(List.of(new byte[16])));
    assertThrows(IllegalArgumentException.class, () -> TokenCacheCipher.withKeys(List.of()));
    assertTrue(TokenCacheCipher.ephemeral().isEphemeral());
    assertFalse(TokenCacheCipher.withKeys(List.of(newKey)).isEphemeral());
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
