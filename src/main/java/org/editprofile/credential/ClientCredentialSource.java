package org.editprofile.credential;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;

/**
 * Where a registration's MSAL4J client gets its credential when it is built. A client is built per
 * request, so a source that changes (a rotated certificate) takes effect on the next token request
 * without a restart.
 */
public interface ClientCredentialSource {

  /**
   * The credential to build the next client with.
   *
   * @throws CredentialException when there is no usable credential at all
   */
  IClientCredential current();

  /**
   * Whether client assertions carry the certificate chain ({@code x5c}), which Entra needs for
   * subject name and issuer authentication; otherwise only the thumbprint is sent.
   */
  default boolean sendCertificateChain() {
    return false;
  }

  /** What kind of credential this is, for the start-up log: never the secret itself. */
  String description();

  /** A client secret: the same credential every time. */
  static ClientCredentialSource secret(String secret) {
    IClientCredential credential = ClientCredentialFactory.createFromSecret(secret);
    return new ClientCredentialSource() {
      @Override
      public IClientCredential current() {
        return credential;
      }

      @Override
      public String description() {
        return "a client secret";
      }
    };
  }
}
