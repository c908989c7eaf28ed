package dev.diet.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.diff.Action;
import dev.diet.diff.ChangeSet;
import dev.diet.diff.ConflictType;
import dev.diet.diff.DeletionConflict;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.ExistenceConflict;
import dev.diet.diff.FieldConflict;
import dev.diet.diff.Operation;
import dev.diet.diff.ReferenceConflict;
import dev.diet.diff.Resolution;
import dev.diet.diff.Resolutions;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.ReconcileStatus;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.DeletionPolicy;
import dev.diet.spi.ExternalReference;
import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import dev.diet.testing.TestFabric;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link NetBoxBackend} must show, run against a fresh backend per test.
 * Subclass it in the backend's tests, return a new empty NetBox from {@link #newBackend()} and the
 * harness that acts as a person from {@link #manualChanges}. Backends that cannot roll an apply back
 * override {@link #isTransactional()}.
 *
 * <p>Everything goes through the SPI and the reconciler; desired states come from {@link
 * TestFabric}, never from the generator, so a failure points at the backend.
 */
public abstract class NetBoxBackendContract {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

  /** A new, empty NetBox (no reference data, no objects). */
  protected abstract NetBoxBackend newBackend();

  /** The hands of a person at that NetBox. */
  protected abstract ManualChanges manualChanges(NetBoxBackend backend);

  /** Whether a failed apply leaves NetBox exactly as before (JDBC, in-memory) or only reports (REST). */
  protected boolean isTransactional() {
    return true;
  }

  protected NetBoxBackend backend;
  protected ManualChanges person;
  protected Reconciler reconciler;

  @BeforeEach
  void startBackend() {
    backend = newBackend();
    person = manualChanges(backend);
    reconciler = Reconciler.builder(backend).clock(CLOCK).build();
  }

  @AfterEach
  void closeBackend() {
    if (backend != null) {
      backend.close();
    }
  }

  // ---- create and observe --------------------------------------------------------------------

  @Test
  void createsEveryPlannedObjectFromEmpty() {
    DesiredState desired = TestFabric.of("alpha").build();
    ApplyOutcome outcome = applied(desired, DiffOptions.defaults());

    assertThat(outcome.preview().toAdd()).isEqualTo(desired.size());
    assertThat(outcome.report().done(Action.CREATE)).isEqualTo(desired.size());
    ObservedState observed = observe(desired);
    assertThat(observed.owned().keySet()).containsExactlyInAnyOrderElementsOf(ownedKeys(desired));
    assertThat(observed.references().keySet()).containsExactlyInAnyOrderElementsOf(referenceKeys(desired));
    assertThat(observed.collisions()).isEmpty();
    assertThat(observed.externalReferences()).isEmpty();
    assertThat(reconciler.plan(desired, DiffOptions.defaults()).drift().unmanaged())
        .as("fields DIET does not manage must observe as null or empty right after a create")
        .isEmpty();
  }

  @Test
  void observeRoundTripsEveryFieldTagAndMark() {
    DesiredState desired = TestFabric.of("alpha").build();
    applied(desired, DiffOptions.defaults());
    ObservedState observed = observe(desired);

    for (DesiredObject d : desired.objects()) {
      ObservedObject o = d.key().isReference() ? observed.references().get(d.key()) : observed.owned().get(d.key());
      assertThat(o).as(d.key().toString()).isNotNull();
      assertThat(o.kind()).isEqualTo(d.kind());
      for (Map.Entry<String, Object> f : d.fields().entrySet()) {
        Object got = o.field(f.getKey());
        if (f.getKey().equals(Fields.CF_OBJECT_TYPES)) {
          assertThat(new TreeSet<>(Arrays.asList(((String) got).split(","))))
              .as(d.key() + " " + f.getKey())
              .isEqualTo(new TreeSet<>(Arrays.asList(((String) f.getValue()).split(","))));
        } else {
          assertThat(normal(got)).as(d.key() + " " + f.getKey()).isEqualTo(normal(f.getValue()));
        }
      }
      assertThat(o.tags()).as(d.key() + " tags").containsAll(d.tags());
      if (!d.key().isReference()) {
        assertThat(o.ownership()).as(d.key() + " mark").isPresent();
        assertThat(o.ownership().get().planId()).isEqualTo("alpha");
        assertThat(o.ownership().get().key()).isEqualTo(d.key());
        assertThat(o.ownership().get().applied()).isEqualTo(d.fields());
        assertThat(o.ownership().get().planFingerprint()).contains(desired.fingerprint());
      } else {
        assertThat(o.ownership()).as(d.key() + " reference data carries no mark").isEmpty();
      }
    }
  }

  @Test
  void planAfterApplyIsEmptyAndApplyingItWritesNothing() {
    DesiredState desired = TestFabric.of("alpha").build();
    applied(desired, DiffOptions.defaults());

    Preview again = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(again.changeSet().operations()).isEmpty();
    assertThat(again.conflicts()).isEmpty();
    assertThat(again.status()).isEqualTo(ReconcileStatus.IN_SYNC);
    assertThat(again.text()).endsWith("No changes. NetBox matches the plan.\n");
    ApplyOutcome outcome = reconciler.apply(again);
    assertThat(outcome.report().done()).isEmpty();
    assertThat(reconciler.plan(desired, DiffOptions.defaults()).fingerprint()).isEqualTo(again.fingerprint());
  }

  @Test
  void interfacesFromDeviceTypeTemplatesAreAdoptedNotDuplicated() {
    TestFabric fabric = TestFabric.of("alpha").withLeafPorts(8);
    DesiredState desired = fabric.build();
    applied(desired, DiffOptions.defaults());
    ObservedState observed = observe(desired);

    long leaf = observed.owned().get(fabric.leafKey(1)).id();
    assertThat(person.interfaceNames(leaf)).containsExactlyInAnyOrderElementsOf(fabric.leafTemplateNames());
    long server = observed.owned().get(fabric.serverKey(1)).id();
    assertThat(person.interfaceNames(server)).containsExactlyInAnyOrder(TestFabric.SERVER_TEMPLATE, "nic-p0", "nic-p1");
    long ownedLeafPorts = observed.owned().values().stream()
        .filter(o -> o.kind() == ObjectKind.INTERFACE && Ref.to(fabric.leafKey(1)).equals(o.field(Fields.DEVICE)))
        .count();
    assertThat(ownedLeafPorts).isPositive();
  }

  // ---- changes in place ----------------------------------------------------------------------

  @Test
  void namingChangeRenamesInPlaceKeepingIds() {
    TestFabric fabric = TestFabric.of("alpha");
    DesiredState before = fabric.build();
    applied(before, DiffOptions.defaults());
    Map<ObjectKey, Long> ids = ids(observe(before));

    DesiredState renamed = fabric.withNaming("gpu-%02d", "tor-%d").build();
    Preview preview = reconciler.plan(renamed, DiffOptions.defaults());
    assertThat(preview.toAdd()).isZero();
    assertThat(preview.toDestroy()).isZero();
    assertThat(preview.changeSet().operations()).allMatch(op -> op.action() == Action.UPDATE);
    assertThat(preview.changeSet().operations().stream().filter(op -> op.kind() == ObjectKind.DEVICE).count()).isEqualTo(5);
    assertThat(reconciler.apply(preview).succeeded()).isTrue();

    ObservedState after = observe(renamed);
    assertThat(ids(after)).isEqualTo(ids);
    assertThat(after.owned().get(fabric.serverKey(1)).field(Fields.NAME)).isEqualTo("gpu-01");
    assertThat(reconciler.plan(renamed, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void movedCableEndsReplaceTheCableUnderTheSameKey() {
    TestFabric fabric = TestFabric.of("alpha");
    DesiredState before = fabric.build();
    applied(before, DiffOptions.defaults());
    Map<ObjectKey, Long> ids = ids(observe(before));

    DesiredState moved = fabric.withShift(1).build();
    Preview preview = reconciler.plan(moved, DiffOptions.defaults());
    List<Operation> cableOps = preview.changeSet().operations().stream().filter(op -> op.kind() == ObjectKind.CABLE).collect(Collectors.toList());
    Set<ObjectKey> deleted = keys(cableOps, Action.DELETE);
    Set<ObjectKey> created = keys(cableOps, Action.CREATE);
    assertThat(deleted).isNotEmpty().isEqualTo(created);
    assertThat(reconciler.apply(preview).succeeded()).isTrue();

    ObservedState after = observe(moved);
    assertThat(after.owned().keySet()).containsExactlyInAnyOrderElementsOf(ownedKeys(moved));
    for (ObjectKey cable : created) {
      assertThat(after.owned().get(cable).id()).as(cable.toString()).isNotEqualTo(ids.get(cable));
      assertThat(after.owned().get(cable).field(Fields.B_END)).isEqualTo(moved.get(cable).field(Fields.B_END));
    }
    assertEveryInterfaceHasAtMostOneCable(after);
    assertThat(reconciler.plan(moved, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void removedServersAreDeletedChildrenFirst() {
    TestFabric fabric = TestFabric.of("alpha").withServers(3);
    applied(fabric.build(), DiffOptions.defaults());

    DesiredState smaller = fabric.withServers(1).build();
    Preview preview = reconciler.plan(smaller, DiffOptions.defaults());
    List<ObjectKind> order = preview.changeSet().operations().stream()
        .filter(op -> op.action() == Action.DELETE)
        .map(Operation::kind)
        .collect(Collectors.toList());
    assertThat(order).containsSubsequence(ObjectKind.CABLE, ObjectKind.INTERFACE, ObjectKind.MODULE, ObjectKind.MODULE_BAY, ObjectKind.DEVICE);
    for (int i = 1; i < order.size(); i++) {
      assertThat(removalRank(order.get(i))).as("deletes run children first").isGreaterThanOrEqualTo(removalRank(order.get(i - 1)));
    }
    ApplyOutcome outcome = reconciler.apply(preview);
    assertThat(outcome.report().failures()).isEmpty();
    assertThat(observe(smaller).owned().keySet()).containsExactlyInAnyOrderElementsOf(ownedKeys(smaller));
    assertThat(reconciler.plan(smaller, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void orphanPolicyRemovesTheMarkAndKeepsTheObject() {
    TestFabric fabric = TestFabric.of("alpha").withServers(3);
    DesiredState full = fabric.build();
    applied(full, DiffOptions.defaults());
    long server3 = observe(full).owned().get(fabric.serverKey(3)).id();

    DesiredState smaller = fabric.withServers(2).build();
    ApplyOutcome outcome = applied(smaller, DiffOptions.defaults().withDeletionPolicy(DeletionPolicy.ORPHAN));
    assertThat(outcome.report().done(Action.DELETE)).isZero();
    assertThat(outcome.report().done(Action.ORPHAN)).isPositive();
    assertThat(observe(smaller).owned().keySet()).containsExactlyInAnyOrderElementsOf(ownedKeys(smaller));
    assertThat(person.exists(ObjectKind.DEVICE, server3)).isTrue();

    ObservedState again = observe(full);
    assertThat(again.collisions()).extracting(ObservedObject::id).contains(server3);
    assertThat(again.collisions()).allMatch(c -> c.ownership().isEmpty());
  }

  // ---- references from outside the plan ------------------------------------------------------

  @Test
  void ipAddressOnAnOwnedInterfaceBlocksItsDeletion() {
    TestFabric fabric = TestFabric.of("alpha").withServers(2);
    DesiredState full = fabric.build();
    applied(full, DiffOptions.defaults());
    ObservedState observed = observe(full);
    long port = observed.owned().get(fabric.nicPortKey(2, 0)).id();
    long ip = person.addIpAddress(port, "10.0.0.2/24");

    assertThat(observe(full).externalReferences())
        .anySatisfy(r -> {
          assertThat(r.target()).isEqualTo(fabric.nicPortKey(2, 0));
          assertThat(r.kind()).isEqualTo("ipam.ipaddress");
          assertThat(r.id()).isEqualTo(ip);
        });

    DesiredState smaller = fabric.withServers(1).build();
    Preview preview = reconciler.plan(smaller, DiffOptions.defaults());
    DeletionConflict conflict = (DeletionConflict) preview.conflicts().stream()
        .filter(c -> c.type() == ConflictType.DELETION).findFirst().orElseThrow();
    assertThat(conflict.key()).isEqualTo(fabric.serverKey(2));
    assertThat(conflict.options()).containsExactly(Resolution.SKIP, Resolution.ORPHAN, Resolution.FORCE);
    assertThat(conflict.references()).extracting(ExternalReference::id).containsExactly(ip);
    assertThat(reconciler.apply(preview).succeeded()).isTrue();
    long server2 = observed.owned().get(fabric.serverKey(2)).id();
    assertThat(person.exists(ObjectKind.DEVICE, server2)).isTrue();
    assertThat(observe(full).owned()).containsKey(fabric.serverKey(2));

    DiffOptions force = DiffOptions.defaults().withResolutions(Resolutions.none().with(fabric.serverKey(2).toString(), Resolution.FORCE));
    assertThat(reconciler.planAndApply(smaller, force).succeeded()).isTrue();
    assertThat(person.exists(ObjectKind.DEVICE, server2)).isFalse();
    assertThat(reconciler.plan(smaller, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void whatAPersonAddedToAnOwnedDeviceBlocksItsDeletion() {
    TestFabric fabric = TestFabric.of("alpha").withServers(2);
    DesiredState full = fabric.build();
    applied(full, DiffOptions.defaults());
    long server2 = observe(full).owned().get(fabric.serverKey(2)).id();
    long mgmt = person.addInterface(server2, "mgmt0", "1000base-t");
    long ip = person.addIpAddress(mgmt, "192.0.2.2/24");

    List<ExternalReference> refs = observe(full).externalReferences().stream()
        .filter(r -> r.target().equals(fabric.serverKey(2))).collect(Collectors.toList());
    assertThat(refs).extracting(ExternalReference::kind).containsExactlyInAnyOrder("dcim.interface", "ipam.ipaddress");
    assertThat(refs).extracting(ExternalReference::id).containsExactlyInAnyOrder(mgmt, ip);

    DesiredState smaller = fabric.withServers(1).build();
    Preview preview = reconciler.plan(smaller, DiffOptions.defaults());
    DeletionConflict conflict = (DeletionConflict) preview.conflicts().get(0);
    assertThat(preview.conflicts()).hasSize(1);
    assertThat(conflict.key()).isEqualTo(fabric.serverKey(2));
    assertThat(reconciler.apply(preview).succeeded()).isTrue();
    assertThat(person.exists(ObjectKind.DEVICE, server2)).isTrue();

    DiffOptions force = DiffOptions.defaults().withResolutions(Resolutions.none().with(conflict.id(), Resolution.FORCE));
    assertThat(reconciler.planAndApply(smaller, force).succeeded()).isTrue();
    assertThat(person.exists(ObjectKind.DEVICE, server2)).isFalse();
    assertThat(person.exists(ObjectKind.INTERFACE, mgmt)).isFalse();
  }

  @Test
  void aCableToAnUnownedInterfaceIsAnExternalReferenceAndBlocksThePlannedCable() {
    TestFabric fabric = TestFabric.of("alpha").withServers(1);
    DesiredState desired = fabric.build();
    applied(desired, DiffOptions.defaults());
    ObservedState observed = observe(desired);
    ObservedObject cable = observed.owned().get(fabric.cableKey(1, 0));
    ObjectKey leafPort = ((Ref) cable.field(Fields.B_END)).key();
    person.delete(ObjectKind.CABLE, cable.id());
    long panel = person.addDevice(fabric.site(), "patch-panel", "server", TestFabric.SERVER_TYPE);
    long panelPort = person.addInterface(panel, "front-1", "other");
    long foreign = person.addCable(panelPort, observed.owned().get(leafPort).id());

    assertThat(observe(desired).externalReferences()).anySatisfy(r -> {
      assertThat(r.target()).isEqualTo(leafPort);
      assertThat(r.kind()).isEqualTo("dcim.cable");
      assertThat(r.id()).isEqualTo(foreign);
    });
    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    ExistenceConflict conflict = (ExistenceConflict) preview.conflicts().stream()
        .filter(c -> c.type() == ConflictType.EXISTENCE).findFirst().orElseThrow();
    assertThat(conflict.key()).isEqualTo(fabric.cableKey(1, 0));
    assertThat(conflict.options()).containsExactly(Resolution.SKIP);
    assertThat(preview.changeSet().operations()).noneMatch(op -> op.key().equals(fabric.cableKey(1, 0)));
    assertThat(reconciler.apply(preview).succeeded()).isTrue();
    assertThat(person.exists(ObjectKind.CABLE, foreign)).isTrue();
  }

  // ---- two plans, one NetBox -----------------------------------------------------------------

  @Test
  void twoPlansSideBySideNeverTouchEachOther() {
    TestFabric alpha = TestFabric.of("alpha").withServers(3);
    TestFabric beta = TestFabric.of("beta").withServers(2);
    applied(alpha.build(), DiffOptions.defaults());
    applied(beta.build(), DiffOptions.defaults());
    ObservedState betaBefore = observe(beta.build());
    assertThat(betaBefore.owned().keySet()).allMatch(k -> k.owner().equals("beta"));
    assertThat(observe(alpha.build()).owned().keySet()).allMatch(k -> k.owner().equals("alpha"));

    applied(alpha.withServers(1).withNaming("a-%d", "a-leaf-%d").withShift(1).build(), DiffOptions.defaults());
    applied(alpha.withServers(0).build(), DiffOptions.defaults());

    ObservedState betaAfter = observe(beta.build());
    assertThat(betaAfter.owned()).isEqualTo(betaBefore.owned());
    assertThat(reconciler.plan(beta.build(), DiffOptions.defaults()).isNoOp()).isTrue();
  }

  // ---- atomicity -----------------------------------------------------------------------------

  @Test
  void aFailingApplyIsAllOrNothingAndReportsTheFailure() {
    TestFabric fabric = TestFabric.of("alpha").withServers(1);
    applied(fabric.build(), DiffOptions.defaults());
    DesiredState bigger = fabric.withServers(3).build();
    Preview preview = reconciler.plan(bigger, DiffOptions.defaults());
    long intruder = person.addDevice(fabric.site(), fabric.serverName(3), "server", TestFabric.SERVER_TYPE);

    ChangeSet changeSet = preview.changeSet();
    ApplyReport report = backend.apply(changeSet, ApplyOptions.defaults().withClock(CLOCK), ProgressListener.NONE);
    assertThat(report.succeeded()).isFalse();
    assertThat(report.failures()).extracting(ApplyReport.Failure::key).contains(fabric.serverKey(3));
    if (isTransactional()) {
      assertThat(report.rolledBack()).isTrue();
      assertThat(observe(bigger).owned().keySet()).containsExactlyInAnyOrderElementsOf(ownedKeys(fabric.build()));
    } else {
      assertThat(report.rolledBack()).isFalse();
    }
    person.delete(ObjectKind.DEVICE, intruder);
    applied(bigger, DiffOptions.defaults());
    assertThat(observe(bigger).owned().keySet()).containsExactlyInAnyOrderElementsOf(ownedKeys(bigger));
    assertThat(reconciler.plan(bigger, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  // ---- a person at NetBox --------------------------------------------------------------------

  @Test
  void manualEditsAreConflictsOrUnmanagedChangesAndSurviveApply() {
    TestFabric fabric = TestFabric.of("alpha");
    DesiredState desired = fabric.build();
    applied(desired, DiffOptions.defaults());
    long leaf = observe(desired).owned().get(fabric.leafKey(1)).id();
    person.editField(ObjectKind.DEVICE, leaf, Fields.STATUS, "active");
    person.editField(ObjectKind.DEVICE, leaf, Fields.DESCRIPTION, "rack 4");

    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    FieldConflict conflict = (FieldConflict) preview.conflicts().get(0);
    assertThat(preview.conflicts()).hasSize(1);
    assertThat(conflict.field()).isEqualTo(Fields.STATUS);
    assertThat(conflict.cause()).isEqualTo(FieldConflict.Cause.MANUAL_EDIT);
    assertThat(conflict.options()).containsExactly(Resolution.KEEP_MANUAL, Resolution.APPLY_DIET, Resolution.STOP_MANAGING);
    assertThat(preview.drift().unmanaged()).singleElement().satisfies(u -> {
      assertThat(u.field()).isEqualTo(Fields.DESCRIPTION);
      assertThat(u.after()).isEqualTo("rack 4");
    });
    assertThat(preview.changeSet().isEmpty()).isTrue();
    reconciler.apply(preview);
    ObservedObject kept = observe(desired).owned().get(fabric.leafKey(1));
    assertThat(kept.field(Fields.STATUS)).isEqualTo("active");
    assertThat(kept.field(Fields.DESCRIPTION)).isEqualTo("rack 4");

    DiffOptions applyDiet = DiffOptions.defaults().withResolutions(Resolutions.none().with(conflict.id(), Resolution.APPLY_DIET));
    applied(desired, applyDiet);
    ObservedObject overwritten = observe(desired).owned().get(fabric.leafKey(1));
    assertThat(overwritten.field(Fields.STATUS)).isEqualTo("planned");
    assertThat(overwritten.field(Fields.DESCRIPTION)).isEqualTo("rack 4");
    assertThat(reconciler.plan(desired, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void anOwnedObjectDeletedOutsideDietIsRecreated() {
    TestFabric fabric = TestFabric.of("alpha");
    DesiredState desired = fabric.build();
    applied(desired, DiffOptions.defaults());
    person.delete(ObjectKind.DEVICE, observe(desired).owned().get(fabric.serverKey(2)).id());

    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(preview.drift().missing()).extracting(m -> m.key()).contains(fabric.serverKey(2));
    assertThat(preview.status()).isEqualTo(ReconcileStatus.DRIFT_DETECTED);
    assertThat(reconciler.apply(preview).succeeded()).isTrue();
    assertThat(observe(desired).owned().keySet()).containsExactlyInAnyOrderElementsOf(ownedKeys(desired));
    assertThat(reconciler.plan(desired, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void anUnownedDeviceWithAPlannedNameIsAnExistenceConflictThatCanBeAdopted() {
    TestFabric fabric = TestFabric.of("alpha").withServers(1);
    DesiredState one = fabric.build();
    applied(one, DiffOptions.defaults());
    DesiredState two = fabric.withServers(2).build();
    long existing = person.addDevice(fabric.site(), fabric.serverName(2).toUpperCase(java.util.Locale.ROOT), "server", TestFabric.SERVER_TYPE);

    Preview skipped = reconciler.plan(two, DiffOptions.defaults());
    ExistenceConflict conflict = (ExistenceConflict) skipped.conflicts().stream()
        .filter(c -> c.type() == ConflictType.EXISTENCE).findFirst().orElseThrow();
    assertThat(conflict.key()).isEqualTo(fabric.serverKey(2));
    assertThat(conflict.blockingId()).isEqualTo(existing);
    assertThat(conflict.options()).containsExactly(Resolution.SKIP, Resolution.ADOPT);
    assertThat(skipped.changeSet().operations()).noneMatch(op -> op.key().path().startsWith("server/gpu/2"));
    assertThat(reconciler.apply(skipped).succeeded()).isTrue();
    assertThat(observe(two).owned()).doesNotContainKey(fabric.serverKey(2));

    DiffOptions adopt = DiffOptions.defaults().withResolutions(Resolutions.none().with(conflict.id(), Resolution.ADOPT));
    applied(two, adopt);
    ObservedState after = observe(two);
    assertThat(after.owned().get(fabric.serverKey(2)).id()).isEqualTo(existing);
    assertThat(after.owned().keySet()).containsExactlyInAnyOrderElementsOf(ownedKeys(two));
    assertThat(reconciler.plan(two, DiffOptions.defaults()).isNoOp()).isTrue();
  }

  @Test
  void aProtectedObjectIsNeverDeleted() {
    TestFabric fabric = TestFabric.of("alpha").withServers(2);
    DesiredState full = fabric.build();
    applied(full, DiffOptions.defaults());
    long server2 = observe(full).owned().get(fabric.serverKey(2)).id();
    person.addTag(ObjectKind.DEVICE, server2, "diet-protected");

    DesiredState smaller = fabric.withServers(1).build();
    Preview preview = reconciler.plan(smaller, DiffOptions.defaults());
    assertThat(preview.changeSet().operations()).noneMatch(op -> op.key().equals(fabric.serverKey(2)));
    assertThat(preview.diff().notes()).anySatisfy(n -> assertThat(n.key()).isEqualTo(fabric.serverKey(2)));
    assertThat(reconciler.apply(preview).succeeded()).isTrue();
    assertThat(person.exists(ObjectKind.DEVICE, server2)).isTrue();
  }

  @Test
  void referenceDataWithOtherValuesIsAConflictAndIsNeverModified() {
    TestFabric fabric = TestFabric.of("alpha");
    DesiredState desired = fabric.build();
    person.createReference(ObjectKind.DEVICE_ROLE, TestFabric.fields(Fields.NAME, "Leaf", Fields.SLUG, "leaf", Fields.COLOR, "ff0000"));

    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    ReferenceConflict conflict = (ReferenceConflict) preview.conflicts().get(0);
    assertThat(conflict.key()).isEqualTo(TestFabric.ref(ObjectKind.DEVICE_ROLE, "leaf"));
    assertThat(conflict.mismatches()).singleElement().satisfies(m -> assertThat(m.current()).isEqualTo("ff0000"));
    assertThat(reconciler.apply(preview).succeeded()).isTrue();
    ObservedState observed = observe(desired);
    assertThat(observed.references().get(TestFabric.ref(ObjectKind.DEVICE_ROLE, "leaf")).field(Fields.COLOR)).isEqualTo("ff0000");
    assertThat(observed.owned().keySet()).containsExactlyInAnyOrderElementsOf(ownedKeys(desired));
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Plans and applies, asserting the apply succeeded. */
  protected ApplyOutcome applied(DesiredState desired, DiffOptions options) {
    ApplyOutcome outcome = reconciler.planAndApply(desired, options);
    assertThat(outcome.report().failures()).as("apply failures").isEmpty();
    return outcome;
  }

  protected ObservedState observe(DesiredState desired) {
    return backend.observe(Reconciler.scopeOf(desired), ProgressListener.NONE);
  }

  protected static Set<ObjectKey> ownedKeys(DesiredState desired) {
    return desired.objects().stream().map(DesiredObject::key).filter(k -> !k.isReference()).collect(Collectors.toSet());
  }

  private static Set<ObjectKey> referenceKeys(DesiredState desired) {
    return desired.objects().stream().map(DesiredObject::key).filter(ObjectKey::isReference).collect(Collectors.toSet());
  }

  private static Map<ObjectKey, Long> ids(ObservedState observed) {
    Map<ObjectKey, Long> out = new HashMap<>();
    observed.owned().forEach((k, v) -> out.put(k, v.id()));
    return out;
  }

  private static Set<ObjectKey> keys(List<Operation> ops, Action action) {
    return ops.stream().filter(op -> op.action() == action).map(Operation::key).collect(Collectors.toSet());
  }

  private static int removalRank(ObjectKind kind) {
    return List.of(ObjectKind.CABLE, ObjectKind.INTERFACE, ObjectKind.MODULE, ObjectKind.MODULE_BAY, ObjectKind.DEVICE).indexOf(kind);
  }

  private static Object normal(Object v) {
    return "".equals(v) ? null : v;
  }

  private static void assertEveryInterfaceHasAtMostOneCable(ObservedState observed) {
    Set<Object> ends = new HashSet<>();
    for (ObservedObject o : observed.owned().values()) {
      if (o.kind() == ObjectKind.CABLE) {
        assertThat(ends.add(o.field(Fields.A_END))).as("second cable on " + o.field(Fields.A_END)).isTrue();
        assertThat(ends.add(o.field(Fields.B_END))).as("second cable on " + o.field(Fields.B_END)).isTrue();
      }
    }
  }
}
