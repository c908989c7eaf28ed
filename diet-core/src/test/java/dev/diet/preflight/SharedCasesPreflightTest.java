package dev.diet.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.Plan;
import dev.diet.plan.PlanReader;
import dev.diet.plan.Problem;
import dev.diet.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every bundled DIET case passes preflight without errors; the known quirks are warnings. */
class SharedCasesPreflightTest {

  @Test
  void everySharedCasePassesPreflight() {
    for (Path file : SharedFixtures.casePlans()) {
      Plan plan = PlanReader.read(file);
      List<String> errors = Preflight.check(plan).stream().filter(Problem::isError).map(Problem::toString).collect(Collectors.toList());
      assertThat(errors).as(file.toString()).isEmpty();
      Preflight.requireValid(plan);
    }
  }

  @Test
  void theOverlappingRailZonesOfThe128GpuCaseAreAWarning() {
    List<Problem> problems = Preflight.check(PlanReader.read(SharedFixtures.casePlan("ux_case_128gpu_odd_ports")));
    assertThat(problems)
        .filteredOn(p -> p.code().equals("zone_overlap"))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.isError()).isFalse();
          assertThat(p.path()).isEqualTo("switch_port_zones[8].port_spec");
          assertThat(p.message()).contains("be-leaf-downlinks", "backend-uplinks", "33");
        });
    assertThat(problems).filteredOn(p -> p.code().equals("unknown_category")).hasSize(6);
  }
}
