package dev.diet.spi;

import java.time.Clock;
import java.util.Objects;

/** How a backend executes a change set: the clock for timestamps and the request chunk size. */
public final class ApplyOptions {
  private final Clock clock;
  private final int chunkSize;

  private ApplyOptions(Clock clock, int chunkSize) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
    }
    this.chunkSize = chunkSize;
  }

  /** Defaults: the system UTC clock and chunks of 500 objects. */
  public static ApplyOptions defaults() {
    return new ApplyOptions(Clock.systemUTC(), 500);
  }

  public ApplyOptions withClock(Clock clock) {
    return new ApplyOptions(clock, chunkSize);
  }

  public ApplyOptions withChunkSize(int chunkSize) {
    return new ApplyOptions(clock, chunkSize);
  }

  /** Source of {@code created}/{@code last_updated} timestamps; core itself has no clock. */
  public Clock clock() {
    return clock;
  }

  /** Most objects one batch or bulk request carries. */
  public int chunkSize() {
    return chunkSize;
  }
}
