package dev.diet.diff;

import com.google.common.collect.ImmutableList;
import dev.diet.state.ObjectKey;
import java.util.List;

/**
 * How NetBox moved away from what DIET last applied: owned fields people changed, owned objects
 * deleted outside DIET, owned objects no longer in the plan, and changes to fields DIET does not
 * manage (reported only; DIET never touches them).
 */
public final class DriftReport {
  /** An owned field whose NetBox value is not the one DIET last applied. */
  public record Modified(ObjectKey key, String name, long id, String field, Object lastApplied, Object desired, Object current) {}

  /** A planned object DIET had created that is gone from NetBox; apply recreates it. */
  public record Missing(ObjectKey key, String name) {}

  /** An owned object the plan no longer contains. */
  public record Orphaned(ObjectKey key, String name, long id) {}

  /** A field DIET does not manage whose value changed since DIET last wrote the object. */
  public record UnmanagedChange(ObjectKey key, String name, long id, String field, Object before, Object after) {}

  private final ImmutableList<Modified> modified;
  private final ImmutableList<Missing> missing;
  private final ImmutableList<Orphaned> orphaned;
  private final ImmutableList<UnmanagedChange> unmanaged;

  public DriftReport(List<Modified> modified, List<Missing> missing, List<Orphaned> orphaned, List<UnmanagedChange> unmanaged) {
    this.modified = ImmutableList.copyOf(modified);
    this.missing = ImmutableList.copyOf(missing);
    this.orphaned = ImmutableList.copyOf(orphaned);
    this.unmanaged = ImmutableList.copyOf(unmanaged);
  }

  public List<Modified> modified() {
    return modified;
  }

  public List<Missing> missing() {
    return missing;
  }

  public List<Orphaned> orphaned() {
    return orphaned;
  }

  public List<UnmanagedChange> unmanaged() {
    return unmanaged;
  }

  /** True when owned state drifted: modified, missing or orphaned objects (unmanaged changes do not count). */
  public boolean hasDrift() {
    return !modified.isEmpty() || !missing.isEmpty() || !orphaned.isEmpty();
  }

  public boolean isEmpty() {
    return !hasDrift() && unmanaged.isEmpty();
  }

  @Override
  public String toString() {
    return "DriftReport{modified=" + modified.size() + ", missing=" + missing.size() + ", orphaned=" + orphaned.size()
        + ", unmanaged=" + unmanaged.size() + "}";
  }
}
