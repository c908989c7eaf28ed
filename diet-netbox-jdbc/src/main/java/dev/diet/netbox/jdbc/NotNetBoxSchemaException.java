package dev.diet.netbox.jdbc;

import dev.diet.spi.BackendException;

/** The database does not hold NetBox's tables. */
public final class NotNetBoxSchemaException extends BackendException {
  public NotNetBoxSchemaException(String message, String hint) {
    super(message, hint);
  }

  public NotNetBoxSchemaException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
