package org.editprofile.auth;

/** The ID token failed signature, issuer, audience, lifetime or nonce checks. */
public class InvalidIdTokenException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidIdTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
