package dev.diet.generate;

import static dev.diet.generate.TestPlans.connection;
import static dev.diet.generate.TestPlans.editConnection;
import static dev.diet.generate.TestPlans.editServerClass;
import static dev.diet.generate.TestPlans.editSwitchClass;
import static dev.diet.generate.TestPlans.editZone;
import static dev.diet.generate.TestPlans.plan;
import static dev.diet.generate.TestPlans.switchClass;
import static dev.diet.generate.TestPlans.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diet.plan.Distribution;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.Plan;
import dev.diet.plan.Problem;
import dev.diet.plan.RedundancyType;
import dev.diet.plan.ServerClass;
import dev.diet.plan.SourceLocation;
import dev.diet.plan.ZoneType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans that cannot be generated: each yields a typed problem with a stable code and the plan path to fix. */
class GenerationProblemsTest {

  /** Asserts the check and the generator agree on exactly one error, and returns it. */
  private static Problem onlyError(Plan plan) {
    List<Problem> problems = GenerationCheck.check(plan);
    assertThat(problems).filteredOn(Problem::isError).hasSize(1);
    assertThatThrownBy(() -> Generator.generate(plan))
        .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.problems()).isEqualTo(problems));
    Problem p = problems.stream().filter(Problem::isError).findFirst().get();
    assertThat(p.hint()).isPresent();
    return p;
  }

  @Test
  void serverZoneTooSmallForTheServers() {
    Plan plan = editSwitchClass(editServerClass(TestPlans.example1(), "gpu-small", s -> s.withQuantity(100)), "fe-leaf", s -> s.withOverrideQuantity(2));
    Problem p = onlyError(plan);
    assertThat(p.code()).isEqualTo("zone_over_capacity");
    assertThat(p.path()).isEqualTo("switch_port_zones[0]");
    assertThat(p.message()).contains("fe-leaf/server-downlinks", "needs 100", "capacity is 64", "fe-leaf-01", "16 port(s) × 4 lane(s)");
  }

  /** Decision #4: spine sizing counts physical uplinks, wiring logical ones; the mismatch is an error, not an overflow at apply. */
  @Test
  void spineFabricZoneTooSmallForBrokenOutUplinks() {
    Plan plan = editZone(TestPlans.example1(), "fe-leaf/uplinks", z -> z.withBreakoutOption("2x400g"));
    Problem p = onlyError(plan);
    assertThat(p.code()).isEqualTo("zone_over_capacity");
    assertThat(p.path()).isEqualTo("switch_port_zones[2]");
    assertThat(p.message()).contains("fe-spine/leaf-downlinks", "needs 32", "capacity is 24");
  }

  @Test
  void noAllowedBreakoutGivesTheConnectionSpeed() {
    Plan plan = TestPlans.example1().withReferenceData(TestPlans.example1().referenceData().withDeviceTypeExtensions(
        TestPlans.example1().referenceData().deviceTypeExtensions().get(0).withSupportedBreakouts("4x200g")));
    plan = editConnection(plan, "gpu-small", "fe", c -> c.withSpeed(100));
    List<Problem> problems = GenerationCheck.check(plan);
    assertThat(problems).extracting(Problem::code).containsExactly("no_suitable_breakout", "spine_sizing_skipped");
    assertThat(problems.get(0).path()).isEqualTo("switch_port_zones[0]");
    assertThat(problems.get(0).message()).contains("fe-leaf", "(4x200g)", "100G lanes on a 800G port");
    assertThat(problems.get(1).path()).isEqualTo("switch_classes[1]");
  }

  @Test
  void eslagAllowsAtMostFourSwitches() {
    Plan plan = plan("eslag")
        .switchType("sw", "Switch", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 100, "1x100g")
        .nicType("dual", "p0", "p1")
        .switchClass(switchClass("leaf", "frontend", HedgehogRole.SERVER_LEAF, "ext").uplinkPortsPerSwitch(0).redundancyType(RedundancyType.ESLAG))
        .zone(zone("leaf", "down", ZoneType.SERVER, "1-12", "1x100g"))
        .servers("node", "srv", 30)
        .nic("node", "nic", "dual")
        .connection(connection("node", "c", "nic", 2, Distribution.SAME_SWITCH, "leaf/down", 100))
        .build();
    Problem p = onlyError(plan);
    assertThat(p.code()).isEqualTo("eslag_too_many_switches");
    assertThat(p.path()).isEqualTo("switch_classes[0]");
    assertThat(p.message()).contains("at most 4", "needs 5");
  }

  @Test
  void meshNeedsTwoOrThreeSwitches() {
    Problem p = onlyError(editSwitchClass(TestPlans.example4(), "fe-leaf", s -> s.withOverrideQuantity(4)));
    assertThat(p.code()).isEqualTo("mesh_size");
    assertThat(p.path()).isEqualTo("switch_classes[0]");
    assertThat(p.message()).contains("2 or 3", "has 4");
  }

  @Test
  void threeSwitchMeshNeedsAnEvenCapacity() {
    Problem p = onlyError(editSwitchClass(TestPlans.example4(), "fe-leaf", s -> s.withOverrideQuantity(3)));
    assertThat(p.code()).isEqualTo("mesh_capacity_odd");
  }

  @Test
  void meshClassWithoutMeshZone() {
    Problem p = onlyError(editZone(TestPlans.example4(), "fe-leaf/fe-mesh-links", z -> null));
    assertThat(p.code()).isEqualTo("missing_mesh_zone");
    assertThat(p.path()).isEqualTo("switch_classes[0]");
  }

  @Test
  void leafWiredToSpinesNeedsAnUplinkZone() {
    Problem p = onlyError(editZone(TestPlans.example1(), "fe-leaf/uplinks", z -> null));
    assertThat(p.code()).isEqualTo("missing_uplink_zone");
    assertThat(p.path()).isEqualTo("switch_classes[0]");
    assertThat(p.message()).contains("fe-leaf", "frontend");
  }

  @Test
  void spineNeedsAFabricZone() {
    Problem p = onlyError(editZone(TestPlans.example1(), "fe-spine/leaf-downlinks", z -> null));
    assertThat(p.code()).isEqualTo("missing_fabric_zone");
    assertThat(p.path()).isEqualTo("switch_classes[1]");
  }

  @Test
  void spineSizingNeedsTheLeavesUplinkConfiguration() {
    Plan plan = editSwitchClass(editZone(TestPlans.example1(), "fe-leaf/uplinks", z -> null), "fe-leaf",
        s -> s.withUplinkPortsPerSwitch(Optional.empty()));
    Problem p = onlyError(plan);
    assertThat(p.code()).isEqualTo("missing_uplink_config");
    assertThat(p.path()).isEqualTo("switch_classes[0]");
  }

  @Test
  void connectionToAClassWithoutSwitches() {
    Problem p = onlyError(editSwitchClass(TestPlans.example1(), "fe-leaf", s -> s.withOverrideQuantity(0)));
    assertThat(p.code()).isEqualTo("target_class_empty");
    assertThat(p.path()).isEqualTo("server_connections[0]");
  }

  @Test
  void nicPortsAreCheckedWithoutTransceivers() {
    Problem p = onlyError(editConnection(TestPlans.example1(), "gpu-small", "fe", c -> c.withPortIndex(1)));
    assertThat(p.code()).isEqualTo("nic_port_out_of_range");
    assertThat(p.path()).isEqualTo("server_connections[0].ports_per_connection");
    assertThat(p.message()).contains("ports 1..2", "2 port(s)");
  }

  @Test
  void railOptimizedNeedsARail() {
    Problem p = onlyError(editConnection(TestPlans.example2("1-8", 4, 4), "gpu", "BE-RAIL-2", c -> c.withRail(Optional.empty())));
    assertThat(p.code()).isEqualTo("missing_rail");
    assertThat(p.path()).isEqualTo("server_connections[2].distribution");
  }

  /** Decision #8: names are unique per site, case-insensitively. */
  @Test
  void twoClassesWhoseNamesCollide() {
    Plan base = TestPlans.example1();
    ServerClass other = base.serverClasses().get(0).withServerClassId("GPU-small");
    Plan plan = base.withServerClasses(base.serverClasses().get(0), other);
    Problem p = onlyError(plan);
    assertThat(p.code()).isEqualTo("name_collision");
    // GPU-small is named first (code-point order), so the error sits on the class named second.
    assertThat(p.path()).isEqualTo("server_classes[0]");
    assertThat(p.message()).contains("gpu-small-001", "server class GPU-small", "server class gpu-small");
  }

  @Test
  void unknownReferencesAreReportedBeforeSizing() {
    Problem p = onlyError(editZone(TestPlans.example1(), "fe-leaf/uplinks", z -> z.withBreakoutOption("9x9g")));
    assertThat(p.code()).isEqualTo("unknown_reference");
    assertThat(p.path()).isEqualTo("switch_port_zones[1].breakout_option");
  }

  @Test
  void problemsCarryTheirSourceLocation() {
    Plan plan = editSwitchClass(TestPlans.example1(), "fe-leaf", s -> s.withOverrideQuantity(0))
        .withLocations(Map.of("server_connections[0]", new SourceLocation("plan.yaml", 42, 5)))
        .withSourceName("plan.yaml");
    Problem p = onlyError(plan);
    assertThat(p.location()).isEqualTo(new SourceLocation("plan.yaml", 42, 5));
  }
}
