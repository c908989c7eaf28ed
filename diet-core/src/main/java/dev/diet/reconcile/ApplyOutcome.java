package dev.diet.reconcile;

import dev.diet.spi.ApplyReport;
import java.time.Instant;
import java.util.Objects;

/** What an apply did: the preview it executed, the backend's report, and when it ran (caller's clock). */
public final class ApplyOutcome {
  private final Preview preview;
  private final ApplyReport report;
  private final Instant startedAt;
  private final Instant finishedAt;

  ApplyOutcome(Preview preview, ApplyReport report, Instant startedAt, Instant finishedAt) {
    this.preview = Objects.requireNonNull(preview);
    this.report = Objects.requireNonNull(report);
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
  }

  public Preview preview() {
    return preview;
  }

  public ApplyReport report() {
    return report;
  }

  public boolean succeeded() {
    return report.succeeded();
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  @Override
  public String toString() {
    return "ApplyOutcome{" + preview.summaryLine() + " " + report + "}";
  }
}
