package dev.diet.netbox.jdbc;

import dev.diet.spi.BackendException;

/** The database refused the user name or password. */
public final class CredentialsRejectedException extends BackendException {
  public CredentialsRejectedException(String message, String hint) {
    super(message, hint);
  }

  public CredentialsRejectedException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
