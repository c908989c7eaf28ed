package dev.diet.reconcile;

import dev.diet.diff.Action;
import dev.diet.diff.ChangeSet;
import dev.diet.diff.Conflict;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.DiffResult;
import dev.diet.diff.DriftReport;
import dev.diet.diff.Operation;
import dev.diet.spi.ObserveScope;
import dev.diet.state.ObjectKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What apply would do, for a person to review: the change set with counts by kind and action, the
 * conflicts, drift, deletions awaiting approval, a text like {@code terraform plan} ({@link
 * #text()}), a JSON form ({@link #json()}, schema {@code diet.plan/v1}) and the fingerprint apply
 * checks before it touches anything.
 */
public final class Preview {
  private final DiffResult diff;
  private final DiffOptions options;
  private final ObserveScope scope;
  private final String backend;
  private final Instant createdAt;
  private String text;
  private String json;

  Preview(DiffResult diff, DiffOptions options, ObserveScope scope, String backend, Instant createdAt) {
    this.diff = Objects.requireNonNull(diff);
    this.options = Objects.requireNonNull(options);
    this.scope = Objects.requireNonNull(scope);
    this.backend = Objects.requireNonNull(backend);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public DiffResult diff() {
    return diff;
  }

  public ChangeSet changeSet() {
    return diff.changeSet();
  }

  public List<Conflict> conflicts() {
    return diff.conflicts();
  }

  public DriftReport drift() {
    return diff.drift();
  }

  /** The options this preview was computed with; apply uses the same. */
  public DiffOptions options() {
    return options;
  }

  /** What was observed; apply observes the same scope again to check the fingerprint. */
  public ObserveScope scope() {
    return scope;
  }

  public String planId() {
    return diff.planId();
  }

  public String planFingerprint() {
    return diff.planFingerprint();
  }

  /** Fingerprint over (plan fingerprint, observed state). */
  public String fingerprint() {
    return diff.fingerprint();
  }

  /** The backend's description (never credentials). */
  public String backend() {
    return backend;
  }

  /** When the preview was made, by the reconciler's clock. */
  public Instant createdAt() {
    return createdAt;
  }

  /** Operations per kind and action. */
  public Map<ObjectKind, Map<Action, Integer>> counts() {
    return diff.countsByKindAndAction();
  }

  /** Creates. */
  public int toAdd() {
    return count(Action.CREATE);
  }

  /** Updates, adoptions and orphanings (marks removed, objects kept). */
  public int toChange() {
    return count(Action.UPDATE) + count(Action.ADOPT) + count(Action.ORPHAN);
  }

  /** Deletes. */
  public int toDestroy() {
    return count(Action.DELETE);
  }

  public int conflictCount() {
    return diff.conflicts().size();
  }

  public boolean hasChanges() {
    return !diff.changeSet().isEmpty();
  }

  /** True when NetBox matches the plan: no operation, no conflict, no deletion waiting for approval. */
  public boolean isNoOp() {
    return diff.changeSet().isEmpty() && diff.conflicts().isEmpty() && !diff.deletionsWithheld();
  }

  public ReconcileStatus status() {
    if (!diff.conflicts().isEmpty()) {
      return ReconcileStatus.CONFLICTS;
    }
    if (hasChanges() || diff.deletionsWithheld() || diff.drift().hasDrift()) {
      return ReconcileStatus.DRIFT_DETECTED;
    }
    return ReconcileStatus.IN_SYNC;
  }

  /**
   * The last line of {@link #text()}: {@code Plan: A to add, C to change, D to destroy, K
   * conflicts.} or {@code No changes. NetBox matches the plan.}
   */
  public String summaryLine() {
    if (isNoOp()) {
      return "No changes. NetBox matches the plan.";
    }
    return "Plan: " + toAdd() + " to add, " + toChange() + " to change, " + toDestroy() + " to destroy, " + conflictCount() + " conflicts.";
  }

  /** The human preview, like {@code terraform plan}; ends with {@link #summaryLine()}. */
  public synchronized String text() {
    if (text == null) {
      text = PreviewText.render(this);
    }
    return text;
  }

  /** The machine-readable preview (schema {@code diet.plan/v1}, see docs/preview-json.md). */
  public synchronized String json() {
    if (json == null) {
      json = PreviewJson.render(this);
    }
    return json;
  }

  private int count(Action action) {
    int n = 0;
    for (Operation op : diff.changeSet().operations()) {
      if (op.action() == action) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "Preview{" + planId() + ": " + summaryLine() + "}";
  }
}
