package dev.diet.diff;

import java.util.Locale;

/** How one conflict is settled; each conflict lists the resolutions it accepts and a safe default. */
public enum Resolution {
  /** Field conflict: leave the person's value in NetBox, keep managing the field (default). */
  KEEP_MANUAL,
  /** Field conflict: overwrite the person's value with the plan's. */
  APPLY_DIET,
  /** Field conflict: leave the person's value and stop managing this field on this object. */
  STOP_MANAGING,
  /** Existence conflict: put DIET's mark on the unowned object that already has the planned name. */
  ADOPT,
  /** Existence or deletion conflict: change nothing about this object (default). */
  SKIP,
  /** Deletion conflict: delete even though something outside the plan refers to the object. */
  FORCE,
  /** Deletion conflict: remove DIET's mark and leave the object in NetBox. */
  ORPHAN,
  /** Reference-data conflict: use the existing object as it is; DIET never modifies reference data. */
  USE_EXISTING;

  /** Spelling in JSON and on the command line, e.g. {@code keep_manual}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Resolution fromWire(String wire) {
    for (Resolution r : values()) {
      if (r.wire().equals(wire)) {
        return r;
      }
    }
    throw new ResolutionException("unknown resolution '" + wire + "'", "use one of keep_manual, apply_diet, stop_managing, adopt, skip, force, orphan, use_existing");
  }
}
