package dev.diet.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.GenerationCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four worked examples of the generation rules (§11), name for name and cable for cable. */
class WorkedExamplesTest {

  @Test
  void example1MclagPairAlternatingBreakoutOneSpine() {
    DesiredState state = Generator.generate(TestPlans.example1());
    Graph g = new Graph(state);

    assertThat(state.switchQuantities()).isEqualTo(Map.of("fe-leaf", 2, "fe-spine", 1));
    assertThat(g.deviceNames()).containsExactly(
        "fe-leaf-01", "fe-leaf-02", "fe-spine-01", "gpu-small-001", "gpu-small-002", "gpu-small-003", "gpu-small-004");
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      expected.add("gpu-small-00" + n + ":fe-p0 <-> fe-leaf-01:E1/1/" + n);
      expected.add("gpu-small-00" + n + ":fe-p1 <-> fe-leaf-02:E1/1/" + n);
    }
    for (int j = 1; j <= 8; j++) {
      expected.add("fe-leaf-01:E1/" + (16 + j) + " <-> fe-spine-01:E1/" + j);
      expected.add("fe-leaf-02:E1/" + (16 + j) + " <-> fe-spine-01:E1/" + (8 + j));
    }
    assertThat(g.cables()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(state.counts()).isEqualTo(new GenerationCounts(7, 40, 24));

    assertThat(g.type("fe-leaf-01:E1/1/3")).isEqualTo("200gbase-x-qsfp56");
    assertThat(g.type("fe-leaf-02:E1/20")).isEqualTo("800gbase-x-qsfpdd");
    assertThat(g.type("fe-spine-01:E1/2")).isEqualTo("800gbase-x-qsfpdd");
    assertThat(g.type("fe-spine-01:E1/16")).isEqualTo("800gbase-x-qsfpdd");
  }

  @Test
  void example1CustomFieldsAndBootMacs() {
    Graph g = new Graph(Generator.generate(TestPlans.example1()));
    DesiredObject leaf = g.device("fe-leaf-01");
    assertThat(leaf.field("cf.boot_mac")).isEqualTo("02:95:fa:72:6a:56");
    assertThat(g.device("fe-leaf-02").field("cf.boot_mac")).isEqualTo("02:c2:05:8e:66:6c");
    assertThat(g.device("fe-spine-01").field("cf.boot_mac")).isEqualTo("02:51:14:70:c8:a5");
    assertThat(leaf.field("cf.hedgehog_class")).isEqualTo("fe-leaf");
    assertThat(leaf.field("cf.hedgehog_fabric")).isEqualTo("frontend");
    assertThat(leaf.field("cf.hedgehog_fabric_class")).isEqualTo("managed");
    assertThat(leaf.field("cf.hedgehog_role")).isEqualTo("server-leaf");
    assertThat(leaf.field("cf.hedgehog_plan_id")).isEqualTo("example_1");
    assertThat(leaf.field(Fields.STATUS)).isEqualTo("planned");
    assertThat(leaf.tags()).containsExactly("hedgehog-generated");

    DesiredObject port = g.iface("fe-leaf-01:E1/1/3");
    assertThat(port.field("cf.hedgehog_zone")).isEqualTo("server-downlinks");
    assertThat(port.field("cf.hedgehog_physical_port")).isEqualTo(1);
    assertThat(port.field("cf.hedgehog_breakout_index")).isEqualTo(3);
    DesiredObject uplink = g.iface("fe-leaf-01:E1/17");
    assertThat(uplink.field("cf.hedgehog_breakout_index")).isNull();
    assertThat(uplink.field("cf.hedgehog_physical_port")).isEqualTo(17);

    DesiredObject server = g.device("gpu-small-001");
    assertThat(server.fields().keySet()).containsExactlyInAnyOrder(
        "name", "site", "role", "device_type", "status", "cf.hedgehog_plan_id", "cf.hedgehog_class");
    DesiredObject nicPort = g.iface("gpu-small-001:fe-p0");
    assertThat(nicPort.tags()).isEmpty();
    assertThat(nicPort.key().toString()).isEqualTo("example_1:interface:server/gpu-small/1/fe/p0");
  }

  @Test
  void example2aRailDomainMode() {
    DesiredState state = Generator.generate(TestPlans.example2("1-2", 8, 2));
    Graph g = new Graph(state);
    assertThat(state.switchQuantities()).containsEntry("be-rail-leaf", 8);
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      int domain = (n - 1) / 2;
      int port = (n - 1) % 2 + 1;
      for (int r = 0; r < 2; r++) {
        expected.add(String.format("gpu-%03d:nic-rail-%d-port0 <-> be-rail-leaf-%02d:E1/%d", n, r, domain * 2 + r + 1, port));
      }
    }
    assertThat(g.cables()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(g.cables()).contains(
        "gpu-001:nic-rail-0-port0 <-> be-rail-leaf-01:E1/1",
        "gpu-002:nic-rail-1-port0 <-> be-rail-leaf-02:E1/2",
        "gpu-003:nic-rail-0-port0 <-> be-rail-leaf-03:E1/1",
        "gpu-008:nic-rail-1-port0 <-> be-rail-leaf-08:E1/2");
    assertThat(state.counts()).isEqualTo(new GenerationCounts(16, 16, 16));
  }

