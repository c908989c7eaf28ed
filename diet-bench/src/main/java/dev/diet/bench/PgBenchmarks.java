package dev.diet.bench;

import dev.diet.generate.Generator;
import dev.diet.state.DesiredState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
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
 * Writes into PostgreSQL with NetBox's real schema: each measured call starts from a fresh copy of
 * the schema-and-seed template, made outside the measurement.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class PgBenchmarks {
  static final String RUN_DB = "diet_bench_run";

  /** The generated plan and a fresh NetBox database for each iteration. */
  @State(Scope.Benchmark)
  public static class FreshNetBox {
    @Param({"10k"})
    public String size;

    public DesiredState desired;
    public PgDatabases pg;
    public Connection db;

    @Setup(Level.Trial)
    public void load() {
      desired = Generator.generate(ScalePlans.plan(size));
      pg = PgDatabases.require();
      pg.ensureTemplate();
    }

    @Setup(Level.Iteration)
    public void fresh() throws SQLException {
      pg.recreate(RUN_DB, PgDatabases.TEMPLATE);
      db = pg.connect(RUN_DB);
    }

    @TearDown(Level.Iteration)
    public void close() throws SQLException {
      db.close();
    }

    @TearDown(Level.Trial)
    public void drop() {
      pg.drop(RUN_DB);
    }
  }

  /** Raw COPY of the rows a full apply writes: the floor for apply_pg. */
  @Benchmark
  public long copy_baseline_pg(FreshNetBox netbox) throws SQLException {
    return CopyBaseline.write(netbox.db, netbox.desired);
  }
}
