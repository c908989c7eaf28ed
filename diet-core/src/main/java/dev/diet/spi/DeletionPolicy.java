package dev.diet.spi;

/** What happens to owned objects that are no longer in the plan. */
public enum DeletionPolicy {
  /** Remove DIET's ownership mark and leave the object in NetBox. */
  ORPHAN,
  /** Delete the object (children first). */
  DELETE,
  /** Delete only with explicit approval; without it, nothing is deleted and the preview says why. */
  WARN
}
