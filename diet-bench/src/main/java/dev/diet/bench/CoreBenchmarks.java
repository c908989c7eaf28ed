package dev.diet.bench;

import dev.diet.diff.DiffOptions;
import dev.diet.diff.DiffResult;
import dev.diet.generate.Generator;
import dev.diet.memory.InMemoryNetBox;
import dev.diet.memory.StoredObject;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanReader;
import dev.diet.preflight.Preflight;
import dev.diet.reconcile.Reconciler;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKind;
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
import org.openjdk.jmh.annotations.Warmup;

/** Read + preflight, generate, and diff against an in-memory NetBox that holds the applied plan. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class CoreBenchmarks {

  /** The plan's YAML text and its generated state. */
  @State(Scope.Benchmark)
  public static class Plans {
    @Param({"10k"})
    public String size;

    public String yaml;
    public Plan plan;
    public DesiredState desired;

    @Setup(Level.Trial)
    public void load() {
      yaml = ScalePlans.yaml(size);
      plan = PlanReader.readString(yaml, "fabric-" + size + ".yaml");
      desired = Generator.generate(plan);
    }
  }

  /** An in-memory NetBox holding the applied plan; with {@code drift}, 1 % of its objects edited by hand. */
  @State(Scope.Benchmark)
  public static class Applied {
    public InMemoryNetBox netbox;
    public Reconciler reconciler;

    void apply(DesiredState desired) {
      netbox = new InMemoryNetBox();
      reconciler = Reconciler.builder(netbox).build();
      reconciler.planAndApply(desired, DiffOptions.defaults());
    }

    /** Edits every hundredth device, module and interface the way a person would. */
    int drift() {
      int edited = 0;
      int seen = 0;
      for (ObjectKind kind : new ObjectKind[] {ObjectKind.DEVICE, ObjectKind.MODULE, ObjectKind.INTERFACE}) {
        for (StoredObject o : netbox.all(kind)) {
          if (o.ownerPlan().isEmpty() || seen++ % 100 != 0) {
            continue;
          }
          switch (kind) {
            case DEVICE:
              netbox.edit(kind, o.id(), Fields.STATUS, "offline");
              break;
            case MODULE:
              netbox.edit(kind, o.id(), Fields.SERIAL, "drifted-" + o.id());
              break;
            default:
              netbox.edit(kind, o.id(), Fields.ENABLED, Boolean.FALSE);
              break;
          }
          edited++;
        }
      }
      return edited;
    }
  }

  /** The applied plan, unchanged. */
  @State(Scope.Benchmark)
  public static class NoChange extends Applied {
    @Setup(Level.Trial)
    public void setUp(Plans plans) {
      apply(plans.desired);
      DiffResult check = reconciler.diff(plans.desired, DiffOptions.defaults());
      if (!check.changeSet().isEmpty()) {
        throw new IllegalStateException("applied plan still differs: " + check.changeSet().operations().size() + " operations");
      }
    }
  }

  /** The applied plan with 1 % of devices, modules and interfaces drifted. */
  @State(Scope.Benchmark)
  public static class Drifted extends Applied {
    @Setup(Level.Trial)
    public void setUp(Plans plans) {
      apply(plans.desired);
      int edited = drift();
      DiffResult check = reconciler.diff(plans.desired, DiffOptions.defaults());
      if (check.changeSet().isEmpty() && check.conflicts().isEmpty() && edited > 0) {
        throw new IllegalStateException("drift of " + edited + " objects went unnoticed");
      }
    }
  }

  @Benchmark
  public Plan read(Plans plans) {
    Plan plan = PlanReader.readString(plans.yaml, "fabric-" + plans.size + ".yaml");
    Preflight.requireValid(plan);
    return plan;
  }

  @Benchmark
  public DesiredState generate(Plans plans) {
    return Generator.generate(plans.plan);
  }

  /**
   * Observe + diff when NetBox already matches the plan, with the fingerprint a preview shows (the
   * diff computes it on first use).
   */
  @Benchmark
  public String diff_nochange(Plans plans, NoChange netbox) {
    return netbox.reconciler.diff(plans.desired, DiffOptions.defaults()).fingerprint();
  }

  /** Observe + diff (with the preview's fingerprint) when 1 % of the objects were edited in NetBox. */
  @Benchmark
  public String diff_drift1pct(Plans plans, Drifted netbox) {
    return netbox.reconciler.diff(plans.desired, DiffOptions.defaults()).fingerprint();
  }
}
