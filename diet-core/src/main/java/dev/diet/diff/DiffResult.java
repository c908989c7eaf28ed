package dev.diet.diff;

import com.google.common.collect.ImmutableList;
import dev.diet.state.ObjectKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one diff found: the change set to apply, the conflicts with their chosen resolutions,
 * the drift report, deletions waiting for approval, and notes on objects kept or skipped.
 */
public final class DiffResult {
  private final ChangeSet changeSet;
  private final String planFingerprint;
  private final ImmutableList<Conflict> conflicts;
  private final DriftReport drift;
  private final DeletionApproval approval;
  private final ImmutableList<DiffNote> notes;

  DiffResult(
      ChangeSet changeSet, String planFingerprint, List<Conflict> conflicts, DriftReport drift, DeletionApproval approval,
      List<DiffNote> notes) {
    this.changeSet = Objects.requireNonNull(changeSet);
    this.planFingerprint = Objects.requireNonNull(planFingerprint);
    this.conflicts = ImmutableList.copyOf(conflicts);
    this.drift = Objects.requireNonNull(drift);
    this.approval = approval;
    this.notes = ImmutableList.copyOf(notes);
  }

  public ChangeSet changeSet() {
    return changeSet;
  }

  public String planId() {
    return changeSet.planId();
  }

  public String planFingerprint() {
    return planFingerprint;
  }

  /** Fingerprint over (plan fingerprint, observed state); see {@link StateFingerprint}. */
  public String fingerprint() {
    return changeSet.fingerprint();
  }

  /** Every conflict, sorted by id, each with the resolution this diff used. */
  public List<Conflict> conflicts() {
    return conflicts;
  }

  public DriftReport drift() {
    return drift;
  }

  /** Present when deletions need approval (whether or not it was given). */
  public Optional<DeletionApproval> approval() {
    return Optional.ofNullable(approval);
  }

  /** True when deletions need approval that was not given: they are not in the change set. */
  public boolean deletionsWithheld() {
    return approval != null && !approval.approved();
  }

  public List<DiffNote> notes() {
    return notes;
  }

  /** Operations per kind and action, kinds in dependency order. */
  public Map<ObjectKind, Map<Action, Integer>> countsByKindAndAction() {
    Map<ObjectKind, Map<Action, Integer>> out = new EnumMap<>(ObjectKind.class);
    for (Operation op : changeSet.operations()) {
      out.computeIfAbsent(op.kind(), k -> new EnumMap<>(Action.class)).merge(op.action(), 1, Integer::sum);
    }
    out.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    return Collections.unmodifiableMap(out);
  }
}
