package dev.diet.reconcile;

import dev.diet.DietException;

/** Apply refused: NetBox (or the plan) changed since the preview was made, so it would not do what was reviewed. */
public class StalePreviewException extends DietException {
  private final String expected;
  private final String actual;

  public StalePreviewException(String planId, String expected, String actual) {
    super(
        "NetBox or plan " + planId + " changed since the preview was made (preview fingerprint " + abbreviate(expected)
            + ", now " + abbreviate(actual) + "); nothing was applied",
        "run plan again, review the new preview, then apply that one");
    this.expected = expected;
    this.actual = actual;
  }

  /** The fingerprint of the reviewed preview. */
  public String expected() {
    return expected;
  }

  /** The fingerprint of what apply observed. */
  public String actual() {
    return actual;
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
  }
}
