package dev.diet.netbox.rest;

import dev.diet.spi.BackendException;

/** NetBox refused the API token (401/403). The message never contains the token. */
public class NetBoxAuthenticationException extends BackendException {
  public NetBoxAuthenticationException(String message, String hint) {
    super(message, hint);
  }
}
