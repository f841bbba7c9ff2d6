package org.editprofile.auth;

/** The tenant could not be reached or answered something unusable. Shown as a "try again" page. */
public class IdentityProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IdentityProviderException(String message, Throwable cause) {
    super(message, cause);
  }

  public IdentityProviderException(String message) {
    super(message);
  }
}
