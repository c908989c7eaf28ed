package dev.diet.spi;

import dev.diet.DietException;

/** A backend could not do its work: unreachable, refused credentials, unsupported NetBox version. */
public class BackendException extends DietException {
  public BackendException(String message, String hint) {
    super(message, hint);
  }

  public BackendException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
