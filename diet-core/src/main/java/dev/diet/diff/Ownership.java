package dev.diet.diff;

import dev.diet.state.FieldValues;
import dev.diet.state.ObjectKey;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ownership mark DIET keeps on every object it manages: the owning plan, the object's key, the
 * values DIET last applied to the fields it manages (their names are the managed-field set), and
 * the values of unmanaged fields as DIET last saw them (to report people's changes to them).
 */
public final class Ownership {
  private final String planId;
  private final ObjectKey key;
  private final SortedMap<String, Object> applied;
  private final SortedMap<String, Object> seen;

  public Ownership(String planId, ObjectKey key, Map<String, ?> applied, Map<String, ?> seen) {
    this.planId = Objects.requireNonNull(planId, "planId");
    this.key = Objects.requireNonNull(key, "key");
    this.applied = Collections.unmodifiableSortedMap(new TreeMap<>(FieldValues.checkAll(applied)));
    this.seen = Collections.unmodifiableSortedMap(new TreeMap<>(FieldValues.checkAll(seen)));
  }

  public String planId() {
    return planId;
  }

  public ObjectKey key() {
    return key;
  }

  /** Managed fields and the values DIET last applied to them. */
  public SortedMap<String, Object> applied() {
    return applied;
  }

  /** Unmanaged fields and their values when DIET last wrote the object. */
  public SortedMap<String, Object> seen() {
    return seen;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Ownership)) {
      return false;
    }
    Ownership w = (Ownership) o;
    return planId.equals(w.planId) && key.equals(w.key) && applied.equals(w.applied) && seen.equals(w.seen);
  }

  @Override
  public int hashCode() {
    return Objects.hash(planId, key, applied, seen);
  }

  @Override
  public String toString() {
    return "Ownership{" + planId + ", " + key + ", applied=" + applied + ", seen=" + seen + "}";
  }
}
