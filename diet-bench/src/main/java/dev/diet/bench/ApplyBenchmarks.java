package dev.diet.bench;

import dev.diet.diff.DiffOptions;
import dev.diet.generate.Generator;
import dev.diet.netbox.jdbc.JdbcNetBoxBackend;
import dev.diet.netbox.rest.RestConfig;
import dev.diet.netbox.rest.RestNetBoxBackend;
import dev.diet.netbox.rest.fake.FakeNetBox;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.NetBoxBackend;
import dev.diet.state.DesiredState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end applies as a user runs them ({@link Reconciler#planAndApply}: observe, diff, apply)
 * against the real backends. Every measured call starts from a fresh target made outside the
 * measurement: an empty H2 directory, a fresh copy of the NetBox PostgreSQL template, a new
 * in-process fake NetBox.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class ApplyBenchmarks {
  static final String BASE_DB = "diet_bench_base";

  /** The generated plan of a size. */
  @State(Scope.Benchmark)
  public static class Plan {
    @Param({"10k"})
    public String size;

    public DesiredState desired;

    @Setup(Level.Trial)
    public void generate() {
      desired = Generator.generate(ScalePlans.plan(size));
    }
  }

  /** An empty embedded H2 NetBox per iteration. */
  @State(Scope.Benchmark)
  public static class H2 {
    Path directory;
    JdbcNetBoxBackend backend;

    @Setup(Level.Iteration)
    public void fresh() throws IOException {
      directory = Files.createTempDirectory("diet-bench-h2");
      backend = JdbcNetBoxBackend.embedded(directory);
    }

    @TearDown(Level.Iteration)
    public void close() {
      backend.close();
      delete(directory);
    }
  }

  /** A fresh copy of the NetBox schema-and-seed template per iteration. */
  @State(Scope.Benchmark)
  public static class Pg {
    PgDatabases pg;
    JdbcNetBoxBackend backend;

    @Setup(Level.Trial)
    public void template() {
      pg = PgDatabases.require();
      pg.ensureTemplate();
    }

    @Setup(Level.Iteration)
    public void fresh() {
      pg.recreate(PgBenchmarks.RUN_DB, PgDatabases.TEMPLATE);
      backend = JdbcNetBoxBackend.connect(pg.urlOf(PgBenchmarks.RUN_DB), pg.user(), pg.password());
    }

    @TearDown(Level.Iteration)
    public void close() {
      backend.close();
    }

    @TearDown(Level.Trial)
    public void drop() {
      pg.drop(PgBenchmarks.RUN_DB);
    }
  }

  /**
   * NetBox holding the plan minus its last ten storage servers, applied once per trial into a
   * template database and copied fresh for each iteration. The ten servers bring 160 objects; the
   * generator's balanced same-switch placement also moves part of the class's existing links (at
   * 10k about 3,400 cables are replaced), which is what a user adding them would apply too.
   */
  @State(Scope.Benchmark)
  public static class PgWithoutTenServers {
    PgDatabases pg;
    JdbcNetBoxBackend backend;
    public int operations;

    @Setup(Level.Trial)
    public void base(Plan plan) {
      pg = PgDatabases.require();
      pg.ensureTemplate();
      pg.recreate(BASE_DB, PgDatabases.TEMPLATE);
      try (JdbcNetBoxBackend base = JdbcNetBoxBackend.connect(pg.urlOf(BASE_DB), pg.user(), pg.password())) {
        Reconciler reconciler = Reconciler.builder(base).build();
        reconciler.planAndApply(Generator.generate(ScalePlans.minusStorage(plan.size, 10)), DiffOptions.defaults());
        Preview step = reconciler.plan(plan.desired, DiffOptions.defaults());
        operations = step.changeSet().operations().size();
        if (step.toAdd() < 150 || step.conflictCount() > 0) {
          throw new IllegalStateException("ten more servers should add their 160 objects without conflicts, got " + step.summaryLine());
        }
      }
    }

    @Setup(Level.Iteration)
    public void fresh() {
      pg.recreate(PgBenchmarks.RUN_DB, BASE_DB);
      backend = JdbcNetBoxBackend.connect(pg.urlOf(PgBenchmarks.RUN_DB), pg.user(), pg.password());
    }

    @TearDown(Level.Iteration)
    public void close() {
      backend.close();
    }

    @TearDown(Level.Trial)
    public void drop() {
      pg.drop(PgBenchmarks.RUN_DB);
      pg.drop(BASE_DB);
    }
  }

  /** A new in-process fake NetBox (the REST backend's test server) per iteration. */
  @State(Scope.Benchmark)
  public static class Rest {
    FakeNetBox netbox;
    RestNetBoxBackend backend;

    @Setup(Level.Iteration)
    public void fresh() {
      netbox = FakeNetBox.start();
      backend = RestNetBoxBackend.connect(RestConfig.builder(netbox.uri(), netbox.token()).build());
    }

    @TearDown(Level.Iteration)
    public void close() {
      backend.close();
      netbox.close();
    }
  }

  @Benchmark
  public ApplyOutcome apply_h2(Plan plan, H2 h2) {
    return apply(h2.backend, plan.desired);
  }

  @Benchmark
  public ApplyOutcome apply_pg(Plan plan, Pg pg) {
    return apply(pg.backend, plan.desired);
  }

  /** +10 servers end to end: observe the applied plan, diff, apply the new servers' objects. */
  @Benchmark
  public ApplyOutcome apply_incremental_pg(Plan plan, PgWithoutTenServers pg) {
    return apply(pg.backend, plan.desired);
  }

  /** The client's cost of a REST apply; the fake server shares the JVM and the cores. */
  @Benchmark
  public ApplyOutcome apply_rest(Plan plan, Rest rest) {
    return apply(rest.backend, plan.desired);
  }

  private static ApplyOutcome apply(NetBoxBackend backend, DesiredState desired) {
    ApplyOutcome outcome = Reconciler.builder(backend).build().planAndApply(desired, DiffOptions.defaults());
    if (!outcome.succeeded()) {
      throw new IllegalStateException("apply failed: " + outcome.report());
    }
    return outcome;
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
