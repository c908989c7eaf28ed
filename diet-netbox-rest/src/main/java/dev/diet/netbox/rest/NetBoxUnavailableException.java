package dev.diet.netbox.rest;

import dev.diet.spi.BackendException;

/** NetBox kept failing a request (429, 5xx, timeouts, dropped connections) until the retry budget ran out. */
public class NetBoxUnavailableException extends BackendException {
  public NetBoxUnavailableException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
