package dev.diet;

import java.util.Optional;

/**
 * Base of every error a user can cause (bad plan, unreachable NetBox, bad token, stale preview):
 * says what went wrong and, where possible, how to fix it. Other exceptions are DIET bugs.
 */
public class DietException extends RuntimeException {
  private final String hint;

  public DietException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public DietException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** What the user can do about it, if anything is known. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
