package dev.diet.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every bundled DIET case loads unchanged, and what it loads matches the file. */
class SharedCasesReadTest {

  @Test
  void everySharedCaseLoads() {
    List<Path> plans = SharedFixtures.casePlans();
    assertThat(plans).isNotEmpty();
    for (Path file : plans) {
      Plan plan = PlanReader.read(file);
      String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
      assertThat(plan.id()).as(file.toString()).isEqualTo(stem);
      assertThat(plan.switchClasses()).as(file.toString()).isNotEmpty();
      assertThat(plan.serverClasses()).as(file.toString()).isNotEmpty();
      List<String> unknown =
          plan.readWarnings().stream().filter(p -> p.code().equals("unknown_key")).map(Problem::toString).collect(Collectors.toList());
      assertThat(unknown).as("known keys of " + file).isEmpty();
    }
  }

  @Test
  void the128GpuCaseReadsBareIntegerPortSpecsAsText() {
    Plan plan = PlanReader.read(SharedFixtures.casePlan("ux_case_128gpu_odd_ports"));
    assertThat(plan.zonesByRef().get("fe-spine/fe-spine-100G-downlinks").portSpec()).isEqualTo("64");
    assertThat(plan.zonesByRef().get("fe-spine/fe-spine-200G-downlinks").portSpec()).isEqualTo("1");
    assertThat(plan.switchClassesById().get("fe-gpu-leaf").uplinkPortsPerSwitch()).isEmpty();
    assertThat(plan.moduleTypesById().get("xcvr_celestica_vr").isTransceiver()).isTrue();
    assertThat(plan.serverClasses()).hasSize(9);
    assertThat(plan.serverConnections()).hasSize(26);
  }

  @Test
  void mclagPairBecomesRedundancyWithAGroup() {
    Plan plan = PlanReader.read(SharedFixtures.casePlan("ux_case_small_mclag"));
    SwitchClass leaf = plan.switchClassesById().get("fe-leaf");
    assertThat(leaf.redundancyType()).contains(RedundancyType.MCLAG);
    assertThat(leaf.mclagPair()).isTrue();
  }
}
