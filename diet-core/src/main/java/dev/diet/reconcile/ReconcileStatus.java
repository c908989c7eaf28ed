package dev.diet.reconcile;

import java.util.Locale;

/** Where NetBox stands against a plan. */
public enum ReconcileStatus {
  /** NetBox holds exactly what the plan wants; nothing to apply. */
  IN_SYNC,
  /** Something to apply: plan changes, owned objects changed or deleted outside DIET, or owned objects the plan dropped. */
  DRIFT_DETECTED,
  /** At least one conflict needs a person's decision (or stands with its safe default). */
  CONFLICTS,
  /** NetBox could not be observed. */
  ERROR;

  /** Spelling in JSON and CLI output, e.g. {@code in_sync}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
