package dev.diet.generate;

import dev.diet.DietException;

/** A port specification does not follow the grammar; the message says which part and why. */
public final class PortSpecException extends DietException {
  public PortSpecException(String message) {
    super(message, "write ports as 5, 1-48, 1-63:2 or a comma-separated list of those, with ports 1..1024");
  }
}
