package dev.diet.netbox.jdbc;

import dev.diet.spi.BackendException;

/** Another apply of the same plan holds the plan's lock. */
public final class PlanLockedException extends BackendException {
  public PlanLockedException(String message, String hint) {
    super(message, hint);
  }

  public PlanLockedException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
