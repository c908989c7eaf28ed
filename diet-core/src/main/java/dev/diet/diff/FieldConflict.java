package dev.diet.diff;

import dev.diet.state.FieldValues;
import dev.diet.state.ObjectKey;
import java.util.List;

/**
 * A person changed a field DIET manages. With the plan unchanged (last applied equals desired) it
 * is a manual edit; when the plan changed too, both changed. Options: keep the manual value
 * (default), apply DIET's, or stop managing the field on this object.
 */
public final class FieldConflict extends Conflict {
  /** Why the field disagrees. */
  public enum Cause {
    /** Last applied equals desired; only NetBox changed. */
    MANUAL_EDIT,
    /** Last applied, desired and current all differ. */
    BOTH_CHANGED
  }

  static final List<Resolution> OPTIONS = List.of(Resolution.KEEP_MANUAL, Resolution.APPLY_DIET, Resolution.STOP_MANAGING);

  private final long netboxId;
  private final String field;
  private final Object lastApplied;
  private final Object desired;
  private final Object current;
  private final Cause cause;

  FieldConflict(
      ObjectKey key, String displayName, long netboxId, String field, Object lastApplied, Object desired, Object current,
      Cause cause, Resolution resolution) {
    super(key, displayName, OPTIONS, resolution);
    this.netboxId = netboxId;
    this.field = field;
    this.lastApplied = lastApplied;
    this.desired = desired;
    this.current = current;
    this.cause = cause;
  }

  /** Id of a field conflict: {@code <key>#<field>}. */
  public static String idOf(ObjectKey key, String field) {
    return key + "#" + field;
  }

  @Override
  public String id() {
    return idOf(key(), field);
  }

  @Override
  public ConflictType type() {
    return ConflictType.FIELD;
  }

  public long netboxId() {
    return netboxId;
  }

  public String field() {
    return field;
  }

  /** The value DIET last wrote (from the ownership mark). */
  public Object lastApplied() {
    return lastApplied;
  }

  /** The value the plan wants now. */
  public Object desired() {
    return desired;
  }

  /** The value NetBox holds now. */
  public Object current() {
    return current;
  }

  public Cause cause() {
    return cause;
  }

  @Override
  public String describe() {
    return cause == Cause.MANUAL_EDIT
        ? field + " was changed in NetBox to " + FieldValues.render(current) + "; DIET applied and still wants "
            + FieldValues.render(desired)
        : field + " was changed in NetBox to " + FieldValues.render(current) + " while the plan changed it from "
            + FieldValues.render(lastApplied) + " to " + FieldValues.render(desired);
  }
}
