package dev.diet.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diet.memory.InMemoryNetBox;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.DeletionPolicy;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.GenerationCounts;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.testing.TestFabric;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The three-way rules on hand-built states, and the object-level outcomes on the in-memory NetBox. */
class DifferTest {
  private static final String PLAN = "p";
  private static final ObjectKey DEVICE = ObjectKey.owned(PLAN, ObjectKind.DEVICE, "switch/leaf/1");

  // ---- the per-field table -------------------------------------------------------------------

  @Test
  void currentEqualsDesiredIsNothing() {
    DiffResult r = diffStatus("planned", "planned", "planned");
    assertThat(r.changeSet().operations()).isEmpty();
    assertThat(r.conflicts()).isEmpty();
  }

  @Test
  void lastAppliedEqualsCurrentIsAnUpdateOfThatFieldOnly() {
    DiffResult r = diffStatus("planned", "active", "planned");
    Operation op = r.changeSet().operations().get(0);
    assertThat(r.changeSet().operations()).hasSize(1);
    assertThat(op.action()).isEqualTo(Action.UPDATE);
    assertThat(op.after()).isEqualTo(Map.of(Fields.STATUS, "active"));
    assertThat(op.before()).isEqualTo(Map.of(Fields.STATUS, "planned"));
    assertThat(op.ownership().get().applied()).containsEntry(Fields.STATUS, "active").containsEntry(Fields.NAME, "leaf-01");
    assertThat(op.ownership().get().seen()).containsEntry(Fields.DESCRIPTION, "");
  }

  @Test
  void lastAppliedEqualsDesiredIsAManualEditKeptByDefault() {
    DiffResult r = diffStatus("planned", "planned", "active");
    assertThat(r.changeSet().operations()).isEmpty();
    FieldConflict c = (FieldConflict) r.conflicts().get(0);
    assertThat(c.cause()).isEqualTo(FieldConflict.Cause.MANUAL_EDIT);
    assertThat(c.id()).isEqualTo(DEVICE + "#status");
    assertThat(c.resolution()).isEqualTo(Resolution.KEEP_MANUAL);
    assertThat(r.drift().modified()).singleElement().satisfies(m -> assertThat(m.current()).isEqualTo("active"));
  }

  @Test
  void allThreeDifferentIsAConflictToo() {
    DiffResult r = diffStatus("planned", "offline", "active");
    assertThat(r.changeSet().operations()).isEmpty();
    assertThat(((FieldConflict) r.conflicts().get(0)).cause()).isEqualTo(FieldConflict.Cause.BOTH_CHANGED);
  }

  @Test
  void applyDietOverwritesAndStopManagingReleasesTheField() {
    String id = DEVICE + "#status";
    DiffResult apply = diffStatus("planned", "planned", "active", Resolutions.none().with(id, Resolution.APPLY_DIET));
    assertThat(apply.changeSet().operations().get(0).after()).isEqualTo(Map.of(Fields.STATUS, "planned"));

    DiffResult release = diffStatus("planned", "planned", "active", Resolutions.none().with(id, Resolution.STOP_MANAGING));
    Operation op = release.changeSet().operations().get(0);
    assertThat(op.after()).isEmpty();
    assertThat(op.reason()).isEqualTo("refresh ownership mark");
    assertThat(op.ownership().get().released()).containsExactly(Fields.STATUS);
    assertThat(op.ownership().get().applied()).doesNotContainKey(Fields.STATUS);
    assertThat(op.ownership().get().seen()).containsEntry(Fields.STATUS, "active");

    DiffResult after = Differ.diff(desired("planned"), observed("active", op.ownership().get()), DiffOptions.defaults());
    assertThat(after.conflicts()).isEmpty();
    assertThat(after.changeSet().operations()).isEmpty();
  }

  @Test
  void aValueAlreadyAsDesiredOnlyRefreshesTheMark() {
    DiffResult r = diffStatus("planned", "active", "active");
    assertThat(r.conflicts()).isEmpty();
    Operation op = r.changeSet().operations().get(0);
    assertThat(op.after()).isEmpty();
    assertThat(op.ownership().get().applied()).containsEntry(Fields.STATUS, "active");
  }

  @Test
  void aFieldTheMarkDoesNotListIsTakenOver() {
    Ownership mark = new Ownership(PLAN, DEVICE, Map.of(Fields.NAME, "leaf-01"), Map.of(), Set.of(), "fp0");
    DiffResult r = Differ.diff(desired("planned"), observed("active", mark), DiffOptions.defaults());
    assertThat(r.conflicts()).isEmpty();
    assertThat(r.changeSet().operations().get(0).after()).isEqualTo(Map.of(Fields.STATUS, "planned"));
  }

