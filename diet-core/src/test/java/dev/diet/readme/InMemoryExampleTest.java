package dev.diet.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.diff.DiffOptions;
import dev.diet.generate.Generator;
import dev.diet.memory.InMemoryNetBox;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanReader;
import dev.diet.preflight.Preflight;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.ReconcileStatus;
import dev.diet.reconcile.Reconciler;
import dev.diet.state.DesiredState;
import dev.diet.state.ObjectKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's in-memory example, run as written (the README block is checked against it). */
class InMemoryExampleTest {

  @Test
  void theReadmeExampleAppliesThePlanAndThenFindsNothingToDo() {
    Path planFile = ReadmeBlocks.repoRoot().resolve("examples/lab-two-tor.yaml");
    // README:begin in-memory
    Plan plan = PlanReader.read(planFile);
    Preflight.requireValid(plan);                       // PlanException listing every problem
    DesiredState desired = Generator.generate(plan);

    InMemoryNetBox netbox = new InMemoryNetBox();
    Reconciler reconciler = Reconciler.builder(netbox).build();
    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    System.out.print(preview.text());                   // + ~ - ! lines and "Plan: N to add, ..."
    ApplyOutcome outcome = reconciler.apply(preview);   // all or nothing; outcome.report() says what failed
    System.out.println(netbox.count(ObjectKind.DEVICE) + " devices, " + reconciler.status(desired).status());
    // README:end
    assertThat(outcome.succeeded()).isTrue();
    assertThat(netbox.count(ObjectKind.DEVICE)).isEqualTo(desired.counts().devices()).isPositive();
    assertThat(reconciler.status(desired).status()).isEqualTo(ReconcileStatus.IN_SYNC);
    assertThat(reconciler.plan(desired, DiffOptions.defaults()).hasChanges()).isFalse();
  }
}
