package dev.diet.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.diff.Action;
import dev.diet.diff.Conflict;
import dev.diet.diff.ConflictType;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.FieldConflict;
import dev.diet.diff.Operation;
import dev.diet.diff.Resolution;
import dev.diet.diff.Resolutions;
import dev.diet.memory.InMemoryNetBox;
import dev.diet.memory.StoredObject;
import dev.diet.spi.DeletionPolicy;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKind;
import dev.diet.testing.TestFabric;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Idempotence, convergence, safety and determinism of reconciliation, on small random fabrics
 * ({@link TestFabric}) in the in-memory NetBox.
 */
class ReconcilerProperties {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final List<String> SERVER_NAMES = List.of("srv-%d", "gpu-%02d", "node-%d");
  private static final List<String> LEAF_NAMES = List.of("leaf-%d", "sw-%02d", "tor-%d");

  /** Apply, then plan again: nothing left to do, and applying that writes nothing. */
  @Property(tries = 1000)
  void reconcilingIsIdempotent(@ForAll("fabrics") TestFabric before, @ForAll("fabrics") TestFabric after, @ForAll("policies") DeletionPolicy policy) {
    InMemoryNetBox netbox = new InMemoryNetBox(CLOCK);
    Reconciler reconciler = reconciler(netbox);
    DiffOptions options = DiffOptions.defaults().withDeletionPolicy(policy).withDeletionsApproved(true);
    DesiredState target = after.build();
    assertThat(reconciler.planAndApply(before.build(), options).report().failures()).isEmpty();
    assertThat(reconciler.planAndApply(target, options).report().failures()).isEmpty();

    Preview again = reconciler.plan(target, options);
    assertThat(again.changeSet().operations()).isEmpty();
    int writes = netbox.changelog().size();
    assertThat(reconciler.apply(again).report().done()).isEmpty();
    assertThat(netbox.changelog()).hasSize(writes);
  }

  /**
   * Random changes by a person on a synced NetBox; one apply brings it back, apart from the manual
   * edits the default policy keeps (each left as a manual-edit conflict holding the person's value).
   */
  @Property(tries = 1000)
  void oneApplyConvergesAfterRandomDrift(@ForAll("fabrics") TestFabric fabric, @ForAll("drifts") List<Drift> drifts) {
    InMemoryNetBox netbox = new InMemoryNetBox(CLOCK);
    Reconciler reconciler = reconciler(netbox);
    DesiredState desired = fabric.build();
    reconciler.planAndApply(desired, DiffOptions.defaults());
    Map<String, Object> edited = new HashMap<>();
    for (Drift d : drifts) {
      d.applyTo(netbox, reconciler.observe(desired), edited);
    }

    assertThat(reconciler.planAndApply(desired, DiffOptions.defaults()).succeeded()).isTrue();
    Preview after = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(after.changeSet().operations()).isEmpty();
    assertThat(after.drift().missing()).isEmpty();
    for (Conflict c : after.conflicts()) {
      FieldConflict f = (FieldConflict) c;
      assertThat(f.cause()).isEqualTo(FieldConflict.Cause.MANUAL_EDIT);
      assertThat(f.current()).isEqualTo(edited.get(f.kind() + "#" + f.netboxId() + "/" + f.field()));
    }
    assertThat(after.status()).isEqualTo(after.conflicts().isEmpty() ? ReconcileStatus.IN_SYNC : ReconcileStatus.CONFLICTS);
  }

  /**
   * Two plans and a person's own devices in one NetBox: a plan's operations only touch objects it
   * owns (or unowned ones it was told to adopt), never reference data, never the other plan's.
   */
  @Property(tries = 1000)
  void noOperationTouchesWhatThePlanDoesNotOwn(
      @ForAll("fabrics") TestFabric mineBefore, @ForAll("fabrics") TestFabric mineAfter, @ForAll("fabrics") TestFabric theirs,
      @ForAll("policies") DeletionPolicy policy, @ForAll boolean adoptStrangers) {
    InMemoryNetBox netbox = new InMemoryNetBox(CLOCK);
    Reconciler reconciler = reconciler(netbox);
    DesiredState other = theirs.withPlanId("q").build();
    DesiredState mine = mineAfter.build();
    assertThat(reconciler.planAndApply(other, DiffOptions.defaults()).report().failures()).isEmpty();
    if (netbox.findDevice("lab", mineAfter.serverName(1)).isEmpty()) {
      netbox.addDevice("lab", mineAfter.serverName(1), "server", TestFabric.SERVER_TYPE);
    }
    netbox.addDevice("lab", "hand-made", "server", TestFabric.SERVER_TYPE);
    reconciler.planAndApply(mineBefore.build(), DiffOptions.defaults());
    Map<Long, StoredObject> strangers = new HashMap<>();
    for (StoredObject d : netbox.all(ObjectKind.DEVICE)) {
      if (!d.ownerPlan().equals(Optional.of("p"))) {
        strangers.put(d.id(), d);
      }
    }
    ObservedState otherBefore = reconciler.observe(other);

    Resolutions resolutions = adoptStrangers ? Resolutions.none().withAll(ConflictType.EXISTENCE, Resolution.ADOPT) : Resolutions.none();
    Preview preview = reconciler.plan(mine, DiffOptions.defaults().withDeletionPolicy(policy).withDeletionsApproved(true).withResolutions(resolutions));
    for (Operation op : preview.changeSet().operations()) {
      if (op.key().isReference()) {
        assertThat(op.action()).as(op.toString()).isEqualTo(Action.CREATE);
      } else if (op.action() == Action.ADOPT) {
        assertThat(adoptStrangers).as("adopted without being told: " + op).isTrue();
        assertThat(netbox.get(op.kind(), op.netboxId().getAsLong()).orElseThrow().ownerPlan()).as(op.toString()).isEmpty();
      } else if (op.action() != Action.CREATE) {
        assertThat(netbox.get(op.kind(), op.netboxId().getAsLong()).orElseThrow().ownerPlan()).as(op.toString()).contains("p");
      }
    }
    assertThat(reconciler.apply(preview).report().failures()).isEmpty();

    assertThat(reconciler.observe(other).owned()).isEqualTo(otherBefore.owned());
    for (StoredObject stranger : strangers.values()) {
      StoredObject now = netbox.get(ObjectKind.DEVICE, stranger.id()).orElseThrow();
      if (now.ownerPlan().isEmpty() || !now.ownerPlan().get().equals("p")) {
        assertThat(now.fields()).isEqualTo(stranger.fields());
        assertThat(now.customFields()).isEqualTo(stranger.customFields());
      } else {
        assertThat(adoptStrangers).as("adopted without being told: " + now).isTrue();
        assertThat(stranger.ownerPlan()).isEmpty();
      }
    }
  }

