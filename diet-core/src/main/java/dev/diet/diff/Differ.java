package dev.diet.diff;

import dev.diet.spi.ObservedState;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;

/**
 * The three-way differ: compares, per managed field, what DIET last applied (the ownership mark),
 * what the plan wants and what NetBox holds, and turns the result into a {@link ChangeSet} plus
 * conflicts, drift and deletions awaiting approval.
 *
 * <p>Per field: current equals desired, nothing; last applied equals current, update; last applied
 * equals desired, a person changed it (a {@link FieldConflict} whose default keeps their value);
 * all three differ, a conflict too. Objects: new ones are created (an unowned device with the
 * planned name is an {@link ExistenceConflict}: skip or adopt); renamed ones are updated in place;
 * cables whose ends moved are replaced (same key); owned objects that left the plan are deleted,
 * orphaned or kept according to the {@link dev.diet.spi.DeletionPolicy}, protection tags, external
 * references ({@link DeletionConflict}) and the approval threshold. Reference data is created when
 * missing and never modified ({@link ReferenceConflict}). Pure and deterministic.
 */
public final class Differ {
  private Differ() {}

  public static DiffResult diff(DesiredState desired, ObservedState observed, DiffOptions options) {
    return diff(desired, observed, options, ProgressListener.NONE);
  }

  public static DiffResult diff(DesiredState desired, ObservedState observed, DiffOptions options, ProgressListener listener) {
    if (!desired.planId().equals(observed.planId())) {
      throw new IllegalArgumentException("desired state of plan " + desired.planId() + " compared with what plan " + observed.planId() + " owns");
    }
    return new DiffRun(desired, observed, options, listener).run();
  }
}
