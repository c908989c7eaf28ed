package dev.diet.netbox.jdbc;

import dev.diet.spi.BackendException;

/** The database cannot be reached (host, port, database name or network). */
public final class DatabaseUnreachableException extends BackendException {
  public DatabaseUnreachableException(String message, String hint) {
    super(message, hint);
  }

  public DatabaseUnreachableException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