  /** The same NetBox and plan give the same change set, preview text and JSON. */
  @Property(tries = 1000)
  void sameInputsGiveTheSameChangeSetAndPreview(
      @ForAll("fabrics") TestFabric before, @ForAll("fabrics") TestFabric after, @ForAll("drifts") List<Drift> drifts,
      @ForAll("policies") DeletionPolicy policy) {
    Preview a = previewAfter(before, after, drifts, policy);
    Preview b = previewAfter(before, after, drifts, policy);
    assertThat(a.changeSet().operations()).isEqualTo(b.changeSet().operations());
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    assertThat(a.text()).isEqualTo(b.text());
    assertThat(a.json()).isEqualTo(b.json());
  }

  private static Preview previewAfter(TestFabric before, TestFabric after, List<Drift> drifts, DeletionPolicy policy) {
    InMemoryNetBox netbox = new InMemoryNetBox(CLOCK);
    Reconciler reconciler = reconciler(netbox);
    DesiredState start = before.build();
    reconciler.planAndApply(start, DiffOptions.defaults());
    Map<String, Object> edited = new HashMap<>();
    for (Drift d : drifts) {
      d.applyTo(netbox, reconciler.observe(start), edited);
    }
    return reconciler.plan(after.build(), DiffOptions.defaults().withDeletionPolicy(policy));
  }

  private static Reconciler reconciler(InMemoryNetBox netbox) {
    return Reconciler.builder(netbox).clock(CLOCK).build();
  }

  // ---- generators ----------------------------------------------------------------------------

  @Provide
  Arbitrary<TestFabric> fabrics() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 2),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(1, 2),
            Arbitraries.integers().between(0, 1),
            Arbitraries.of(SERVER_NAMES),
            Arbitraries.of(LEAF_NAMES),
            Arbitraries.of("planned", "active"))
        .as((leaves, servers, ports, shift, serverName, leafName, status) -> TestFabric.of("p").withLeaves(leaves).withServers(servers)
            .withNicPorts(ports).withLeafPorts(8).withShift(shift).withNaming(serverName, leafName).withLeafStatus(status));
  }

  @Provide
  Arbitrary<DeletionPolicy> policies() {
    return Arbitraries.of(DeletionPolicy.class);
  }

  @Provide
  Arbitrary<List<Drift>> drifts() {
    return Combinators.combine(Arbitraries.of(Drift.Kind.class), Arbitraries.integers().between(0, 999))
        .as(Drift::new)
        .list()
        .ofMaxSize(5);
  }

  /** One change a person makes: what, and which owned object (by position among the owned objects). */
  static final class Drift {
    /** The kinds of manual change. */
    enum Kind {
      EDIT_MANAGED,
      EDIT_DESCRIPTION,
      DELETE,
      ADD_IP,
      ADD_DEVICE
    }

    private final Kind kind;
    private final int target;

    Drift(Kind kind, int target) {
      this.kind = kind;
      this.target = target;
    }

    void applyTo(InMemoryNetBox netbox, ObservedState observed, Map<String, Object> edited) {
      List<ObservedObject> owned = new ArrayList<>(observed.owned().values());
      if (owned.isEmpty()) {
        return;
      }
      ObservedObject o = owned.get(target % owned.size());
      switch (kind) {
        case EDIT_MANAGED:
          String field = managedTextField(o.kind());
          String value = "manual-" + target;
          netbox.edit(o.kind(), o.id(), field, value);
          edited.put(o.kind() + "#" + o.id() + "/" + field, value);
          break;
        case EDIT_DESCRIPTION:
          netbox.edit(o.kind(), o.id(), Fields.DESCRIPTION, "note " + target);
          break;
        case DELETE:
          netbox.delete(o.kind(), o.id());
          break;
        case ADD_IP:
          if (o.kind() == ObjectKind.INTERFACE) {
            netbox.addIpAddress(o.id(), "10.0." + (target % 250) + ".1/24");
          }
          break;
        case ADD_DEVICE:
          if (netbox.findDevice("lab", "extra-" + target).isEmpty()) {
            netbox.addDevice("lab", "extra-" + target, "server", TestFabric.SERVER_TYPE);
          }
          break;
        default:
          throw new IllegalStateException();
      }
    }

    private static String managedTextField(ObjectKind kind) {
      switch (kind) {
        case MODULE_BAY:
          return Fields.LABEL;
        case MODULE:
          return Fields.SERIAL;
        case INTERFACE:
          return Fields.TYPE;
        default:
          return Fields.STATUS;
      }
    }

    @Override
    public String toString() {
      return kind + "@" + target;
    }
  }
}
