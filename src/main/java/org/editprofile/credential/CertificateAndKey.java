package org.editprofile.credential;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
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
   * The SHA-1 thumbprint in hex, as the admin center lists a registration's certificates, so an
   * operator can tell which one is in use: safe to log.
   */
  public String thumbprint() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-1").digest(certificate().getEncoded());
      return HexFormat.of().withUpperCase().formatHex(hash);
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
