package dev.diet.netbox.jdbc;

import dev.diet.diff.DiffOptions;
import dev.diet.generate.Generator;
import dev.diet.plan.PlanReader;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TmpScaleTest {
  @Test
  void scale() throws Exception {
    String plan = System.getProperty("plan", "fabric-1k");
    DesiredState d = Generator.generate(PlanReader.read(Path.of("../examples/scale/" + plan + ".yaml")));
    System.out.println("objects " + d.size() + " " + d.countsByKind());
    try (PgTestDatabase db = PgTestDatabase.create(); JdbcNetBoxBackend b = db.backend()) {
      ProgressListener l = new ProgressListener() {
        long t0 = System.nanoTime();
        @Override public void started(Phase p, String detail, long total) { System.out.println("  " + (System.nanoTime() - t0) / 1000000 + "ms start " + detail + " " + total); }
        @Override public void progressed(Phase p, String detail, long done, long total) { if (detail.startsWith("write")) System.out.println("  " + (System.nanoTime() - t0) / 1000000 + "ms " + detail); }
      };
      Reconciler r = Reconciler.builder(b).build();
      long t = System.nanoTime();
      Preview p = r.plan(d, DiffOptions.defaults());
      System.out.println("plan(empty) " + (System.nanoTime() - t) / 1e6);
      t = System.nanoTime();
      var rep = b.apply(p.changeSet(), ApplyOptions.defaults(), l);
      System.out.println("apply " + (System.nanoTime() - t) / 1e6 + " " + rep);
      t = System.nanoTime();
      b.observe(Reconciler.scopeOf(d), ProgressListener.NONE);
      System.out.println("observe(full) " + (System.nanoTime() - t) / 1e6);
      t = System.nanoTime();
      Preview again = r.plan(d, DiffOptions.defaults());
      System.out.println("plan(full) " + (System.nanoTime() - t) / 1e6 + " noop=" + again.isNoOp());
    }
  }
}
