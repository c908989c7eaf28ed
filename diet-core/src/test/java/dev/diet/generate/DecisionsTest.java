package dev.diet.generate;

import static dev.diet.generate.TestPlans.connection;
import static dev.diet.generate.TestPlans.editSwitchClass;
import static dev.diet.generate.TestPlans.plan;
import static dev.diet.generate.TestPlans.switchClass;
import static dev.diet.generate.TestPlans.zone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.AllocationStrategy;
import dev.diet.plan.Distribution;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.Plan;
import dev.diet.plan.RedundancyType;
import dev.diet.plan.TopologyMode;
import dev.diet.plan.ZoneType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where decisions.md departs from the original DIET, the generator follows the decision. */
class DecisionsTest {

  /** Decision #1: with one port per connection, alternating spreads servers, not ports. */
  @Test
  void alternatingWithOnePortAlternatesByServer() {
    Plan p = plan("alt1")
        .switchType("sw", "Switch", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 800, "4x200g")
        .nicType("bf3", "p0", "p1")
        .switchClass(switchClass("fe-leaf", "frontend", HedgehogRole.SERVER_LEAF, "ext").uplinkPortsPerSwitch(0).redundancyType(RedundancyType.ESLAG))
        .zone(zone("fe-leaf", "down", ZoneType.SERVER, "1-16", "4x200g"))
        .servers("gpu", "srv", 3)
        .nic("gpu", "fe", "bf3")
        .connection(connection("gpu", "fe", "fe", 1, Distribution.ALTERNATING, "fe-leaf/down", 200))
        .build();
    assertThat(new Graph(Generator.generate(p)).cables()).containsExactly(
        "gpu-001:fe-p0 <-> fe-leaf-01:E1/1/1",
        "gpu-002:fe-p0 <-> fe-leaf-02:E1/1/1",
        "gpu-003:fe-p0 <-> fe-leaf-01:E1/1/2");
  }

  /** Decision #2: an uplink zone with a peer zone is wired only by the peer phase, whatever uplink_ports_per_switch says. */
  @Test
  void peerZoneUplinksAreNotAlsoWiredToSpines() {
    Plan p = editSwitchClass(TestPlans.example3(), "fe-leaf", s -> s.withUplinkPortsPerSwitch(Optional.empty()));
    assertThat(GenerationCheck.check(p)).isEmpty();
    assertThat(new Graph(Generator.generate(p)).cables()).isEqualTo(new Graph(Generator.generate(TestPlans.example3())).cables());
  }

  /** Decision #3: a request spills into the next zone once the first is partly used. */
  @Test
  void allocationAcrossZonesUsesWhatIsLeft() {
    Plan p = plan("spill")
        .switchType("sw", "Switch", 1, 0, "other")
        .extension("ext", "sw", 100, "1x100g")
        .switchClass(switchClass("leaf", "frontend", HedgehogRole.SERVER_LEAF, "ext").overrideQuantity(2))
        .switchClass(switchClass("spine", "frontend", HedgehogRole.SPINE, "ext").overrideQuantity(1).uplinkPortsPerSwitch(0))
        .zone(zone("leaf", "up", ZoneType.UPLINK, "10-12", "1x100g"))
        .zone(zone("spine", "a", ZoneType.FABRIC, "1-4", "1x100g").priority(10))
        .zone(zone("spine", "b", ZoneType.FABRIC, "5-8", "1x100g").priority(20))
        .build();
    assertThat(new Graph(Generator.generate(p)).cables()).containsExactly(
        "leaf-01:E1/10 <-> spine-01:E1/1",
        "leaf-01:E1/11 <-> spine-01:E1/2",
        "leaf-01:E1/12 <-> spine-01:E1/3",
        "leaf-02:E1/10 <-> spine-01:E1/4",
        "leaf-02:E1/11 <-> spine-01:E1/5",
        "leaf-02:E1/12 <-> spine-01:E1/6");
  }

  /** Decision #6: rails are counted as distinct values (two connections on rail 0 are one rail). */
  @Test
  void railsAreCountedDistinct() {
    TestPlans.Builder b = plan("rails")
        .switchType("sw", "Switch", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 400)
        .nicType("single", "port0")
        .switchClass(switchClass("be", "backend", HedgehogRole.SERVER_LEAF, "ext").uplinkPortsPerSwitch(0))
        .zone(zone("be", "rails", ZoneType.SERVER, "1-12", "1x400g"))
        .servers("gpu", "srv", 4);
    int[] rails = {0, 0, 1, 2, 3};
    for (int c = 0; c < rails.length; c++) {
      b.nic("gpu", "n" + c, "single").connection(connection("gpu", "c" + c, "n" + c, 1, Distribution.RAIL_OPTIMIZED, "be/rails", 400).rail(rails[c]));
    }
    Graph g = new Graph(Generator.generate(b.build()));
    assertThat(g.state().switchQuantities()).containsEntry("be", 2);
    // Four rails over two leaves: rails 0-1 on be-01, rails 2-3 on be-02 (five would have put rail 2 on be-01 and overflowed it).
    assertThat(g.cables()).contains("gpu-001:n3-port0 <-> be-02:E1/1", "gpu-004:n4-port0 <-> be-02:E1/8", "gpu-004:n2-port0 <-> be-01:E1/12");
  }

