package dev.diet.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the reader makes of small plans: values, defaults, normalisation, locations and JSON. */
class PlanReaderTest {
  private static final String HEAD =
      "meta: {case_id: t, name: T, version: 1, managed_by: yaml}\n"
          + "plan: {name: T, status: draft}\n";

  private static final String MINIMAL =
      HEAD
          + "switch_classes:\n"
          + "  - switch_class_id: leaf\n"
          + "    fabric_name: frontend\n"
          + "    device_type_extension: ext\n"
          + "switch_port_zones:\n"
          + "  - switch_class: leaf\n"
          + "    zone_name: hosts\n"
          + "    zone_type: server\n"
          + "    port_spec: 1-4\n"
          + "server_classes: [{server_class_id: node, server_device_type: srv}]\n"
          + "server_connections:\n"
          + "  - {server_class: node, connection_id: c, nic: n, ports_per_connection: 1, target_zone: leaf/hosts, speed: 100}\n";

  private static Plan read(String yaml) {
    return PlanReader.readString(yaml, "t.yaml");
  }

  private static List<String> codes(String yaml) {
    PlanException e = catchThrowableOfType(PlanException.class, () -> read(yaml));
    assertThat(e).as("reading should fail").isNotNull();
    return e.problems().stream().map(Problem::code).collect(Collectors.toList());
  }

  @Test
  void appliesTheFormatsDefaults() {
    Plan plan = read(MINIMAL);
    SwitchClass leaf = plan.switchClasses().get(0);
    assertThat(leaf.fabricClass()).isEqualTo(FabricClass.MANAGED);
    assertThat(leaf.hedgehogRole()).isEmpty();
    assertThat(leaf.topologyMode()).isEmpty();
    assertThat(leaf.mclagPair()).isFalse();
    PortZone zone = plan.portZones().get(0);
    assertThat(zone.priority()).isEqualTo(100);
    assertThat(zone.allocationStrategy()).isEqualTo(AllocationStrategy.SEQUENTIAL);
    assertThat(zone.breakoutOption()).isEmpty();
    ServerClass node = plan.serverClasses().get(0);
    assertThat(node.quantity()).isZero();
    assertThat(node.category()).isEmpty();
    ServerConnection c = plan.serverConnections().get(0);
    assertThat(c.portIndex()).isZero();
    assertThat(c.hedgehogConnType()).isEqualTo(ConnectionType.UNBUNDLED);
    assertThat(c.distribution()).isEmpty();
    assertThat(plan.expected()).isEmpty();
    assertThat(plan.sourceName()).isEqualTo("t.yaml");
    assertThat(plan.readWarnings()).isEmpty();
  }

  @Test
  void fabricClassDefaultsByFabricName() {
    Plan plan = read(MINIMAL.replace("fabric_name: frontend", "fabric_name: storage"));
    assertThat(plan.switchClasses().get(0).fabricClass()).isEqualTo(FabricClass.UNMANAGED);
    Plan backend = read(MINIMAL.replace("fabric_name: frontend", "fabric_name: backend"));
    assertThat(backend.switchClasses().get(0).fabricClass()).isEqualTo(FabricClass.MANAGED);
  }

  @Test
  void mclagPairBecomesAnMclagClassWithADerivedGroup() {
    Plan plan = read(MINIMAL.replace("switch_class_id: leaf\n", "switch_class_id: FE_Leaf.A\n    mclag_pair: true\n").replace("switch_class: leaf", "switch_class: FE_Leaf.A").replace("leaf/hosts", "FE_Leaf.A/hosts"));
    SwitchClass leaf = plan.switchClasses().get(0);
    assertThat(leaf.redundancyType()).contains(RedundancyType.MCLAG);
    assertThat(leaf.redundancyGroup()).isEqualTo("mclag-fe-leaf-a");
    assertThat(leaf.groups()).containsExactly("mclag-fe-leaf-a");
  }

  @Test
  void anExplicitRedundancyTypeIsKeptWhenMclagPairIsSet() {
    Plan plan = read(MINIMAL.replace("switch_class_id: leaf\n", "switch_class_id: leaf\n    mclag_pair: true\n    redundancy_type: eslag\n    redundancy_group: g\n"));
    SwitchClass leaf = plan.switchClasses().get(0);
    assertThat(leaf.redundancyType()).contains(RedundancyType.ESLAG);
    assertThat(leaf.redundancyGroup()).isEqualTo("g");
  }

