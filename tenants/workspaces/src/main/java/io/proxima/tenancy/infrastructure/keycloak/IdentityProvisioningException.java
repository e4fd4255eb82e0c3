package io.proxima.tenancy.infrastructure.keycloak;

/**
 * Keycloak refused, or could not be reached for, a provisioning step. Whatever the failed call had
 * created is already undone when this is thrown, so the caller may simply try again.
 */
public class IdentityProvisioningException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IdentityProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
