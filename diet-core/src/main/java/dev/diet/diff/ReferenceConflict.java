package dev.diet.diff;

import com.google.common.collect.ImmutableList;
import dev.diet.state.FieldValues;
import dev.diet.state.ObjectKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reference data (site, role, type, tag, custom field) exists in NetBox with values other than the
 * plan's. DIET never modifies reference data: the only resolution is to use it as it is; change
 * the plan or NetBox to make the conflict go away.
 */
public final class ReferenceConflict extends Conflict {
  /** One field whose value in NetBox differs from the plan's. */
  public static final class Mismatch {
    private final String field;
    private final Object desired;
    private final Object current;

    Mismatch(String field, Object desired, Object current) {
      this.field = field;
      this.desired = desired;
      this.current = current;
    }

    public String field() {
      return field;
    }

    public Object desired() {
      return desired;
    }

    public Object current() {
      return current;
    }

    @Override
    public String toString() {
      return field + " is " + FieldValues.render(current) + " in NetBox, the plan says " + FieldValues.render(desired);
    }
  }

  private final long netboxId;
  private final ImmutableList<Mismatch> mismatches;

  ReferenceConflict(ObjectKey key, String displayName, long netboxId, List<Mismatch> mismatches, Resolution resolution) {
    super(key, displayName, List.of(Resolution.USE_EXISTING), resolution);
    this.netboxId = netboxId;
    this.mismatches = ImmutableList.copyOf(mismatches);
  }

  @Override
  public ConflictType type() {
    return ConflictType.REFERENCE;
  }

  public long netboxId() {
    return netboxId;
  }

  public List<Mismatch> mismatches() {
    return mismatches;
  }

  @Override
  public String describe() {
    return mismatches.stream().map(Mismatch::toString).collect(Collectors.joining("; "));
  }
}
