package dev.diet.netbox.rest;

import dev.diet.spi.BackendException;

/** NetBox could not be reached at all: refused connection, unknown host, TLS failure, timeouts. */
public class NetBoxUnreachableException extends BackendException {
  public NetBoxUnreachableException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