  @Test
  void legacyAliasesIdAndFabricAreAccepted() {
    Plan plan = read(MINIMAL.replace("switch_class_id: leaf", "id: leaf").replace("fabric_name: frontend", "fabric: frontend").replace("server_class_id: node", "id: node"));
    assertThat(plan.switchClasses().get(0).switchClassId()).isEqualTo("leaf");
    assertThat(plan.switchClasses().get(0).fabricName()).isEqualTo("frontend");
    assertThat(plan.serverClasses().get(0).serverClassId()).isEqualTo("node");
  }

  @Test
  void textLikeFieldsKeepTheScalarsText() {
    Plan plan = read(MINIMAL.replace("port_spec: 1-4", "port_spec: 064").replace("zone_name: hosts", "zone_name: yes").replace("leaf/hosts", "leaf/yes"));
    assertThat(plan.portZones().get(0).portSpec()).isEqualTo("064");
    assertThat(plan.portZones().get(0).zoneName()).isEqualTo("yes");
  }

  @Test
  void integersFollowYaml11() {
    Plan plan = read(MINIMAL.replace("server_device_type: srv}", "server_device_type: srv, quantity: 0x10, gpus_per_server: 1_000}"));
    assertThat(plan.serverClasses().get(0).quantity()).isEqualTo(16);
    assertThat(plan.serverClasses().get(0).gpusPerServer()).isEqualTo(1000);
    assertThat(Section.parseYamlInt("010")).isEqualTo(8);
    assertThat(Section.parseYamlInt("0b101")).isEqualTo(5);
    assertThat(Section.parseYamlInt("-42")).isEqualTo(-42);
    assertThat(Section.parseYamlInt("4x")).isNull();
  }

  @Test
  void yaml11BooleanWordsAreBooleans() {
    Plan plan = read(MINIMAL.replace("fabric_name: frontend\n", "fabric_name: frontend\n    mclag_pair: yes\n    redundancy_group: g\n"));
    assertThat(plan.switchClasses().get(0).mclagPair()).isTrue();
  }

  @Test
  void recordsTheLocationOfEveryObjectAndKey() {
    Plan plan = read(MINIMAL);
    assertThat(plan.locations().get("switch_classes[0]")).isEqualTo(new SourceLocation("t.yaml", 4, 5));
    assertThat(plan.locations().get("switch_classes[0].fabric_name")).isEqualTo(new SourceLocation("t.yaml", 5, 5));
    assertThat(plan.locations().get("switch_port_zones[0].port_spec")).isEqualTo(new SourceLocation("t.yaml", 11, 5));
    assertThat(plan.locations().get("server_connections[0].speed").line()).isEqualTo(14);
    assertThat(plan.locations().get("meta.case_id")).isEqualTo(new SourceLocation("t.yaml", 1, 8));
    assertThat(plan.locate("switch_port_zones[0].breakout_option")).isEqualTo(new SourceLocation("t.yaml", 8, 5));
  }

  @Test
  void anchorsAliasesAndMergeKeysWork() {
    String yaml =
        HEAD
            + "switch_classes:\n"
            + "  - &leaf {switch_class_id: a, fabric_name: frontend, device_type_extension: ext, hedgehog_role: server-leaf}\n"
            + "  - <<: *leaf\n"
            + "    switch_class_id: b\n"
            + "server_classes: []\n"
            + "server_connections: []\n";
    Plan plan = read(yaml);
    assertThat(plan.switchClasses()).extracting(SwitchClass::switchClassId).containsExactly("a", "b");
    assertThat(plan.switchClasses().get(1).hedgehogRole()).contains(HedgehogRole.SERVER_LEAF);
  }

