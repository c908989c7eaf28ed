package dev.diet.diff;

import dev.diet.spi.DeletionPolicy;
import java.util.Objects;

/**
 * The caller's choices for one diff: what happens to owned objects that left the plan, how many
 * device deletions go through without approval, whether deletions are approved, and conflict
 * resolutions. Defaults: policy DELETE, threshold 10 devices, not approved, every conflict at its
 * safe default.
 */
public final class DiffOptions {
  /** Device deletions above this number need approval unless configured otherwise. */
  public static final int DEFAULT_DEVICE_DELETION_THRESHOLD = 10;

  private static final DiffOptions DEFAULTS =
      new DiffOptions(DeletionPolicy.DELETE, DEFAULT_DEVICE_DELETION_THRESHOLD, false, Resolutions.none());

  private final DeletionPolicy deletionPolicy;
  private final int deviceDeletionThreshold;
  private final boolean deletionsApproved;
  private final Resolutions resolutions;

  private DiffOptions(DeletionPolicy deletionPolicy, int deviceDeletionThreshold, boolean deletionsApproved, Resolutions resolutions) {
    this.deletionPolicy = Objects.requireNonNull(deletionPolicy, "deletionPolicy");
    if (deviceDeletionThreshold < 0) {
      throw new IllegalArgumentException("the device deletion threshold cannot be negative: " + deviceDeletionThreshold);
    }
    this.deviceDeletionThreshold = deviceDeletionThreshold;
    this.deletionsApproved = deletionsApproved;
    this.resolutions = Objects.requireNonNull(resolutions, "resolutions");
  }

  public static DiffOptions defaults() {
    return DEFAULTS;
  }

  public DiffOptions withDeletionPolicy(DeletionPolicy policy) {
    return new DiffOptions(policy, deviceDeletionThreshold, deletionsApproved, resolutions);
  }

  /** More device deletions than this need approval (policy DELETE). */
  public DiffOptions withDeviceDeletionThreshold(int threshold) {
    return new DiffOptions(deletionPolicy, threshold, deletionsApproved, resolutions);
  }

  /** Approves the deletions the preview listed (needed above the threshold, and for policy WARN). */
  public DiffOptions withDeletionsApproved(boolean approved) {
    return new DiffOptions(deletionPolicy, deviceDeletionThreshold, approved, resolutions);
  }

  public DiffOptions withResolutions(Resolutions resolutions) {
    return new DiffOptions(deletionPolicy, deviceDeletionThreshold, deletionsApproved, resolutions);
  }

  public DeletionPolicy deletionPolicy() {
    return deletionPolicy;
  }

  public int deviceDeletionThreshold() {
    return deviceDeletionThreshold;
  }

  public boolean deletionsApproved() {
    return deletionsApproved;
  }

  public Resolutions resolutions() {
    return resolutions;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DiffOptions)) {
      return false;
    }
    DiffOptions d = (DiffOptions) o;
    return deletionPolicy == d.deletionPolicy
        && deviceDeletionThreshold == d.deviceDeletionThreshold
        && deletionsApproved == d.deletionsApproved
        && resolutions.equals(d.resolutions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(deletionPolicy, deviceDeletionThreshold, deletionsApproved, resolutions);
  }

  @Override
  public String toString() {
    return "DiffOptions{" + deletionPolicy + ", threshold=" + deviceDeletionThreshold + ", approved=" + deletionsApproved + ", " + resolutions + "}";
  }
}