  @Test
  void emptyTextAndNullAreTheSameValue() {
    assertThat(diffStatus("", null, "").changeSet().operations()).isEmpty();
  }

  @Test
  void missingTagsAreAddedAndOtherTagsLeftAlone() {
    Ownership mark = new Ownership(PLAN, DEVICE, Map.of(Fields.NAME, "leaf-01", Fields.STATUS, "planned"), Map.of(), Set.of(), "fp0");
    ObservedObject o = new ObservedObject(ObjectKind.DEVICE, 7, Map.of(Fields.NAME, "leaf-01", Fields.STATUS, "planned"), Set.of("mine"), mark);
    DesiredState d = TestFabric.state(PLAN, List.of(new DesiredObject(DEVICE, Map.of(Fields.NAME, "leaf-01", Fields.STATUS, "planned"), Set.of("gen"))),
        Map.of(), new GenerationCounts(1, 0, 0));
    Operation op = Differ.diff(d, new ObservedState(PLAN, List.of(o), Map.of(), List.of(), List.of()), DiffOptions.defaults())
        .changeSet().operations().get(0);
    assertThat(op.addTags()).containsExactly("gen");
    assertThat(op.after()).isEmpty();
  }

  @Test
  void customFieldDefinitionsMayCoverMoreObjectTypesThanThePlanNeeds() {
    ObjectKey cf = TestFabric.ref(ObjectKind.CUSTOM_FIELD, "x");
    DesiredState d = TestFabric.state(PLAN, List.of(new DesiredObject(cf,
        Map.of(Fields.NAME, "x", Fields.CF_TYPE, "text", Fields.CF_OBJECT_TYPES, "dcim.device,dcim.interface"), Set.of())), Map.of(), new GenerationCounts(0, 0, 0));
    ObservedObject wider = new ObservedObject(ObjectKind.CUSTOM_FIELD, 1,
        Map.of(Fields.NAME, "x", Fields.CF_TYPE, "text", Fields.CF_OBJECT_TYPES, "dcim.cable,dcim.device,dcim.interface"), Set.of(), null);
    ObservedObject narrower = new ObservedObject(ObjectKind.CUSTOM_FIELD, 1,
        Map.of(Fields.NAME, "x", Fields.CF_TYPE, "text", Fields.CF_OBJECT_TYPES, "dcim.device"), Set.of(), null);
    assertThat(Differ.diff(d, new ObservedState(PLAN, List.of(), Map.of(cf, wider), List.of(), List.of()), DiffOptions.defaults()).conflicts()).isEmpty();
    DiffResult r = Differ.diff(d, new ObservedState(PLAN, List.of(), Map.of(cf, narrower), List.of(), List.of()), DiffOptions.defaults());
    assertThat(r.conflicts()).singleElement().satisfies(c -> {
      assertThat(c).isInstanceOf(ReferenceConflict.class);
      assertThat(c.options()).containsExactly(Resolution.USE_EXISTING);
    });
    assertThat(r.changeSet().operations()).isEmpty();
  }

  // ---- resolutions ---------------------------------------------------------------------------

  @Test
  void aResolutionForAConflictThatDoesNotExistIsAnError() {
    assertThatThrownBy(() -> diffStatus("planned", "planned", "planned", Resolutions.none().with(DEVICE + "#name", Resolution.APPLY_DIET)))
        .isInstanceOf(ResolutionException.class)
        .hasMessageContaining(DEVICE + "#name");
  }

  @Test
  void aResolutionTheConflictDoesNotAcceptIsAnError() {
    assertThatThrownBy(() -> diffStatus("planned", "planned", "active", Resolutions.none().with(DEVICE + "#status", Resolution.ADOPT)))
        .isInstanceOf(ResolutionException.class)
        .hasMessageContaining("cannot be resolved with adopt");
  }

  @Test
  void aResolutionForEveryConflictOfATypeAppliesWhereAccepted() {
    DiffResult r = diffStatus("planned", "planned", "active", Resolutions.none().withAll(ConflictType.FIELD, Resolution.APPLY_DIET));
    assertThat(r.conflicts().get(0).resolution()).isEqualTo(Resolution.APPLY_DIET);
    assertThat(diffStatus("planned", "planned", "active", Resolutions.none().withAll(ConflictType.FIELD, Resolution.ADOPT))
        .conflicts().get(0).resolution()).isEqualTo(Resolution.KEEP_MANUAL);
  }

  // ---- object outcomes on the in-memory NetBox -----------------------------------------------

