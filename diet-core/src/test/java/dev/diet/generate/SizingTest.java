package dev.diet.generate;

import static dev.diet.generate.TestPlans.connection;
import static dev.diet.generate.TestPlans.plan;
import static dev.diet.generate.TestPlans.switchClass;
import static dev.diet.generate.TestPlans.zone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.Distribution;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.Plan;
import dev.diet.plan.RedundancyType;
import dev.diet.plan.SwitchClass;
import dev.diet.plan.ZoneType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sizing cases the original's tests assert (§4.9), and the sizing decisions. */
class SizingTest {

  /** A leaf with zone 1-12 (1x100g), 100G connections, uplink_ports_per_switch 0, fed by the given server classes. */
  private static TestPlans.Builder smallLeaf(SwitchClass.Builder leaf) {
    return plan("sizing")
        .switchType("sw", "Switch 12x100G", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 100, "1x100g")
        .nicType("dual", "p0", "p1")
        .switchClass(leaf.uplinkPortsPerSwitch(0))
        .zone(zone("leaf", "down", ZoneType.SERVER, "1-12", "1x100g"));
  }

  private static TestPlans.Builder withServers(TestPlans.Builder b, String id, int quantity, Distribution d) {
    return b.servers(id, "srv", quantity)
        .nic(id, "nic", "dual")
        .connection(connection(id, "c", "nic", 2, d, "leaf/down", 100));
  }

  private static int leaves(Plan plan) {
    SizingResult r = Sizing.calculate(plan);
    assertThat(r.problems()).isEmpty();
    return r.effective("leaf");
  }

  private static SwitchClass.Builder leaf() {
    return switchClass("leaf", "frontend", HedgehogRole.SERVER_LEAF, "ext");
  }

  @Test
  void alternatingNeedsTwoSwitches() {
    assertThat(leaves(withServers(smallLeaf(leaf()), "a", 1, Distribution.ALTERNATING).build())).isEqualTo(2);
  }

  @Test
  void noServersNoSwitches() {
    assertThat(leaves(withServers(smallLeaf(leaf()), "a", 0, Distribution.ALTERNATING).build())).isZero();
  }

  @Test
  void theBusiestZoneDecides() {
    TestPlans.Builder b = withServers(smallLeaf(leaf()), "a", 7, Distribution.ALTERNATING);
    assertThat(leaves(withServers(b, "b", 7, Distribution.ALTERNATING).build())).isEqualTo(3);
  }

  @Test
  void sameSwitchFitsOnOne() {
    assertThat(leaves(withServers(smallLeaf(leaf()), "a", 1, Distribution.SAME_SWITCH).build())).isEqualTo(1);
  }

  @Test
  void oneAlternatingConnectionRaisesTheMinimum() {
    TestPlans.Builder b = withServers(smallLeaf(leaf()), "a", 1, Distribution.ALTERNATING);
    assertThat(leaves(withServers(b, "b", 1, Distribution.SAME_SWITCH).build())).isEqualTo(2);
  }

  @Test
  void mclagRoundsUpToEvenPairs() {
    assertThat(leaves(withServers(smallLeaf(leaf().redundancyType(RedundancyType.MCLAG)), "a", 1, Distribution.ALTERNATING).build())).isEqualTo(2);
    assertThat(leaves(withServers(smallLeaf(leaf().redundancyType(RedundancyType.MCLAG)), "a", 13, Distribution.SAME_SWITCH).build())).isEqualTo(4);
    assertThat(leaves(withServers(smallLeaf(leaf().mclagPair(true)), "a", 13, Distribution.SAME_SWITCH).build())).isEqualTo(4);
    assertThat(leaves(withServers(smallLeaf(leaf().redundancyType(RedundancyType.MCLAG)), "a", 0, Distribution.SAME_SWITCH).build())).isEqualTo(2);
    assertThat(leaves(withServers(smallLeaf(leaf().redundancyType(RedundancyType.ESLAG)), "a", 13, Distribution.SAME_SWITCH).build())).isEqualTo(3);
  }

