package dev.diet.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.diff.Action;
import dev.diet.diff.ConflictType;
import dev.diet.diff.DeletionApproval;
import dev.diet.diff.DeletionConflict;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.ExistenceConflict;
import dev.diet.diff.FieldConflict;
import dev.diet.diff.Operation;
import dev.diet.diff.Resolution;
import dev.diet.diff.Resolutions;
import dev.diet.generate.Generator;
import dev.diet.memory.InMemoryNetBox;
import dev.diet.memory.StoredObject;
import dev.diet.plan.PlanReader;
import dev.diet.spi.DeletionPolicy;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.testing.SharedFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's reconciliation scenarios, on generated plans and the in-memory NetBox. */
class ReconcilerScenariosTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
  private static final String PLAN = "recon_lab";

  private InMemoryNetBox netbox;
  private Reconciler reconciler;

  @BeforeEach
  void emptyNetBox() {
    netbox = new InMemoryNetBox(CLOCK);
    reconciler = Reconciler.builder(netbox).clock(CLOCK).build();
  }

  @Test
  void initialGenerationFromEmptyCreatesEverythingOnce() {
    DesiredState desired = LabPlan.of(96).generate();

    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(preview.toAdd()).isEqualTo(desired.size());
    assertThat(preview.summaryLine()).isEqualTo("Plan: " + desired.size() + " to add, 0 to change, 0 to destroy, 0 conflicts.");
    assertThat(preview.text()).endsWith(preview.summaryLine() + "\n");
    assertThat(reconciler.apply(preview).succeeded()).isTrue();

    assertThat(netbox.count(ObjectKind.DEVICE)).isEqualTo(96 + 12 + 4);
    assertThat(netbox.count(ObjectKind.CABLE)).isEqualTo(desired.counts().cables());
    Preview again = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(again.summaryLine()).isEqualTo("No changes. NetBox matches the plan.");
    assertThat(reconciler.status(desired).status()).isEqualTo(ReconcileStatus.IN_SYNC);
  }

  @Test
  void scalingUpCreatesExactlyTheNewServersAndUpdatesNothing() {
    DesiredState before = LabPlan.of(96).generate();
    apply(before, DiffOptions.defaults());
    DesiredState after = LabPlan.of(128).generate();

    Preview preview = reconciler.plan(after, DiffOptions.defaults());
    Set<ObjectKey> added = keys(after);
    added.removeAll(keys(before));
    assertThat(preview.changeSet().operations()).allMatch(op -> op.action() == Action.CREATE);
    assertThat(preview.changeSet().operations().stream().map(Operation::key).collect(Collectors.toSet())).isEqualTo(added);
    Set<String> newDevices = preview.changeSet().operations().stream()
        .filter(op -> op.kind() == ObjectKind.DEVICE).map(op -> op.key().path()).collect(Collectors.toSet());
    assertThat(newDevices).hasSize(32).allMatch(p -> p.startsWith("server/gpu/") && Integer.parseInt(p.substring(11)) > 96);
    assertThat(preview.counts().get(ObjectKind.CABLE)).isEqualTo(Map.of(Action.CREATE, 64));
    assertThat(preview.counts().get(ObjectKind.INTERFACE)).isEqualTo(Map.of(Action.CREATE, 32 * 4 + 64));
    assertThat(preview.toChange()).isZero();
    assertThat(preview.toDestroy()).isZero();
    assertThat(reconciler.apply(preview).succeeded()).isTrue();
    assertThat(reconciler.plan(after, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void scalingDownNeedsApprovalAndListsTheCascadeFirst() {
    apply(LabPlan.of(128).generate(), DiffOptions.defaults());
    DesiredState smaller = LabPlan.of(96).generate();

    Preview unapproved = reconciler.plan(smaller, DiffOptions.defaults());
    DeletionApproval approval = unapproved.diff().approval().orElseThrow();
    assertThat(approval.approved()).isFalse();
    assertThat(approval.reason()).isEqualTo("32 device deletions exceed the threshold of 10");
    assertThat(approval.cascade()).hasSize(32).allSatisfy(c -> {
      assertThat(c.interfaces()).isEqualTo(4);
      assertThat(c.moduleBays()).isEqualTo(2);
      assertThat(c.modules()).isEqualTo(2);
      assertThat(c.cables()).isEqualTo(2);
    });
    assertThat(unapproved.changeSet().operations()).noneMatch(op -> op.action() == Action.DELETE);
    String text = unapproved.text();
    assertThat(text.indexOf("Deletions need approval: 32 device deletions exceed the threshold of 10"))
        .isPositive()
        .isLessThan(text.indexOf("  - device gpu-097 (#"));
    assertThat(unapproved.status()).isEqualTo(ReconcileStatus.DRIFT_DETECTED);
    reconciler.apply(unapproved);
    assertThat(netbox.count(ObjectKind.DEVICE)).isEqualTo(128 + 12 + 4);

    ApplyOutcome approved = apply(smaller, DiffOptions.defaults().withDeletionsApproved(true));
    assertThat(approved.report().done(Action.DELETE)).isEqualTo(32 * (1 + 2 + 2 + 4) + 64 + 64);
    assertThat(netbox.count(ObjectKind.DEVICE)).isEqualTo(96 + 12 + 4);
    assertThat(reconciler.plan(smaller, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void aNamingChangeRenamesEveryServerInPlace() {
    DesiredState before = LabPlan.of(96).generate();
    apply(before, DiffOptions.defaults());
    Map<ObjectKey, Long> ids = ids();

    DesiredState renamed = LabPlan.of(96).withServerNaming("node-{class}-{index:04d}").generate();
    Preview preview = reconciler.plan(renamed, DiffOptions.defaults());
    assertThat(preview.toAdd()).isZero();
    assertThat(preview.toDestroy()).isZero();
    assertThat(preview.counts().get(ObjectKind.DEVICE)).isEqualTo(Map.of(Action.UPDATE, 96 + 12));
    assertThat(preview.text()).contains("      name: \"gpu-001\" -> \"node-gpu-0001\"");
    assertThat(reconciler.apply(preview).succeeded()).isTrue();

    assertThat(ids()).isEqualTo(ids);
    assertThat(netbox.findDevice("hedgehog", "node-storage-0012")).isPresent();
    assertThat(reconciler.plan(renamed, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void aManualDescriptionEditIsKeptAndReported() {
    DesiredState desired = LabPlan.of(96).generate();
    apply(desired, DiffOptions.defaults());
    long leaf = netbox.findDevice("hedgehog", "fe-leaf-01").orElseThrow().id();
    netbox.edit(ObjectKind.DEVICE, leaf, Fields.DESCRIPTION, "row 3, rack 7");

    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(preview.summaryLine()).isEqualTo("No changes. NetBox matches the plan.");
    assertThat(preview.drift().unmanaged()).singleElement().satisfies(u -> {
      assertThat(u.name()).isEqualTo("fe-leaf-01");
      assertThat(u.field()).isEqualTo(Fields.DESCRIPTION);
      assertThat(u.after()).isEqualTo("row 3, rack 7");
    });
    assertThat(preview.text()).contains("  # device fe-leaf-01: description null -> \"row 3, rack 7\"");
    reconciler.apply(preview);
    assertThat(netbox.get(ObjectKind.DEVICE, leaf).orElseThrow().field(Fields.DESCRIPTION)).isEqualTo("row 3, rack 7");
  }

  @Test
  void aManualEditOfAManagedFieldIsAConflictWithThreeOptions() {
    DesiredState desired = LabPlan.of(8).withStorage(2).generate();
    apply(desired, DiffOptions.defaults());
    long[] servers = {deviceId("gpu-001"), deviceId("gpu-002"), deviceId("gpu-003")};
    for (long id : servers) {
      netbox.edit(ObjectKind.DEVICE, id, Fields.STATUS, "active");
    }

    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(preview.conflicts()).hasSize(3).allSatisfy(c -> {
      FieldConflict f = (FieldConflict) c;
      assertThat(f.field()).isEqualTo(Fields.STATUS);
      assertThat(f.cause()).isEqualTo(FieldConflict.Cause.MANUAL_EDIT);
      assertThat(f.options()).containsExactly(Resolution.KEEP_MANUAL, Resolution.APPLY_DIET, Resolution.STOP_MANAGING);
      assertThat(f.resolution()).isEqualTo(Resolution.KEEP_MANUAL);
    });
    assertThat(preview.drift().modified()).hasSize(3);
    assertThat(preview.status()).isEqualTo(ReconcileStatus.CONFLICTS);
    assertThat(preview.summaryLine()).isEqualTo("Plan: 0 to add, 0 to change, 0 to destroy, 3 conflicts.");
    assertThat(preview.text()).contains("  ! device gpu-001: status was changed in NetBox to \"active\"; DIET applied and still wants \"planned\"");

    String id1 = FieldConflict.idOf(key("server/gpu/1"), Fields.STATUS);
    String id2 = FieldConflict.idOf(key("server/gpu/2"), Fields.STATUS);
    DiffOptions choices = DiffOptions.defaults().withResolutions(Resolutions.none()
        .with(id1, Resolution.APPLY_DIET).with(id2, Resolution.STOP_MANAGING));
    apply(desired, choices);
    assertThat(status(servers[0])).isEqualTo("planned");
    assertThat(status(servers[1])).isEqualTo("active");
    assertThat(status(servers[2])).isEqualTo("active");

    Preview after = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(after.conflicts()).singleElement().satisfies(c -> assertThat(c.key()).isEqualTo(key("server/gpu/3")));
    netbox.edit(ObjectKind.DEVICE, servers[1], Fields.STATUS, "offline");
    Preview released = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(released.conflicts()).hasSize(1);
    assertThat(released.drift().unmanaged()).anySatisfy(u -> {
      assertThat(u.key()).isEqualTo(key("server/gpu/2"));
      assertThat(u.field()).isEqualTo(Fields.STATUS);
    });
  }

  @Test
  void deletingALargeServerClassNeedsApprovalAndOrphanKeepsItsDevicesUnmarked() {
    apply(LabPlan.of(16).withStorage(12).generate(), DiffOptions.defaults());
    Set<Long> storage = netbox.all(ObjectKind.DEVICE).stream()
        .filter(d -> ((String) d.field(Fields.NAME)).startsWith("storage-")).map(StoredObject::id).collect(Collectors.toSet());
    assertThat(storage).hasSize(12);
    DesiredState withoutStorage = LabPlan.of(16).withStorage(0).generate();

    Preview preview = reconciler.plan(withoutStorage, DiffOptions.defaults());
    assertThat(preview.diff().approval()).hasValueSatisfying(a -> {
      assertThat(a.approved()).isFalse();
      assertThat(a.deviceDeletions()).isEqualTo(12);
      assertThat(a.cascade()).hasSize(12);
    });
    assertThat(preview.toDestroy()).isZero();

    ApplyOutcome orphaned = apply(withoutStorage, DiffOptions.defaults().withDeletionPolicy(DeletionPolicy.ORPHAN));
    assertThat(orphaned.report().done(Action.DELETE)).isZero();
    assertThat(orphaned.preview().diff().approval()).isEmpty();
    for (long id : storage) {
      StoredObject device = netbox.get(ObjectKind.DEVICE, id).orElseThrow();
      assertThat(device.ownerPlan()).isEmpty();
      assertThat(device.ownerKey()).isEmpty();
    }
    assertThat(reconciler.plan(withoutStorage, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void aServerWithAnExternalIpAddressIsNotDeleted() {
    apply(LabPlan.of(12).generate(), DiffOptions.defaults());
    long server = deviceId("gpu-012");
    long port = netbox.interfacesOf(server).stream().filter(i -> "fe-p0".equals(i.field(Fields.NAME))).findFirst().orElseThrow().id();
    netbox.addIpAddress(port, "10.20.0.12/24");
    DesiredState smaller = LabPlan.of(11).generate();

    Preview preview = reconciler.plan(smaller, DiffOptions.defaults());
    DeletionConflict conflict = (DeletionConflict) preview.conflicts().stream()
        .filter(c -> c.type() == ConflictType.DELETION).findFirst().orElseThrow();
    assertThat(conflict.key()).isEqualTo(key("server/gpu/12"));
    assertThat(conflict.describe()).contains("IP address 10.20.0.12/24");
    assertThat(conflict.options()).containsExactly(Resolution.SKIP, Resolution.ORPHAN, Resolution.FORCE);
    assertThat(preview.changeSet().operations()).noneMatch(op -> op.action() == Action.DELETE && op.key().path().startsWith("server/gpu/12"));
    reconciler.apply(preview);
    assertThat(netbox.get(ObjectKind.DEVICE, server)).isPresent();
    assertThat(netbox.ipAddresses()).hasSize(1);

    apply(smaller, DiffOptions.defaults().withResolutions(Resolutions.none().with(conflict.id(), Resolution.FORCE)));
    assertThat(netbox.get(ObjectKind.DEVICE, server)).isEmpty();
    assertThat(netbox.ipAddresses()).isEmpty();
  }

  @Test
  void anUnownedDeviceWithAPlannedNameIsAnExistenceConflictAndCanBeAdopted() {
    apply(LabPlan.of(8).generate(), DiffOptions.defaults());
    long existing = netbox.addDevice("hedgehog", "GPU-009", "server", "acme-node");
    DesiredState bigger = LabPlan.of(9).generate();

    Preview skipped = reconciler.plan(bigger, DiffOptions.defaults());
    ExistenceConflict conflict = (ExistenceConflict) skipped.conflicts().get(0);
    assertThat(skipped.conflicts()).hasSize(1);
    assertThat(conflict.key()).isEqualTo(key("server/gpu/9"));
    assertThat(conflict.blockingId()).isEqualTo(existing);
    assertThat(conflict.options()).containsExactly(Resolution.SKIP, Resolution.ADOPT);
    assertThat(skipped.changeSet().operations()).noneMatch(op -> op.key().path().startsWith("server/gpu/9"));
    assertThat(reconciler.apply(skipped).succeeded()).isTrue();
    assertThat(netbox.get(ObjectKind.DEVICE, existing).orElseThrow().ownerPlan()).isEmpty();

    ApplyOutcome adopted = apply(bigger, DiffOptions.defaults().withResolutions(Resolutions.none().with(conflict.id(), Resolution.ADOPT)));
    assertThat(adopted.report().done(Action.ADOPT)).isEqualTo(1);
    StoredObject device = netbox.get(ObjectKind.DEVICE, existing).orElseThrow();
    assertThat(device.ownerKey()).contains(key("server/gpu/9"));
    assertThat(device.field(Fields.NAME)).isEqualTo("gpu-009");
    assertThat(netbox.interfacesOf(existing)).extracting(i -> i.field(Fields.NAME)).containsExactlyInAnyOrder("bmc", "be-p0", "be-p1", "fe-p0", "fe-p1");
    assertThat(reconciler.plan(bigger, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void aChangedDistributionRecablesOnlyTheAffectedCables() {
    DesiredState alternating = LabPlan.of(96).generate();
    apply(alternating, DiffOptions.defaults());
    Map<ObjectKey, Long> ids = ids();
    DesiredState sameSwitch = LabPlan.of(96).withBackendDistribution("same-switch").generate();
    Set<ObjectKey> moved = sameSwitch.objects(ObjectKind.CABLE).stream()
        .filter(c -> !c.fields().equals(alternating.get(c.key()).fields()))
        .map(DesiredObject::key)
        .collect(Collectors.toSet());
    assertThat(moved).isNotEmpty().allMatch(k -> k.path().matches("server/gpu/\\d+/be/0"));
    assertThat(moved.size()).isLessThan(96);

    Preview preview = reconciler.plan(sameSwitch, DiffOptions.defaults());
    List<Operation> ops = preview.changeSet().operations();
    assertThat(ops).allMatch(op -> op.kind() == ObjectKind.CABLE);
    assertThat(ops.stream().filter(op -> op.action() == Action.DELETE).map(Operation::key).collect(Collectors.toSet())).isEqualTo(moved);
    assertThat(ops.stream().filter(op -> op.action() == Action.CREATE).map(Operation::key).collect(Collectors.toSet())).isEqualTo(moved);
    assertThat(ops).allMatch(op -> op.reason().startsWith("recable: end B "));
    assertThat(reconciler.apply(preview).succeeded()).isTrue();

    Map<ObjectKey, Long> after = ids();
    for (Map.Entry<ObjectKey, Long> e : ids.entrySet()) {
      if (!moved.contains(e.getKey())) {
        assertThat(after.get(e.getKey())).as(e.getKey().toString()).isEqualTo(e.getValue());
      }
    }
    assertThat(reconciler.plan(sameSwitch, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void the128GpuCaseAppliesFromEmptyAndThenHasNoChanges() {
    DesiredState desired = Generator.generate(PlanReader.read(SharedFixtures.casePlan("ux_case_128gpu_odd_ports")));

    Preview first = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(first.summaryLine()).isEqualTo("Plan: " + desired.size() + " to add, 0 to change, 0 to destroy, 0 conflicts.");
    assertThat(reconciler.apply(first).succeeded()).isTrue();
    assertThat(netbox.count(ObjectKind.DEVICE)).isEqualTo(175);
    assertThat(netbox.count(ObjectKind.CABLE)).isEqualTo(1017);

    Preview second = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(second.summaryLine()).isEqualTo("No changes. NetBox matches the plan.");
    assertThat(second.text()).endsWith("\nNo changes. NetBox matches the plan.\n");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private ApplyOutcome apply(DesiredState desired, DiffOptions options) {
    ApplyOutcome outcome = reconciler.planAndApply(desired, options);
    assertThat(outcome.report().failures()).isEmpty();
    return outcome;
  }

  private Map<ObjectKey, Long> ids() {
    return reconciler.observe(LabPlan.of(1).generate()).owned().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
  }

  private static Set<ObjectKey> keys(DesiredState state) {
    return state.objects().stream().map(DesiredObject::key).filter(k -> !k.isReference()).collect(Collectors.toCollection(HashSet::new));
  }

  private long deviceId(String name) {
    return netbox.findDevice("hedgehog", name).orElseThrow().id();
  }

  private String status(long deviceId) {
    return (String) netbox.get(ObjectKind.DEVICE, deviceId).orElseThrow().field(Fields.STATUS);
  }

  private static ObjectKey key(String devicePath) {
    return ObjectKey.owned(PLAN, ObjectKind.DEVICE, devicePath);
  }
}
