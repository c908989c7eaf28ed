package dev.diet.reconcile;

import java.util.Objects;
import java.util.Optional;

/** The answer of {@link Reconciler#status}: the status, the preview it was computed from, or the error. */
public final class StatusReport {
  private final ReconcileStatus status;
  private final Preview preview;
  private final String error;

  StatusReport(ReconcileStatus status, Preview preview, String error) {
    this.status = Objects.requireNonNull(status);
    this.preview = preview;
    this.error = error;
  }

  public ReconcileStatus status() {
    return status;
  }

  /** The preview behind the status; absent on error. */
  public Optional<Preview> preview() {
    return Optional.ofNullable(preview);
  }

  /** What went wrong, with the hint, when the status is {@link ReconcileStatus#ERROR}. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return status.wire() + (error == null ? "" : ": " + error);
  }
}
