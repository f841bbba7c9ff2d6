package org.editprofile.credential;

/**
 * The app's own credential for one of its registrations could not be read or used: a certificate
 * file that is missing, malformed, expired or does not match its key, or a federated token file
 * that is missing or expired. The message names the file and what is wrong with it, never the
 * secret, key or token itself.
 */
public final class CredentialException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CredentialException(String message) {
    super(message);
  }

  public CredentialException(String message, Throwable cause) {
    super(message, cause);
  }
}
