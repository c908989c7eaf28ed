package dev.diet.reconcile;

import dev.diet.DietException;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.DiffResult;
import dev.diet.diff.Differ;
import dev.diet.diff.DriftReport;
import dev.diet.diff.StateFingerprint;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.ObserveScope;
import dev.diet.spi.ObservedState;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * DIET's front door for keeping NetBox in step with a plan: observe what NetBox holds, diff it
 * against the desired state, preview, apply. Safe to run again at any moment: with nothing changed
 * the preview says {@code No changes. NetBox matches the plan.} and apply writes nothing.
 *
 * <pre>{@code
 * Reconciler reconciler = Reconciler.builder(backend).clock(Clock.systemUTC()).build();
 * Preview preview = reconciler.plan(desired, DiffOptions.defaults());
 * System.out.print(preview.text());               // + ~ - ! lines, then the summary line
 * ApplyOutcome outcome = reconciler.apply(preview); // StalePreviewException if NetBox moved meanwhile
 * }</pre>
 *
 * <p>The reconciler has no clock of its own: timestamps come from the {@link Clock} given to the
 * builder (default: the system UTC clock).
 */
public final class Reconciler {
  private final NetBoxBackend backend;
  private final Clock clock;
  private final ProgressListener listener;
  private final int chunkSize;

  private Reconciler(Builder b) {
    this.backend = b.backend;
    this.clock = b.clock;
    this.listener = b.listener;
    this.chunkSize = b.chunkSize;
  }

  public static Builder builder(NetBoxBackend backend) {
    return new Builder(backend);
  }

  /** Configures a {@link Reconciler}. */
  public static final class Builder {
    private final NetBoxBackend backend;
    private Clock clock = Clock.systemUTC();
    private ProgressListener listener = ProgressListener.NONE;
    private int chunkSize = ApplyOptions.defaults().chunkSize();

    private Builder(NetBoxBackend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** Source of every timestamp (preview creation, apply start and end, NetBox's created/last_updated). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Receives observe, diff and per-kind apply progress. */
    public Builder listener(ProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Most objects per backend batch or bulk request. */
    public Builder chunkSize(int chunkSize) {
      if (chunkSize < 1) {
        throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
      }
      this.chunkSize = chunkSize;
      return this;
    }

    public Reconciler build() {
      return new Reconciler(this);
    }
  }

  /**
   * What NetBox must be asked for a desired state: the plan's owned objects, the reference data it
   * names, and unowned devices in its site that carry its device names.
   */
  public static ObserveScope scopeOf(DesiredState desired) {
    Set<String> deviceNames = new TreeSet<>();
    Set<ObjectKey> references = new TreeSet<>();
    String site = "";
    for (DesiredObject o : desired.objects()) {
      if (o.key().isReference()) {
        references.add(o.key());
        if (o.kind() == ObjectKind.SITE && site.isEmpty()) {
          site = o.field(Fields.SLUG) instanceof String ? (String) o.field(Fields.SLUG) : o.key().path();
        }
      } else if (o.kind() == ObjectKind.DEVICE && o.field(Fields.NAME) instanceof String) {
        deviceNames.add((String) o.field(Fields.NAME));
      }
    }
    return new ObserveScope(desired.planId(), site, deviceNames, references);
  }

  /** Observes NetBox for this plan. */
  public ObservedState observe(DesiredState desired) {
    return backend.observe(scopeOf(desired), listener);
  }

  /** Observes and diffs, without a preview around the result. */
  public DiffResult diff(DesiredState desired, DiffOptions options) {
    return Differ.diff(desired, observe(desired), options, listener);
  }

  /** Observes, diffs and returns the preview of what {@link #apply(Preview)} would do. */
  public Preview plan(DesiredState desired, DiffOptions options) {
    ObserveScope scope = scopeOf(desired);
    ObservedState observed = backend.observe(scope, listener);
    return new Preview(Differ.diff(desired, observed, options, listener), options, scope, backend.describe(), clock.instant());
  }

  /**
   * Applies a reviewed preview: observes again and refuses with {@link StalePreviewException} when
   * the fingerprint differs (NetBox changed since), else executes the preview's change set.
   */
  public ApplyOutcome apply(Preview preview) {
    ObservedState now = backend.observe(preview.scope(), listener);
    String fingerprint = StateFingerprint.of(preview.planFingerprint(), now);
    if (!fingerprint.equals(preview.fingerprint())) {
      throw new StalePreviewException(preview.planId(), preview.fingerprint(), fingerprint);
    }
    return execute(preview);
  }

  /**
   * Applies a preview reviewed elsewhere (e.g. saved as JSON, see {@link PreviewJson#fingerprint}):
   * plans again with the same options and applies only if the fingerprint is the reviewed one.
   */
  public ApplyOutcome apply(DesiredState desired, DiffOptions options, String reviewedFingerprint) {
    Preview preview = plan(desired, options);
    if (!preview.fingerprint().equals(reviewedFingerprint)) {
      throw new StalePreviewException(desired.planId(), reviewedFingerprint, preview.fingerprint());
    }
    return execute(preview);
  }

  /**
   * Plans and applies at once, for automation that needs no review step. Observes once: with no
   * review in between there is nothing for a second observation to find stale.
   */
  public ApplyOutcome planAndApply(DesiredState desired, DiffOptions options) {
    return execute(plan(desired, options));
  }

  /** How NetBox drifted from what DIET last applied. */
  public DriftReport drift(DesiredState desired) {
    return plan(desired, DiffOptions.defaults()).drift();
  }

  /** in_sync, drift_detected, conflicts, or error when NetBox cannot be observed. */
  public StatusReport status(DesiredState desired) {
    return status(desired, DiffOptions.defaults());
  }

  public StatusReport status(DesiredState desired, DiffOptions options) {
    try {
      Preview preview = plan(desired, options);
      return new StatusReport(preview.status(), preview, null);
    } catch (DietException e) {
      return new StatusReport(ReconcileStatus.ERROR, null, e.getMessage() + e.hint().map(h -> " (" + h + ")").orElse(""));
    }
  }

  private ApplyOutcome execute(Preview preview) {
    Instant started = clock.instant();
    ApplyReport report = preview.changeSet().isEmpty()
        ? new ApplyReport(Map.of(), List.of(), false, null)
        : backend.apply(preview.changeSet(), ApplyOptions.defaults().withClock(clock).withChunkSize(chunkSize), listener);
    return new ApplyOutcome(preview, report, started, clock.instant());
  }
}
