package dev.diet.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.Plan;
import dev.diet.plan.PlanReader;
import dev.diet.state.DesiredState;
import dev.diet.state.GenerationCounts;
import dev.diet.state.ObjectKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scale plans in examples/scale generate inside a normal test with the default heap. Their
 * speed is measured in diet-bench, not here.
 */
class ScalePlanTest {

  static Path example(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples/scale").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("examples/scale/" + name + " is part of the repository and must exist");
  }

  @Test
  void tenThousandServerPlanGenerates() {
    Plan plan = PlanReader.read(example("fabric-10k.yaml"));
    DesiredState state = Generator.generate(plan);
    assertThat(state.switchQuantities()).isEqualTo(Map.of(
        "fe-gpu-leaf", 16, "fe-gpu-spine", 8, "fe-cpu-leaf", 64, "fe-cpu-spine", 16, "be-rail-leaf", 128, "be-spine", 32, "oob-leaf", 200));
    assertThat(state.counts()).isEqualTo(new GenerationCounts(9680, 47104, 41472));
    assertThat(state.countsByKind()).containsEntry(ObjectKind.INTERFACE, 91136).containsEntry(ObjectKind.CABLE, 41472);
  }

  @Test
  void oneThousandServerPlanGenerates() {
    DesiredState state = Generator.generate(PlanReader.read(example("fabric-1k.yaml")));
    assertThat(state.switchQuantities()).isEqualTo(Map.of(
        "fe-gpu-leaf", 2, "fe-gpu-spine", 1, "fe-cpu-leaf", 8, "fe-cpu-spine", 2, "be-rail-leaf", 16, "be-spine", 4, "oob-leaf", 26));
    assertThat(state.counts().devices()).isEqualTo(1211);
  }
}