  @Test
  void readsTheSameSchemaAsJson() {
    String json =
        "{\"meta\": {\"case_id\": \"j\", \"name\": \"J\", \"version\": 1, \"managed_by\": \"yaml\"},\n"
            + " \"plan\": {\"name\": \"J\", \"status\": \"review\"},\n"
            + " \"switch_classes\": [{\"switch_class_id\": \"leaf\", \"fabric_name\": \"frontend\", \"device_type_extension\": \"e\"}],\n"
            + " \"switch_port_zones\": [{\"switch_class\": \"leaf\", \"zone_name\": \"z\", \"zone_type\": \"server\", \"port_spec\": 64}],\n"
            + " \"server_classes\": [], \"server_connections\": []}\n";
    Plan plan = PlanReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "plan.json");
    assertThat(plan.info().status()).isEqualTo(PlanStatus.REVIEW);
    assertThat(plan.portZones().get(0).portSpec()).isEqualTo("64");
    assertThat(plan.locations().get("switch_port_zones[0].port_spec")).isEqualTo(new SourceLocation("plan.json", 4, 90));
    assertThat(PlanReader.readString(json, "no-extension")).isEqualTo(plan);
  }

  @Test
  void badJsonIsReportedWithItsPlace() {
    PlanException e = catchThrowableOfType(PlanException.class, () -> PlanReader.readString("{\"meta\": {\"case_id\": \"x\",}\n}", "bad.json"));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("yaml_parse_error");
      assertThat(p.location().line()).isEqualTo(1);
      assertThat(p.message()).contains("syntax error");
    });
  }

  @Test
  void collectsEveryProblemOfAFileAtOnce() {
    String yaml = MINIMAL.replace("zone_type: server", "zone_type: servers").replace("speed: 100", "speed: fast").replace("fabric_name: frontend", "fabric_name: frontend\n    colour: red");
    assertThat(codes(yaml)).containsExactly("unknown_key", "invalid_enum", "invalid_type");
  }

  @Test
  void warningsOfAReadablePlanStayWithThePlan() {
    Plan plan = read(MINIMAL.replace("port_spec: 1-4", "port_spec: 1-4\n    allocation_order: [2, 1]\n    contract_note: x"));
    assertThat(plan.readWarnings()).extracting(Problem::code).containsExactly("ignored_key", "unknown_key");
    assertThat(plan.readWarnings()).allSatisfy(p -> assertThat(p.isError()).isFalse());
  }

  @Test
  void knownButIgnoredKeysDoNotWarn() {
    Plan plan =
        read(MINIMAL.replace("plan: {name: T, status: draft}", "plan: {name: T, status: draft, mesh_ip_pool: 10.0.0.0/24}")
            .replace("fabric_name: frontend", "fabric_name: frontend\n    groups: [g1]")
            + "contract: {anything: [1, 2]}\n");
    assertThat(plan.readWarnings()).isEmpty();
  }

  @Test
  void theOriginalsCrashKeysAreMissingRequired() {
    assertThat(codes(MINIMAL.replace("    zone_type: server\n", ""))).containsExactly("missing_required");
    assertThat(codes(MINIMAL.replace(" speed: 100", ""))).containsExactly("missing_required");
    assertThat(codes(MINIMAL.replace(" ports_per_connection: 1,", ""))).containsExactly("missing_required");
  }

  @Test
  void anEmptyInputIsAPlanWithNothing() {
    assertThat(codes("")).containsOnly("missing_required").hasSize(5);
    assertThat(codes("# only a comment\n")).containsOnly("missing_required");
  }

  @Test
  void aScalarDocumentIsNotAPlan() {
    assertThat(codes("just some text")).containsExactly("invalid_type");
  }

  @Test
  void aMissingFileIsAPlanExceptionNamingIt() {
    assertThatThrownBy(() -> PlanReader.read(java.nio.file.Path.of("does/not/exist.yaml")))
        .isInstanceOf(PlanException.class)
        .satisfies(t -> assertThat(((PlanException) t).problems()).extracting(Problem::code).containsExactly("unreadable_file"))
        .hasMessageContaining("exist.yaml");
  }

  @Test
  void moduleTypesGetTheSeededTransceiverProfile() {
    Plan plan =
        read(MINIMAL
            + "reference_data:\n"
            + "  manufacturers: [{id: g, name: Generic}, {id: c, name: Celestica}]\n"
            + "  module_types:\n"
            + "    - {id: x1, manufacturer: g, model: QSFP112-200GBASE-SR2}\n"
            + "    - {id: x2, manufacturer: c, model: R4113-A9220-VR, attribute_data: {medium: MMF, lanes: 8, pattern: null}}\n"
            + "    - {id: nic, manufacturer: g, model: Some NIC}\n");
    assertThat(plan.moduleTypesById().get("x1").isTransceiver()).isTrue();
    assertThat(plan.moduleTypesById().get("x2").isTransceiver()).isTrue();
    assertThat(plan.moduleTypesById().get("x2").attributeData()).containsEntry("medium", "MMF").containsEntry("lanes", 8).doesNotContainKey("pattern");
    assertThat(plan.moduleTypesById().get("nic").isTransceiver()).isFalse();
  }
}
