package dev.diet.bench;

import dev.diet.generate.Generator;
import dev.diet.plan.Plan;
import dev.diet.state.DesiredState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Heap used by one generation of a plan, in a fresh JVM: the peak (sum of the heap pools' peaks
 * after the plan was read, an upper bound) and what the generated graph retains after a full GC.
 * Prints one line; run.sh puts it under the table.
 */
public final class PeakHeap {
  private PeakHeap() {}

  public static void main(String[] args) {
    String size = args.length > 0 ? args[0] : "10k";
    Plan plan = ScalePlans.plan(size);
    System.gc();
    long before = used();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    DesiredState desired = Generator.generate(plan);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    long retained = used() - before;
    System.out.printf("%s generation (%,d objects): peak heap %d MB (sum of pool peaks), graph retains %d MB after GC%n",
        size, desired.size(), peak >> 20, retained >> 20);
  }

  private static long used() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }
}
