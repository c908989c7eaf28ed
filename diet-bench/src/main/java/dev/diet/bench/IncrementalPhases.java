package dev.diet.bench;

import dev.diet.diff.DiffOptions;
import dev.diet.diff.DiffResult;
import dev.diet.diff.Differ;
import dev.diet.generate.Generator;
import dev.diet.netbox.jdbc.JdbcNetBoxBackend;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ObservedState;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;

/**
 * Splits {@code apply_incremental_pg} into observe, diff and apply and prints the wall time of
 * each: where the time of adding ten servers goes. Needs DIET_TEST_PG_URL like the benchmarks.
 * Usage: {@code java -cp benchmarks.jar dev.diet.bench.IncrementalPhases [10k]}.
 */
public final class IncrementalPhases {
  private IncrementalPhases() {}

  public static void main(String[] args) {
    String size = args.length > 0 ? args[0] : "10k";
    PgDatabases pg = PgDatabases.require();
    pg.ensureTemplate();
    String db = "diet_bench_phases";
    pg.recreate(db, PgDatabases.TEMPLATE);
    DesiredState desired = Generator.generate(ScalePlans.plan(size));
    try (JdbcNetBoxBackend backend = JdbcNetBoxBackend.connect(pg.urlOf(db), pg.user(), pg.password())) {
      Reconciler.builder(backend).build().planAndApply(Generator.generate(ScalePlans.minusStorage(size, 10)), DiffOptions.defaults());
      long a = System.nanoTime();
      ObservedState observed = backend.observe(Reconciler.scopeOf(desired), ProgressListener.NONE);
      long b = System.nanoTime();
      DiffResult diff = Differ.diff(desired, observed, DiffOptions.defaults());
      long c = System.nanoTime();
      backend.apply(diff.changeSet(), ApplyOptions.defaults(), ProgressListener.NONE);
      long d = System.nanoTime();
      System.out.printf("%s +10 servers: %d owned objects observed, %d operations (%s)%n", size, observed.owned().size(),
          diff.changeSet().operations().size(), diff.changeSet().countsByAction());
      System.out.printf("observe %.0f ms, diff %.0f ms, apply %.0f ms%n", (b - a) / 1e6, (c - b) / 1e6, (d - c) / 1e6);
    } finally {
      pg.drop(db);
    }
  }
}
