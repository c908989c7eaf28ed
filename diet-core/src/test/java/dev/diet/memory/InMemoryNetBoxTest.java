package dev.diet.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diet.diff.Action;
import dev.diet.diff.ChangeSet;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.Operation;
import dev.diet.diff.Ownership;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.testing.TestFabric;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NetBox's rules as the in-memory NetBox enforces them, and its person-at-the-UI methods. */
class InMemoryNetBoxTest {
  private static final Instant APPLY_TIME = Instant.parse("2025-05-06T07:08:09Z");
  private static final Instant MANUAL_TIME = Instant.parse("2025-06-07T08:09:10Z");

  private final TestFabric fabric = TestFabric.of("lab").withServers(2).withLeafPorts(8);
  private final DesiredState desired = fabric.build();
  private InMemoryNetBox netbox;

  @BeforeEach
  void applyTheFabric() {
    netbox = new InMemoryNetBox(Clock.fixed(MANUAL_TIME, ZoneOffset.UTC));
    ApplyReport report = netbox.apply(plan(desired).changeSet(), options(), ProgressListener.NONE);
    assertThat(report.failures()).isEmpty();
  }

  @Test
  void deviceNamesAreUniquePerSiteIgnoringCase() {
    assertThatThrownBy(() -> netbox.addDevice("lab", fabric.serverName(1).toUpperCase(), "server", TestFabric.SERVER_TYPE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unique per site, ignoring case");
    netbox.create(ObjectKind.SITE, Map.of(Fields.NAME, "Other", Fields.SLUG, "other"));
    assertThat(netbox.addDevice("other", fabric.serverName(1), "server", TestFabric.SERVER_TYPE)).isPositive();
  }

  @Test
  void interfaceNamesAreUniquePerDeviceAndCaseSensitive() {
    long server = device(fabric.serverKey(1));
    assertThatThrownBy(() -> netbox.addInterface(server, TestFabric.SERVER_TEMPLATE, "1000base-t"))
        .hasMessageContaining("already exists on device");
    assertThat(netbox.addInterface(server, TestFabric.SERVER_TEMPLATE.toUpperCase(), "1000base-t")).isPositive();
  }

  @Test
  void anInterfaceTakesOneCable() {
    long port = owned(fabric.nicPortKey(1, 0)).id();
    long spare = netbox.addInterface(device(fabric.serverKey(1)), "spare", "other");
    assertThatThrownBy(() -> netbox.addCable(spare, port)).hasMessageContaining("already has cable");
    assertThatThrownBy(() -> netbox.addCable(spare, spare)).hasMessageContaining("to itself");
  }

  @Test
  void deviceTypeTemplatesBecomeInterfacesAndAreAdoptedByName() {
    long leaf = device(fabric.leafKey(1));
    List<StoredObject> ports = netbox.interfacesOf(leaf);
    assertThat(ports).extracting(p -> p.field(Fields.NAME)).containsExactlyInAnyOrderElementsOf(fabric.leafTemplateNames());
    StoredObject adopted = ports.stream().filter(p -> p.ownerKey().isPresent()).findFirst().orElseThrow();
    assertThat(adopted.customFields()).containsEntry("hedgehog_zone", "server");
    assertThat(adopted.tags()).contains(TestFabric.TAG);
    assertThat(ports.stream().filter(p -> p.ownerKey().isEmpty())).allMatch(p -> p.customFields().isEmpty());
  }

  @Test
  void modulesDoNotReplicateTheirTypesTemplates() {
    long server = device(fabric.serverKey(1));
    assertThat(netbox.interfacesOf(server)).extracting(p -> p.field(Fields.NAME))
        .containsExactlyInAnyOrder(TestFabric.SERVER_TEMPLATE, "nic-p0", "nic-p1");
    long module = owned(ObjectKey.owned("lab", ObjectKind.MODULE, "server/gpu/1/nic")).id();
    assertThat(netbox.interfacesOf(server).stream().filter(i -> Long.valueOf(module).equals(i.field(Fields.MODULE)))).hasSize(2);
  }

  @Test
  void anApplyCannotDeleteAnInterfaceThatStillHasACable() {
    ObservedObject port = owned(fabric.nicPortKey(1, 0));
    ChangeSet deleteOnly = changeSet(new Operation(Action.DELETE, fabric.nicPortKey(1, 0), OptionalLong.of(port.id()), "nic-p0",
        Map.of(), Map.of(), Set.of(), null, ""));
    ApplyReport report = netbox.apply(deleteOnly, options(), ProgressListener.NONE);
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("delete the cable first"));
    assertThat(report.rolledBack()).isTrue();
    assertThat(netbox.get(ObjectKind.INTERFACE, port.id())).isPresent();
  }

  @Test
  void aFailedApplyRestoresRowsIdsAndChangelog() {
    DesiredState bigger = fabric.withServers(4).build();
    ChangeSet changeSet = plan(bigger).changeSet();
    netbox.addDevice("lab", fabric.serverName(4), "server", TestFabric.SERVER_TYPE);
    int devices = netbox.count(ObjectKind.DEVICE);
    int interfaces = netbox.count(ObjectKind.INTERFACE);
    int log = netbox.changelog().size();
    long nextDeviceId = netbox.all(ObjectKind.DEVICE).stream().mapToLong(StoredObject::id).max().orElseThrow() + 1;

    ApplyReport report = netbox.apply(changeSet, options(), ProgressListener.NONE);
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.key()).isEqualTo(fabric.serverKey(4)));
    assertThat(report.done()).isEmpty();
    assertThat(netbox.count(ObjectKind.DEVICE)).isEqualTo(devices);
    assertThat(netbox.count(ObjectKind.INTERFACE)).isEqualTo(interfaces);
    assertThat(netbox.changelog()).hasSize(log);
    long created = netbox.create(ObjectKind.SITE, Map.of(Fields.NAME, "X", Fields.SLUG, "x"));
    assertThat(created).isEqualTo(2);
    assertThat(netbox.addDevice("x", "probe", "server", TestFabric.SERVER_TYPE)).isEqualTo(nextDeviceId);
  }

  @Test
  void anIpAddressOnATemplateInterfaceOfAnOwnedDeviceIsAnExternalReferenceOfTheDevice() {
    long server = device(fabric.serverKey(2));
    long bmc = netbox.interfacesOf(server).stream().filter(i -> TestFabric.SERVER_TEMPLATE.equals(i.field(Fields.NAME))).findFirst().orElseThrow().id();
    long ip = netbox.addIpAddress(bmc, "192.0.2.9/24");
    assertThat(observe().externalReferences()).singleElement().satisfies(r -> {
      assertThat(r.target()).isEqualTo(fabric.serverKey(2));
      assertThat(r.kind()).isEqualTo("ipam.ipaddress");
      assertThat(r.id()).isEqualTo(ip);
      assertThat(r.description()).isEqualTo("IP address 192.0.2.9/24 on lab-srv-002:" + TestFabric.SERVER_TEMPLATE);
    });
  }

  @Test
  void customFieldsMustBeDefinedForTheObjectType() {
    long leaf = device(fabric.leafKey(1));
    assertThatThrownBy(() -> netbox.edit(ObjectKind.DEVICE, leaf, "cf.nope", "x")).hasMessageContaining("custom field 'nope' is not defined");
    assertThatThrownBy(() -> netbox.edit(ObjectKind.DEVICE, leaf, "cf.hedgehog_zone", "x"))
        .hasMessageContaining("not defined for dcim.device");
    long port = owned(fabric.nicPortKey(1, 0)).id();
    assertThatThrownBy(() -> netbox.edit(ObjectKind.INTERFACE, port, "cf.hedgehog_physical_port", "7")).hasMessageContaining("integer");
    assertThatThrownBy(() -> netbox.edit(ObjectKind.DEVICE, leaf, "colour", "red")).hasMessageContaining("has no field 'colour'");
  }

  @Test
  void deletingADeviceByHandTakesItsComponentsCablesAndIpAddresses() {
    long server = device(fabric.serverKey(1));
    long port = owned(fabric.nicPortKey(1, 0)).id();
    long cable = owned(fabric.cableKey(1, 0)).id();
    long leafPort = (Long) netbox.get(ObjectKind.CABLE, cable).orElseThrow().field(Fields.B_END);
    netbox.addIpAddress(port, "10.0.0.1/24");

    netbox.delete(ObjectKind.DEVICE, server);
    assertThat(netbox.get(ObjectKind.DEVICE, server)).isEmpty();
    assertThat(netbox.get(ObjectKind.INTERFACE, port)).isEmpty();
    assertThat(netbox.get(ObjectKind.CABLE, cable)).isEmpty();
    assertThat(netbox.get(ObjectKind.INTERFACE, leafPort).orElseThrow().cable()).isEmpty();
    assertThat(netbox.ipAddresses()).isEmpty();
    assertThat(netbox.all(ObjectKind.MODULE)).hasSize(1);
  }

  @Test
  void referenceDataInUseCannotBeDeletedButTagsAreStrippedFirst() {
    assertThatThrownBy(() -> netbox.delete(ObjectKind.SITE, netbox.find(TestFabric.ref(ObjectKind.SITE, "lab")).orElseThrow().id()))
        .hasMessageContaining("is still used by");
    long tag = netbox.find(TestFabric.ref(ObjectKind.TAG, TestFabric.TAG)).orElseThrow().id();
    netbox.delete(ObjectKind.TAG, tag);
    assertThat(netbox.all(ObjectKind.DEVICE)).allMatch(d -> d.tags().isEmpty());
  }

  @Test
  void orphaningRemovesTheMarkAndReferencesToTheObjectBecomeForeign() {
    ObservedObject leaf = owned(fabric.leafKey(1));
    netbox.apply(changeSet(new Operation(Action.ORPHAN, fabric.leafKey(1), OptionalLong.of(leaf.id()), "leaf", Map.of(), Map.of(), Set.of(), null, "")),
        options(), ProgressListener.NONE);
    StoredObject device = netbox.get(ObjectKind.DEVICE, leaf.id()).orElseThrow();
    assertThat(device.ownerPlan()).isEmpty();
    assertThat(device.customFields()).doesNotContainKeys("diet_plan", "diet_key", "diet_state");
    ObservedState observed = observe();
    assertThat(observed.owned()).doesNotContainKey(fabric.leafKey(1));
    List<Object> leafPortDevices = observed.owned().values().stream()
        .filter(o -> o.kind() == ObjectKind.INTERFACE && o.ownership().get().key().path().startsWith("switch/leaf/1/"))
        .map(o -> o.field(Fields.DEVICE))
        .collect(Collectors.toList());
    assertThat(leafPortDevices).isNotEmpty().containsOnly(ObservedObject.foreignRef(ObjectKind.DEVICE, leaf.id()));
  }

  @Test
  void anOperationOnAnObjectThatNoLongerCarriesItsKeyFails() {
    ObservedObject leaf = owned(fabric.leafKey(1));
    Ownership mark = leaf.ownership().get();
    Operation wrongTarget = new Operation(Action.UPDATE, fabric.leafKey(2), OptionalLong.of(leaf.id()), "leaf",
        Map.of(), Map.of(Fields.STATUS, "active"), Set.of(), new Ownership("lab", fabric.leafKey(2), mark.applied(), Map.of()), "");
    ApplyReport report = netbox.apply(changeSet(wrongTarget), options(), ProgressListener.NONE);
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("does not carry the DIET key"));
  }

  @Test
  void aChangeSetMayOnlyTouchItsOwnPlansObjects() {
    ObservedObject leaf = owned(fabric.leafKey(1));
    ObjectKey foreign = ObjectKey.owned("other", ObjectKind.DEVICE, "switch/leaf/1");
    Operation op = new Operation(Action.DELETE, foreign, OptionalLong.of(leaf.id()), "leaf", Map.of(), Map.of(), Set.of(), null, "");
    ApplyReport report = netbox.apply(changeSet(op), options(), ProgressListener.NONE);
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("may not touch"));
  }

  @Test
  void timestampsComeFromTheApplyClockAndTheManualClock() {
    StoredObject leaf = netbox.get(ObjectKind.DEVICE, device(fabric.leafKey(1))).orElseThrow();
    assertThat(leaf.created()).isEqualTo(APPLY_TIME);
    netbox.edit(ObjectKind.DEVICE, leaf.id(), Fields.DESCRIPTION, "x");
    assertThat(netbox.get(ObjectKind.DEVICE, leaf.id()).orElseThrow().lastUpdated()).isEqualTo(MANUAL_TIME);
  }

  @Test
  void everyWriteOfOneApplySharesARequestIdAndReferenceDataCarriesNoMark() {
    assertThat(netbox.changelog()).extracting(ChangeRecord::requestId).containsOnly("apply-1");
    assertThat(netbox.all(ObjectKind.DEVICE_TYPE)).allMatch(t -> t.ownerPlan().isEmpty() && t.customFields().isEmpty());
    assertThat(netbox.all(ObjectKind.DEVICE)).allMatch(d -> d.ownership().isPresent());
  }

  // ---- helpers -------------------------------------------------------------------------------

  private dev.diet.reconcile.Preview plan(DesiredState state) {
    return Reconciler.builder(netbox).clock(Clock.fixed(APPLY_TIME, ZoneOffset.UTC)).build().plan(state, DiffOptions.defaults());
  }

  private static ApplyOptions options() {
    return ApplyOptions.defaults().withClock(Clock.fixed(APPLY_TIME, ZoneOffset.UTC));
  }

  private ObservedState observe() {
    return netbox.observe(Reconciler.scopeOf(desired), ProgressListener.NONE);
  }

  private ObservedObject owned(ObjectKey key) {
    return observe().owned().get(key);
  }

  private long device(ObjectKey key) {
    return owned(key).id();
  }

  private static ChangeSet changeSet(Operation... ops) {
    return new ChangeSet("lab", "test", List.of(ops));
  }
}
