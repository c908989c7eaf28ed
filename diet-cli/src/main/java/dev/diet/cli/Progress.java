package dev.diet.cli;

import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of observe and apply on standard error: a redrawn bar with counts and rate on a
 * terminal, one line per finished step with {@code -v} otherwise, nothing with {@code -q}.
 */
final class Progress implements ProgressListener {
  private static final int WIDTH = 28;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean bars;
  private final boolean lines;
  private final LongSupplier nanoTime;
  private String label = "";
  private long total;
  private long done;
  private long startedAt;
  private long drawnAt;

  Progress(PrintWriter err, boolean bars, boolean lines, LongSupplier nanoTime) {
    this.err = err;
    this.bars = bars;
    this.lines = lines;
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized void started(Phase phase, String detail, long total) {
    this.label = label(phase, detail);
    this.total = total;
    this.done = 0;
    this.startedAt = nanoTime.getAsLong();
    this.drawnAt = Long.MIN_VALUE;
    draw(false);
  }

  @Override
  public synchronized void progressed(Phase phase, String detail, long done, long total) {
    this.done = done;
    this.total = total;
    draw(false);
  }

  @Override
  public synchronized void finished(Phase phase, String detail) {
    if (total > 0 && done < total) {
      done = total;
    }
    if (bars) {
      draw(true);
      err.println();
    } else if (lines) {
      err.printf(Locale.ROOT, "diet: %s: %,d done in %.1fs%n", label, done, seconds());
    }
    err.flush();
  }

  private void draw(boolean force) {
    if (!bars) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (!force && drawnAt != Long.MIN_VALUE && now - drawnAt < REDRAW_NANOS && done != total) {
      return;
    }
    drawnAt = now;
    err.print('\r');
    err.print(line());
    err.print("\u001B[K");
    err.flush();
  }

  /** The bar as drawn, e.g. {@code apply device       [##############--------------]     16/32   310/s}. */
  String line() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-18s ", label));
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, done * WIDTH / total);
      b.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
      b.append(String.format(Locale.ROOT, "%,7d/%,d", done, total));
    } else {
      b.append(String.format(Locale.ROOT, "%,7d", done));
    }
    double s = seconds();
    if (s > 0 && done > 0) {
      double rate = done / s;
      b.append(String.format(Locale.ROOT, rate < 10 ? " %8.1f/s" : " %,8.0f/s", rate));
    }
    return b.toString();
  }

  private double seconds() {
    return (nanoTime.getAsLong() - startedAt) / 1e9;
  }

  private static String label(Phase phase, String detail) {
    String p = phase.name().toLowerCase(Locale.ROOT);
    return detail == null || detail.isEmpty() || detail.equals(p) ? p : p + " " + detail;
  }
}
