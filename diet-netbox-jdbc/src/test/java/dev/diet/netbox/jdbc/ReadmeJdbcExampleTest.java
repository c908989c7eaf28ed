package dev.diet.netbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.diff.DiffOptions;
import dev.diet.generate.Generator;
import dev.diet.plan.PlanReader;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Reconciler;
import dev.diet.state.DesiredState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's JDBC example, run as written against an embedded database in a scratch folder. */
class ReadmeJdbcExampleTest {
  @TempDir Path directory;

  @Test
  void theReadmeExampleAppliesThePlanIntoTheEmbeddedDatabase() {
    Path planFile = Path.of("../examples/lab-two-tor.yaml");
    // README:begin jdbc
    DesiredState desired = Generator.generate(PlanReader.read(planFile));
    try (JdbcNetBoxBackend netbox = JdbcNetBoxBackend.embedded(directory)) {   // H2 files in that folder
      // or JdbcNetBoxBackend.connect("jdbc:postgresql://db:5432/netbox", "netbox", null), password from PGPASSWORD
      ApplyOutcome outcome = Reconciler.builder(netbox).build().planAndApply(desired, DiffOptions.defaults());
      System.out.println(outcome.succeeded() ? outcome.preview().summaryLine() : outcome.report().toString());
    }
    // README:end
    try (JdbcNetBoxBackend netbox = JdbcNetBoxBackend.embedded(directory)) {
      var again = Reconciler.builder(netbox).build().plan(desired, DiffOptions.defaults());
      assertThat(again.hasChanges()).isFalse();
    }
  }
}
