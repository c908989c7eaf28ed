package dev.diet.diff;

import dev.diet.state.FieldMap;
import dev.diet.state.ObjectKey;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ownership mark DIET keeps on every object it manages: the owning plan, the object's key, the
 * values DIET last applied to the fields it manages (their names are the managed-field set), and
 * the values of unmanaged fields as DIET last saw them (to report people's changes to them).
 *
 * <p>Two optional parts: the fields a person told DIET to stop managing ({@code released}; the
 * plan may list them, DIET leaves them alone), and the fingerprint of the plan that last wrote the
 * object (tells an object deleted outside DIET from one the plan just added).
 */
public final class Ownership {
  private final String planId;
  private final ObjectKey key;
  private final SortedMap<String, Object> applied;
  private final SortedMap<String, Object> seen;
  private final SortedSet<String> released;
  private final String planFingerprint;

  public Ownership(String planId, ObjectKey key, Map<String, ?> applied, Map<String, ?> seen) {
    this(planId, key, applied, seen, Set.of(), null);
  }

  public Ownership(
      String planId,
      ObjectKey key,
      Map<String, ?> applied,
      Map<String, ?> seen,
      Set<String> released,
      String planFingerprint) {
    this.planId = Objects.requireNonNull(planId, "planId");
    this.key = Objects.requireNonNull(key, "key");
    this.applied = FieldMap.copyOf(applied);
    this.seen = FieldMap.copyOf(seen);
    this.released = released.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(released));
    this.planFingerprint = planFingerprint == null || planFingerprint.isEmpty() ? null : planFingerprint;
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

  /** Fields DIET no longer manages on this object because a person chose so; never written again. */
  public SortedSet<String> released() {
    return released;
  }

  /** Fingerprint of the plan whose apply last wrote this mark, when recorded. */
  public Optional<String> planFingerprint() {
    return Optional.ofNullable(planFingerprint);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Ownership)) {
      return false;
    }
    Ownership w = (Ownership) o;
    return planId.equals(w.planId)
        && key.equals(w.key)
        && applied.equals(w.applied)
        && seen.equals(w.seen)
        && released.equals(w.released)
        && Objects.equals(planFingerprint, w.planFingerprint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(planId, key, applied, seen);
  }

  @Override
  public String toString() {
    return "Ownership{" + planId + ", " + key + ", applied=" + applied + ", seen=" + seen
        + (released.isEmpty() ? "" : ", released=" + released)
        + (planFingerprint == null ? "" : ", fp=" + planFingerprint) + "}";
  }
}