  /** Decision #6: a fabric with two mesh classes is wired once. */
  @Test
  void meshFabricWithTwoClassesIsWiredOnce() {
    Plan p = plan("mesh2")
        .switchType("sw", "Switch", 1, 0, "other")
        .extension("ext", "sw", 800, "1x800g")
        .switchClass(switchClass("mesh-a", "frontend", HedgehogRole.SERVER_LEAF, "ext").topologyMode(TopologyMode.MESH).overrideQuantity(1))
        .switchClass(switchClass("mesh-b", "frontend", HedgehogRole.SERVER_LEAF, "ext").topologyMode(TopologyMode.MESH).overrideQuantity(1))
        .zone(zone("mesh-a", "m", ZoneType.MESH, "1-2", "1x800g"))
        .zone(zone("mesh-b", "m", ZoneType.MESH, "3-4", "1x800g"))
        .build();
    assertThat(new Graph(Generator.generate(p)).cables()).containsExactly(
        "mesh-a-01:E1/1 <-> mesh-b-01:E1/3", "mesh-a-01:E1/2 <-> mesh-b-01:E1/4");
  }

  /** Decision #14: overlapping zones never hand out one interface twice. */
  @Test
  void overlappingZonesSkipInterfacesAlreadyInUse() {
    Plan p = plan("overlap")
        .switchType("sw", "Switch", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 100, "1x100g")
        .nicType("single", "port0")
        .switchClass(switchClass("leaf", "frontend", HedgehogRole.SERVER_LEAF, "ext").uplinkPortsPerSwitch(0))
        .zone(zone("leaf", "a", ZoneType.SERVER, "1-2", "1x100g").priority(10))
        .zone(zone("leaf", "b", ZoneType.SERVER, "2-3", "1x100g").priority(20))
        .servers("a", "srv", 2)
        .servers("b", "srv", 1)
        .nic("a", "nic", "single")
        .nic("b", "nic", "single")
        .connection(connection("a", "c", "nic", 1, Distribution.SAME_SWITCH, "leaf/a", 100))
        .connection(connection("b", "c", "nic", 1, Distribution.SAME_SWITCH, "leaf/b", 100))
        .build();
    assertThat(new Graph(Generator.generate(p)).cables()).containsExactly(
        "a-001:nic-port0 <-> leaf-01:E1/1", "a-002:nic-port0 <-> leaf-01:E1/2", "b-001:nic-port0 <-> leaf-01:E1/3");
  }

  /** Decision #13: the custom strategy follows the zone's port_order. */
  @Test
  void customStrategyFollowsThePortOrder() {
    Plan p = plan("custom")
        .switchType("sw", "Switch", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 100, "1x100g")
        .nicType("single", "port0")
        .switchClass(switchClass("leaf", "frontend", HedgehogRole.SERVER_LEAF, "ext").uplinkPortsPerSwitch(0))
        .zone(zone("leaf", "a", ZoneType.SERVER, "1-4", "1x100g").allocationStrategy(AllocationStrategy.CUSTOM).addPortOrder(4, 2, 1, 3))
        .servers("a", "srv", 3)
        .nic("a", "nic", "single")
        .connection(connection("a", "c", "nic", 1, Distribution.SAME_SWITCH, "leaf/a", 100))
        .build();
    assertThat(new Graph(Generator.generate(p)).cables()).containsExactly(
        "a-001:nic-port0 <-> leaf-01:E1/4", "a-002:nic-port0 <-> leaf-01:E1/2", "a-003:nic-port0 <-> leaf-01:E1/1");
  }

  /** Decision #15: the first fabric zone by priority is the spine capacity, ties broken by zone name. */
  @Test
  void priorityTiesAreBrokenByZoneName() {
    Plan p = plan("tie")
        .switchType("sw", "Switch", 1, 0, "other")
        .extension("ext", "sw", 100, "1x100g")
        .switchClass(switchClass("leaf", "frontend", HedgehogRole.SERVER_LEAF, "ext").overrideQuantity(2))
        .switchClass(switchClass("spine", "frontend", HedgehogRole.SPINE, "ext").uplinkPortsPerSwitch(0))
        .zone(zone("leaf", "up", ZoneType.UPLINK, "10-13", "1x100g"))
        .zone(zone("spine", "b-big", ZoneType.FABRIC, "1-16", "1x100g"))
        .zone(zone("spine", "a-small", ZoneType.FABRIC, "17-20", "1x100g"))
        .build();
    assertThat(Sizing.calculate(p).effective("spine")).isEqualTo(2);
  }
}
