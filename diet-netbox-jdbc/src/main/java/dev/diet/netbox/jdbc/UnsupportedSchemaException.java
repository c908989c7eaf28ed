package dev.diet.netbox.jdbc;

import dev.diet.spi.BackendException;

/** The database holds a NetBox schema version this backend does not support. */
public final class UnsupportedSchemaException extends BackendException {
  public UnsupportedSchemaException(String message, String hint) {
    super(message, hint);
  }

  public UnsupportedSchemaException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
