package dev.diet.netbox.rest;

import dev.diet.spi.BackendException;

/** The URL does not lead to a NetBox API DIET supports: a 404 on an endpoint, or a NetBox version outside the supported range. */
public class NetBoxEndpointException extends BackendException {
  public NetBoxEndpointException(String message, String hint) {
    super(message, hint);
  }
}
