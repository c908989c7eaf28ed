package dev.diet.diff;

import java.util.Locale;

/** The kinds of conflict the differ reports. */
public enum ConflictType {
  /** A person changed a field DIET manages (last applied, desired and current disagree). */
  FIELD,
  /** An object DIET does not own is in the way: it has a planned name or holds a planned cable end. */
  EXISTENCE,
  /** An owned object to delete is referred to by something outside the plan (IP address, cable). */
  DELETION,
  /** Reference data exists in NetBox with other values than the plan's. */
  REFERENCE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
