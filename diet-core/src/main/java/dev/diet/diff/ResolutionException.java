package dev.diet.diff;

import dev.diet.DietException;

/** A resolution given for a conflict does not exist, or is not one the conflict accepts. */
public class ResolutionException extends DietException {
  public ResolutionException(String message, String hint) {
    super(message, hint);
  }
}
