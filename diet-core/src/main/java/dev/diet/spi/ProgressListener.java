package dev.diet.spi;

/** Receives progress of observe, diff and apply; called from the working thread. */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /** A phase (or, for apply, one kind's step, named by {@code detail}) begins with {@code total} items. */
  default void started(Phase phase, String detail, long total) {}

  /** {@code done} of {@code total} items of the current step are finished. */
  default void progressed(Phase phase, String detail, long done, long total) {}

  /** The step is finished. */
  default void finished(Phase phase, String detail) {}
}