  @Test
  void twoDevicesSwappingNamesGoThroughATemporaryName() {
    Fixture f = new Fixture(TestFabric.of(PLAN));
    DesiredState swapped = TestFabric.changed(TestFabric.changed(f.desired, f.fabric.leafKey(1),
        o -> TestFabric.withField(o, Fields.NAME, f.fabric.leafName(2))), f.fabric.leafKey(2), o -> TestFabric.withField(o, Fields.NAME, f.fabric.leafName(1)));
    Preview preview = f.reconciler.plan(swapped, DiffOptions.defaults());
    List<Operation> ops = preview.changeSet().operations();
    assertThat(ops).hasSize(3);
    assertThat(ops.get(0).reason()).startsWith("temporary name");
    assertThat(f.reconciler.apply(preview).succeeded()).isTrue();
    assertThat(f.netbox.find(f.fabric.leafKey(1)).orElseThrow().field(Fields.NAME)).isEqualTo(f.fabric.leafName(2));
    assertThat(f.reconciler.plan(swapped, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void aRenameIntoANameAnotherRenameVacatesRunsSecond() {
    Fixture f = new Fixture(TestFabric.of(PLAN));
    DesiredState shifted = TestFabric.changed(TestFabric.changed(f.desired, f.fabric.leafKey(1),
        o -> TestFabric.withField(o, Fields.NAME, f.fabric.leafName(2))), f.fabric.leafKey(2), o -> TestFabric.withField(o, Fields.NAME, "leaf-spare"));
    List<Operation> ops = f.reconciler.plan(shifted, DiffOptions.defaults()).changeSet().operations();
    assertThat(ops).extracting(Operation::key).containsExactly(f.fabric.leafKey(2), f.fabric.leafKey(1));
    assertThat(f.reconciler.planAndApply(shifted, DiffOptions.defaults()).succeeded()).isTrue();
  }

  @Test
  void portsFromTheDeviceTypeAreReleasedNotDeleted() {
    Fixture f = new Fixture(TestFabric.of(PLAN).withServers(2));
    DesiredState smaller = f.fabric.withServers(1).build();
    Preview preview = f.reconciler.plan(smaller, DiffOptions.defaults());
    List<Operation> leafPorts = preview.changeSet().operations().stream()
        .filter(op -> op.kind() == ObjectKind.INTERFACE && op.key().path().startsWith("switch/")).collect(Collectors.toList());
    assertThat(leafPorts).hasSize(2).allSatisfy(op -> {
      assertThat(op.action()).isEqualTo(Action.ORPHAN);
      assertThat(op.reason()).isEqualTo("port of the device type: released, not deleted");
    });
    assertThat(f.reconciler.apply(preview).succeeded()).isTrue();
    long leaf = f.netbox.find(f.fabric.leafKey(1)).orElseThrow().id();
    assertThat(f.netbox.interfacesOf(leaf)).hasSize(f.fabric.leafTemplateNames().size());
  }

  @Test
  void policyWarnWithholdsEveryDeletionUntilApproved() {
    Fixture f = new Fixture(TestFabric.of(PLAN).withServers(3));
    DesiredState smaller = f.fabric.withServers(2).build();
    DiffOptions warn = DiffOptions.defaults().withDeletionPolicy(DeletionPolicy.WARN);
    Preview preview = f.reconciler.plan(smaller, warn);
    assertThat(preview.diff().deletionsWithheld()).isTrue();
    assertThat(preview.diff().approval().get().reason()).startsWith("deletion policy warn");
    assertThat(preview.changeSet().isEmpty()).isTrue();
    assertThat(preview.summaryLine()).isEqualTo("Plan: 0 to add, 0 to change, 0 to destroy, 0 conflicts.");
    assertThat(f.reconciler.planAndApply(smaller, warn.withDeletionsApproved(true)).report().done(Action.DELETE)).isPositive();
    assertThat(f.reconciler.plan(smaller, warn).isNoOp()).isTrue();
  }

  @Test
  void theDeviceDeletionThresholdIsConfigurable() {
    Fixture f = new Fixture(TestFabric.of(PLAN).withServers(3));
    DesiredState smaller = f.fabric.withServers(2).build();
    assertThat(f.reconciler.plan(smaller, DiffOptions.defaults()).diff().approval()).isEmpty();
    assertThat(f.reconciler.plan(smaller, DiffOptions.defaults().withDeviceDeletionThreshold(0)).diff().deletionsWithheld()).isTrue();
  }

  @Test
  void aProtectedCableKeepsTheInterfacesAndDeviceItHangsOn() {
    Fixture f = new Fixture(TestFabric.of(PLAN).withServers(2));
    f.netbox.protect(ObjectKind.CABLE, f.netbox.find(f.fabric.cableKey(2, 0)).orElseThrow().id());
    Preview preview = f.reconciler.plan(f.fabric.withServers(1).build(), DiffOptions.defaults());
    assertThat(preview.changeSet().operations())
        .noneMatch(op -> op.key().path().startsWith("server/gpu/2/"))
        .noneMatch(op -> op.key().equals(f.fabric.serverKey(2)));
    assertThat(preview.diff().notes()).extracting(DiffNote::message).contains("kept: protected by tag diet-protected");
    assertThat(f.reconciler.apply(preview).succeeded()).isTrue();
  }

  @Test
  void forceIsNotOfferedWhileAForeignCableIsAttached() {
    Fixture f = new Fixture(TestFabric.of(PLAN).withServers(2));
    long cable = f.netbox.find(f.fabric.cableKey(2, 0)).orElseThrow().id();
    long nicPort = f.netbox.find(f.fabric.nicPortKey(2, 0)).orElseThrow().id();
    f.netbox.delete(ObjectKind.CABLE, cable);
    long panel = f.netbox.addDevice("lab", "panel", "server", TestFabric.SERVER_TYPE);
    f.netbox.addCable(f.netbox.addInterface(panel, "front", "other"), nicPort);
    DesiredState smaller = f.fabric.withServers(1).build();
    DeletionConflict conflict = (DeletionConflict) f.reconciler.plan(smaller, DiffOptions.defaults()).conflicts().get(0);
    assertThat(conflict.options()).containsExactly(Resolution.SKIP, Resolution.ORPHAN);
    assertThatThrownBy(() -> f.reconciler.plan(smaller, DiffOptions.defaults().withResolutions(Resolutions.none().with(conflict.id(), Resolution.FORCE))))
        .isInstanceOf(ResolutionException.class);
    DiffOptions orphan = DiffOptions.defaults().withResolutions(Resolutions.none().with(conflict.id(), Resolution.ORPHAN));
    assertThat(f.reconciler.planAndApply(smaller, orphan).succeeded()).isTrue();
    assertThat(f.netbox.find(f.fabric.serverKey(2))).isEmpty();
    assertThat(f.netbox.findDevice("lab", f.fabric.serverName(2))).isPresent();
    assertThat(f.reconciler.plan(smaller, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void anObjectDeletedOutsideDietIsMissingOnlyWhileThePlanIsUnchanged() {
    Fixture f = new Fixture(TestFabric.of(PLAN).withServers(2));
    f.netbox.delete(ObjectKind.DEVICE, f.netbox.find(f.fabric.serverKey(2)).orElseThrow().id());
    assertThat(f.reconciler.plan(f.desired, DiffOptions.defaults()).drift().missing()).extracting(DriftReport.Missing::key).contains(f.fabric.serverKey(2));
    Preview changedPlan = f.reconciler.plan(f.fabric.withServers(2).withLeafStatus("active").build(), DiffOptions.defaults());
    assertThat(changedPlan.drift().missing()).isEmpty();
    assertThat(changedPlan.changeSet().operations()).anyMatch(op -> op.action() == Action.CREATE && op.key().equals(f.fabric.serverKey(2)));
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A fabric applied to a fresh in-memory NetBox. */
  private static final class Fixture {
    final TestFabric fabric;
    final DesiredState desired;
    final InMemoryNetBox netbox = new InMemoryNetBox();
    final Reconciler reconciler = Reconciler.builder(netbox).build();

    Fixture(TestFabric fabric) {
      this.fabric = fabric;
      this.desired = fabric.build();
      assertThat(reconciler.planAndApply(desired, DiffOptions.defaults()).succeeded()).isTrue();
    }
  }

  private static DiffResult diffStatus(String last, String desired, String current) {
    return diffStatus(last, desired, current, Resolutions.none());
  }

  private static DiffResult diffStatus(String last, String desired, String current, Resolutions resolutions) {
    Ownership mark = new Ownership(PLAN, DEVICE, mapOf(Fields.NAME, "leaf-01", Fields.STATUS, last), Map.of(), Set.of(), "fp0");
    return Differ.diff(desired(desired), observed(current, mark), DiffOptions.defaults().withResolutions(resolutions), ProgressListener.NONE);
  }

  private static DesiredState desired(String status) {
    return TestFabric.state(PLAN, List.of(new DesiredObject(DEVICE, mapOf(Fields.NAME, "leaf-01", Fields.STATUS, status), Set.of())),
        Map.of(), new GenerationCounts(1, 0, 0));
  }

  private static ObservedState observed(String status, Ownership mark) {
    ObservedObject o = new ObservedObject(ObjectKind.DEVICE, 7, mapOf(Fields.NAME, "leaf-01", Fields.STATUS, status, Fields.DESCRIPTION, ""), Set.of(), mark);
    return new ObservedState(PLAN, List.of(o), Map.of(), List.of(), List.of());
  }

  private static Map<String, Object> mapOf(Object... kv) {
    return TestFabric.fields(kv);
  }
}
