package org.editprofile.credential;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A client certificate with its private key, checked to belong together.
 *
 * @param chain the certificate first, then any issuers
 */
public record CertificateAndKey(PrivateKey key, List<X509Certificate> chain) {

  public X509Certificate certificate() {
    return chain.get(0);
  }

  public Instant notAfter() {
    return certificate().getNotAfter().toInstant();
  }

  /**
   * The base64url SHA-256 thumbprint, as Entra shows it in {@code x5t#S256} and as an operator
   * compares it with the registration: safe to log.
   */
  public String thumbprint() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "CertificateAndKey[thumbprint=" + thumbprint() + ", notAfter=" + notAfter() + "]";
  }
}
