package dev.diet.diff;

/** What an {@link Operation} does to one NetBox object. */
public enum Action {
  /** Create the object with its desired fields and an ownership mark. */
  CREATE,
  /** Set the listed fields on an owned object and refresh its ownership mark. */
  UPDATE,
  /** Delete an owned object. */
  DELETE,
  /** Put an ownership mark (and the desired fields) on an existing unowned object. */
  ADOPT,
  /** Remove DIET's ownership mark from an object and leave it in NetBox. */
  ORPHAN
}