  @Test
  void example2bRailSharingMode() {
    DesiredState state = Generator.generate(TestPlans.example2("1-8", 4, 4));
    Graph g = new Graph(state);
    assertThat(state.switchQuantities()).containsEntry("be-rail-leaf", 2);
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      expected.add("gpu-00" + n + ":nic-rail-0-port0 <-> be-rail-leaf-01:E1/" + (2 * n - 1));
      expected.add("gpu-00" + n + ":nic-rail-1-port0 <-> be-rail-leaf-01:E1/" + (2 * n));
      expected.add("gpu-00" + n + ":nic-rail-2-port0 <-> be-rail-leaf-02:E1/" + (2 * n - 1));
      expected.add("gpu-00" + n + ":nic-rail-3-port0 <-> be-rail-leaf-02:E1/" + (2 * n));
    }
    assertThat(g.cables()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(state.counts()).isEqualTo(new GenerationCounts(6, 16, 16));
  }

  @Test
  void example3SurrogateSameSwitchAndPeerZoneUplinks() {
    DesiredState state = Generator.generate(TestPlans.example3());
    Graph g = new Graph(state);
    assertThat(state.switchQuantities()).isEqualTo(Map.of("fe-leaf", 2, "fe-spine", 2, "oob-leaf", 1));
    assertThat(g.deviceNames()).containsExactly(
        "fe-leaf-01", "fe-leaf-02", "fe-spine-01", "fe-spine-02", "node-001", "node-002", "node-003", "oob-leaf-01");
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      expected.add("node-00" + n + ":bmc-bmc0 <-> oob-leaf-01:E1/" + n);
      expected.add("node-00" + n + ":fe-p0 <-> fe-leaf-01:E1/" + n);
      expected.add("node-00" + n + ":fe-p1 <-> fe-leaf-02:E1/" + n);
    }
    expected.add("oob-leaf-01:E1/49 <-> fe-leaf-01:E1/5/1");
    expected.add("oob-leaf-01:E1/50 <-> fe-leaf-02:E1/5/1");
    expected.add("fe-leaf-01:E1/9 <-> fe-spine-01:E1/1");
    expected.add("fe-leaf-01:E1/10 <-> fe-spine-01:E1/2");
    expected.add("fe-leaf-01:E1/11 <-> fe-spine-02:E1/1");
    expected.add("fe-leaf-01:E1/12 <-> fe-spine-02:E1/2");
    expected.add("fe-leaf-02:E1/9 <-> fe-spine-01:E1/3");
    expected.add("fe-leaf-02:E1/10 <-> fe-spine-01:E1/4");
    expected.add("fe-leaf-02:E1/11 <-> fe-spine-02:E1/3");
    expected.add("fe-leaf-02:E1/12 <-> fe-spine-02:E1/4");
    assertThat(g.cables()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(state.counts()).isEqualTo(new GenerationCounts(8, 29, 19));

    assertThat(g.cableAt("oob-leaf-01:E1/49").field("cf.hedgehog_zone")).isEqualTo("oob");
    assertThat(g.cableAt("fe-leaf-01:E1/9").fields()).doesNotContainKey("cf.hedgehog_zone");
    assertThat(g.type("oob-leaf-01:E1/2")).isEqualTo("1000base-x-sfp");
    assertThat(g.type("fe-leaf-02:E1/3")).isEqualTo("100gbase-x-qsfp28");
    assertThat(g.type("fe-leaf-01:E1/11")).isEqualTo("100gbase-x-qsfp28");
    assertThat(g.type("fe-spine-02:E1/4")).isEqualTo("100gbase-x-qsfp28");
    assertThat(g.type("oob-leaf-01:E1/50")).isEqualTo("25gbase-x-sfp28");
    assertThat(g.type("fe-leaf-02:E1/5/1")).isEqualTo("25gbase-x-sfp28");
  }

  @Test
  void example4TwoSwitchMesh() {
    DesiredState state = Generator.generate(TestPlans.example4());
    Graph g = new Graph(state);
    assertThat(state.switchQuantities()).containsEntry("fe-leaf", 2);
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      String port = n <= 4 ? "E1/1/" + n : "E1/3/" + (n - 4);
      expected.add("compute-00" + n + ":fe-p0 <-> fe-leaf-01:" + port);
      expected.add("compute-00" + n + ":fe-p1 <-> fe-leaf-02:" + port);
    }
    expected.add("fe-leaf-01:E1/2 <-> fe-leaf-02:E1/2");
    expected.add("fe-leaf-01:E1/4 <-> fe-leaf-02:E1/4");
    expected.add("fe-leaf-01:E1/6 <-> fe-leaf-02:E1/6");
    assertThat(g.cables()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(state.counts()).isEqualTo(new GenerationCounts(10, 22, 19));
    assertThat(g.type("fe-leaf-02:E1/4")).isEqualTo("800gbase-x-osfp");
    assertThat(g.cableAt("fe-leaf-01:E1/2").key().toString()).isEqualTo("example_4:cable:mesh/fe-leaf/1/E1/2");
  }
}