  @Test
  void overrideWinsEvenWhenZero() {
    SizingResult r = Sizing.calculate(withServers(smallLeaf(leaf().overrideQuantity(0)), "a", 7, Distribution.ALTERNATING).build());
    assertThat(r.quantities().get("leaf").calculated()).contains(2);
    assertThat(r.effective("leaf")).isZero();
    assertThat(r.quantities().get("leaf")).hasToString("0 (override; calculated 2)");
  }

  @Test
  void railSizingUses2x400gLanes() {
    TestPlans.Builder b = plan("rail")
        .switchType("sw", "DS5000", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 800, "1x800g", "2x400g")
        .nicType("single", "port0")
        .switchClass(switchClass("leaf", "backend", HedgehogRole.SERVER_LEAF, "ext").uplinkPortsPerSwitch(0))
        .zone(zone("leaf", "rails", ZoneType.SERVER, "1-32", "2x400g"))
        .servers("gpu", "srv", 32);
    for (int r = 0; r < 8; r++) {
      b.nic("gpu", "be" + r, "single").connection(connection("gpu", "be-" + r, "be" + r, 1, Distribution.RAIL_OPTIMIZED, "leaf/rails", 400).rail(r));
    }
    assertThat(leaves(b.build())).isEqualTo(4);
  }

  /** Decision #5: the rail formula uses the zone the connections target, not the class's first server zone. */
  @Test
  void railSizingUsesTheTargetedZone() {
    TestPlans.Builder b = plan("rail")
        .switchType("sw", "DS5000", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 800, "1x800g", "2x400g")
        .nicType("single", "port0")
        .switchClass(switchClass("leaf", "backend", HedgehogRole.SERVER_LEAF, "ext").uplinkPortsPerSwitch(0))
        .zone(zone("leaf", "a-small", ZoneType.SERVER, "1-2", "2x400g").priority(10))
        .zone(zone("leaf", "b-rails", ZoneType.SERVER, "3-34", "2x400g").priority(20))
        .servers("gpu", "srv", 32);
    for (int r = 0; r < 2; r++) {
      b.nic("gpu", "be" + r, "single").connection(connection("gpu", "be-" + r, "be" + r, 1, Distribution.RAIL_OPTIMIZED, "leaf/b-rails", 400).rail(r));
    }
    // 64 ports of demand on 64 lanes: one switch; the first zone by priority (4 lanes) would say 16.
    assertThat(leaves(b.build())).isEqualTo(1);
  }

  @Test
  void spinesFollowLeafUplinks() {
    SizingResult r = Sizing.calculate(TestPlans.example1());
    assertThat(r.effective("fe-leaf")).isEqualTo(2);
    assertThat(r.effective("fe-spine")).isEqualTo(1);
    assertThat(r.quantities().get("fe-spine").calculated()).isEqualTo(Optional.of(1));
  }

  /** Decision #7: servers wired to a spine's own server zones count towards its quantity. */
  @Test
  void spineServerZonesCount() {
    Plan p = plan("spine_servers")
        .switchType("sw", "Switch", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 100, "1x100g")
        .nicType("dual", "p0", "p1")
        .switchClass(switchClass("spine", "frontend", HedgehogRole.SPINE, "ext").uplinkPortsPerSwitch(0))
        .zone(zone("spine", "fabric", ZoneType.FABRIC, "1-8", "1x100g"))
        .zone(zone("spine", "hosts", ZoneType.SERVER, "9-10", "1x100g"))
        .servers("gw", "srv", 3)
        .nic("gw", "nic", "dual")
        .connection(connection("gw", "c", "nic", 2, Distribution.SAME_SWITCH, "spine/hosts", 100))
        .build();
    assertThat(Sizing.calculate(p).effective("spine")).isEqualTo(3);
  }

  @Test
  void meshClassesKeepTheirOverride() {
    SizingResult r = Sizing.calculate(TestPlans.example4());
    assertThat(r.quantities().get("fe-leaf").calculated()).isEmpty();
    assertThat(r.effective("fe-leaf")).isEqualTo(2);
  }
}
