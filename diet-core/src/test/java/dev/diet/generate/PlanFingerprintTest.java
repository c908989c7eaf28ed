package dev.diet.generate;

import static dev.diet.generate.TestPlans.editServerClass;
import static dev.diet.generate.TestPlans.editZone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.DeviceCategory;
import dev.diet.plan.DeviceType;
import dev.diet.plan.DeviceTypeExtension;
import dev.diet.plan.InterfaceTemplate;
import dev.diet.plan.NamingTemplate;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanReader;
import dev.diet.plan.ReferenceData;
import dev.diet.plan.SwitchClass;
import dev.diet.testing.SharedFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanFingerprintTest {
  private static final Plan BASE = TestPlans.example3();
  private static final String PRINT = PlanFingerprint.of(BASE);

  @Test
  void isSixtyFourHexDigitsAndTheStatesFingerprint() {
    assertThat(PRINT).matches("[0-9a-f]{64}");
    assertThat(Generator.generate(BASE).fingerprint()).isEqualTo(PRINT);
  }

  @Test
  void ignoresTheOrderOfEntries() {
    Plan shuffled = BASE.withSwitchClasses(reversed(BASE.switchClasses()))
        .withPortZones(reversed(BASE.portZones()))
        .withServerNics(reversed(BASE.serverNics()))
        .withServerConnections(reversed(BASE.serverConnections()))
        .withReferenceData(BASE.referenceData()
            .withDeviceTypes(reversed(BASE.referenceData().deviceTypes()))
            .withDeviceTypeExtensions(reversed(BASE.referenceData().deviceTypeExtensions()))
            .withModuleTypes(reversed(BASE.referenceData().moduleTypes()))
            .withBreakoutOptions(reversed(BASE.referenceData().breakoutOptions())));
    assertThat(PlanFingerprint.of(shuffled)).isEqualTo(PRINT);
  }

  @Test
  void ignoresFormattingOfEquivalentInputs() {
    assertThat(PlanFingerprint.of(editZone(BASE, "fe-leaf/srv", z -> z.withPortSpec(" 1-2, 3 ,4,1")))).isEqualTo(PRINT);
    assertThat(PlanFingerprint.of(BASE.withInfo(BASE.info().withDescription("changed")))).isEqualTo(PRINT);
    assertThat(PlanFingerprint.of(renameExtension(BASE, "x100", "hundred"))).isEqualTo(PRINT);
  }

  @Test
  void changesWithEveryInputThatShapesTheGraph() {
    List<Plan> changed = List.of(
        editServerClass(BASE, "node", s -> s.withQuantity(4)),
        editZone(BASE, "fe-leaf/srv", z -> z.withPortSpec("1-5")),
        editZone(BASE, "fe-leaf/srv", z -> z.withPriority(11)),
        BASE.withNamingTemplates(NamingTemplate.builder().deviceCategory(DeviceCategory.SERVER).pattern("n-{index}").build()),
        BASE.withReferenceData(BASE.referenceData().withBreakoutOptions(
            BASE.referenceData().breakoutOptions().get(0).withLogicalPorts(2))),
        BASE.withMeta(BASE.meta().withCaseId("other")),
        withTemplates(BASE, "x100hw", InterfaceTemplate.of("E1/1", "100gbase-x-qsfp28")));
    for (Plan p : changed) {
      assertThat(PlanFingerprint.of(p)).isNotEqualTo(PRINT);
    }
    assertThat(PlanFingerprint.of(BASE, GeneratorOptions.defaults().withSite("lab"))).isNotEqualTo(PRINT);
  }

  @Test
  void sharedCasesWithTheSameTopologyDifferOnlyByPlanId() {
    Plan a = PlanReader.read(SharedFixtures.casePlan("training_opg64_clos_ro"));
    Plan b = PlanReader.read(SharedFixtures.casePlan("inference_opg64_clos_ro"));
    assertThat(PlanFingerprint.of(b.withMeta(b.meta().withCaseId(a.id())))).isEqualTo(PlanFingerprint.of(a));
  }

  private static final String LAB_BLOCK = String.join("\n",
      "# two top-of-rack switches and three servers",
      "meta:",
      "  case_id: lab_pair",
      "  name: Lab Pair",
      "  version: 1",
      "  managed_by: yaml",
      "reference_data:",
      "  manufacturers:",
      "    - {id: acme, name: Acme, slug: acme}",
      "  device_types:",
      "    - {id: tor_hw, manufacturer: acme, model: Acme T32}",
      "    - {id: node_hw, manufacturer: acme, model: Acme Node}",
      "  device_type_extensions:",
      "    - {id: tor_meta, device_type: tor_hw, native_speed: 800, supported_breakouts: [2x400g]}",
      "  module_types:",
      "    - id: nic",
      "      manufacturer: acme",
      "      model: Acme NIC",
      "      interface_templates: [{name: a}, {name: b}]",
      "plan: {name: Lab Pair, status: draft}",
      "switch_classes:",
      "  - {switch_class_id: tor, fabric_name: frontend, fabric_class: managed, hedgehog_role: server-leaf, device_type_extension: tor_meta}",
      "switch_port_zones:",
      "  - {switch_class: tor, zone_name: hosts, zone_type: server, port_spec: \"1-3\", breakout_option: 2x400g}",
      "server_classes:",
      "  - {server_class_id: node, quantity: 3, server_device_type: node_hw}",
      "server_nics:",
      "  - {server_class: node, nic_id: data, module_type: nic}",
      "server_connections:",
      "  - {server_class: node, connection_id: data, nic: data, ports_per_connection: 2, distribution: alternating,"
          + " target_zone: tor/hosts, speed: 400}",
      "");

  private static final String LAB_REORDERED = String.join("\n",
      "server_connections:",
      "  - speed: 400",
      "    target_zone: tor/hosts   # the only zone",
      "    distribution: alternating",
      "    ports_per_connection: 2",
      "    nic: data",
      "    connection_id: data",
      "    server_class: node",
      "server_nics: [{module_type: nic, nic_id: data, server_class: node}]",
      "server_classes: [{server_device_type: node_hw, quantity: 3, server_class_id: node}]",
      "switch_port_zones: [{breakout_option: 2x400g, port_spec: '1-2,3', zone_type: server, zone_name: hosts, switch_class: tor}]",
      "switch_classes: [{device_type_extension: tor_meta, hedgehog_role: server-leaf, fabric_class: managed, fabric_name: frontend,"
          + " switch_class_id: tor}]",
      "plan: {status: draft, name: Lab Pair}",
      "reference_data:",
      "  module_types: [{interface_templates: [{name: a}, {name: b}], model: Acme NIC, manufacturer: acme, id: nic}]",
      "  device_type_extensions: [{supported_breakouts: [2x400g], native_speed: 800, device_type: tor_hw, id: tor_meta}]",
      "  device_types: [{model: Acme Node, manufacturer: acme, id: node_hw}, {model: Acme T32, manufacturer: acme, id: tor_hw}]",
      "  manufacturers: [{slug: acme, name: Acme, id: acme}]",
      "meta: {managed_by: yaml, version: 1, name: Lab Pair, case_id: lab_pair}",
      "");

  @Test
  void yamlFormattingChangesNothing() {
    Plan block = PlanReader.readString(LAB_BLOCK, "block.yaml");
    Plan reordered = PlanReader.readString(LAB_REORDERED, "reordered.yaml");
    assertThat(PlanFingerprint.of(reordered)).isEqualTo(PlanFingerprint.of(block));
    assertThat(GenerateJson.toJson(Generator.generate(reordered))).isEqualTo(GenerateJson.toJson(Generator.generate(block)));
    assertThat(new Graph(Generator.generate(block)).cables()).contains("node-003:data-b <-> tor-02:E1/2/1");
  }

  private static <T> List<T> reversed(List<T> items) {
    List<T> out = new ArrayList<>(items);
    Collections.reverse(out);
    return out;
  }

  private static Plan renameExtension(Plan p, String from, String to) {
    ReferenceData ref = p.referenceData();
    List<DeviceTypeExtension> exts = ref.deviceTypeExtensions().stream()
        .map(e -> e.id().equals(from) ? e.withId(to) : e).collect(Collectors.toList());
    List<SwitchClass> classes = p.switchClasses().stream()
        .map(s -> s.deviceTypeExtension().equals(from) ? s.withDeviceTypeExtension(to) : s).collect(Collectors.toList());
    return p.withReferenceData(ref.withDeviceTypeExtensions(exts)).withSwitchClasses(classes);
  }

  private static Plan withTemplates(Plan p, String deviceType, InterfaceTemplate... templates) {
    List<DeviceType> types = p.referenceData().deviceTypes().stream()
        .map(d -> d.id().equals(deviceType) ? d.withInterfaceTemplates(templates) : d).collect(Collectors.toList());
    return p.withReferenceData(p.referenceData().withDeviceTypes(types));
  }
}
