package dev.diet.bench;

import dev.diet.diff.DiffOptions;
import dev.diet.diff.Differ;
import dev.diet.diff.StateFingerprint;
import dev.diet.generate.Generator;
import dev.diet.memory.InMemoryNetBox;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.ObserveScope;
import dev.diet.spi.ObservedState;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Splits a no-change diff against the in-memory NetBox into its phases (scope, observe, diff,
 * fingerprint) and prints the median and minimum CPU time of the calling thread for each over some
 * rounds (CPU time, so other load on the machine does not count; GC threads' time does not
 * either): where the time of {@code diff_nochange} goes. Usage: {@code java -cp benchmarks.jar dev.diet.bench.Phases 10k [rounds]}.
 */
public final class Phases {
  private Phases() {}

  public static void main(String[] args) {
    String size = args.length > 0 ? args[0] : "10k";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    DesiredState desired = Generator.generate(ScalePlans.plan(size));
    InMemoryNetBox netbox = new InMemoryNetBox();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long cpu0 = threads.getCurrentThreadCpuTime();
    Reconciler.builder(netbox).build().planAndApply(desired, DiffOptions.defaults());
    System.out.printf("%s: %d objects, in-memory plan-and-apply %.0f ms (CPU %.0f ms)%n", size, desired.size(), (System.nanoTime() - t0) / 1e6,
        (threads.getCurrentThreadCpuTime() - cpu0) / 1e6);
    long[][] times = new long[4][rounds];
    for (int r = 0; r < rounds; r++) {
      long a = threads.getCurrentThreadCpuTime();
      ObserveScope scope = Reconciler.scopeOf(desired);
      long b = threads.getCurrentThreadCpuTime();
      ObservedState observed = netbox.observe(scope, ProgressListener.NONE);
      long c = threads.getCurrentThreadCpuTime();
      Differ.diff(desired, observed, DiffOptions.defaults());
      long d = threads.getCurrentThreadCpuTime();
      StateFingerprint.of(desired.fingerprint(), observed);
      long e = threads.getCurrentThreadCpuTime();
      times[0][r] = b - a;
      times[1][r] = c - b;
      times[2][r] = d - c;
      times[3][r] = e - d;
    }
    String[] names = {"scope", "observe (in-memory)", "diff (no fingerprint)", "fingerprint alone"};
    for (int i = 0; i < names.length; i++) {
      java.util.Arrays.sort(times[i]);
      System.out.printf("%-26s CPU median %7.1f ms  min %7.1f ms%n", names[i], times[i][rounds / 2] / 1e6, times[i][0] / 1e6);
    }
  }
}
