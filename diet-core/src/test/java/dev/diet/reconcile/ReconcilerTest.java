package dev.diet.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diet.diff.ChangeSet;
import dev.diet.diff.ConflictType;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.Resolution;
import dev.diet.diff.Resolutions;
import dev.diet.memory.InMemoryNetBox;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.BackendException;
import dev.diet.spi.DeletionPolicy;
import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.ObserveScope;
import dev.diet.spi.ObservedState;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKind;
import dev.diet.testing.TestFabric;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The reconciler's front door: preview text and JSON, fingerprints, status, progress and the clock. */
class ReconcilerTest {
  private static final Instant NOW = Instant.parse("2025-07-08T09:10:11Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final TestFabric fabric = TestFabric.of("lab").withServers(2);
  private final DesiredState desired = fabric.build();
  private final InMemoryNetBox netbox = new InMemoryNetBox(CLOCK);
  private final Reconciler reconciler = Reconciler.builder(netbox).clock(CLOCK).build();

  @Test
  void theTextShowsEachActionLikeTerraformAndEndsWithTheSummary() {
    reconciler.planAndApply(desired, DiffOptions.defaults());
    long leaf = netbox.find(fabric.leafKey(2)).orElseThrow().id();
    netbox.edit(ObjectKind.DEVICE, leaf, Fields.STATUS, "offline");
    DesiredState changed = fabric.withServers(1).withNaming("n-%d", "l-%d").build();

    String text = reconciler.plan(changed, DiffOptions.defaults()).text();
    assertThat(text).startsWith("DIET plan lab against in-memory NetBox\n");
    assertThat(text).contains("  ~ device n-1\n      name: \"lab-srv-001\" -> \"n-1\"\n");
    assertThat(text).contains("  - device lab-srv-002\n");
    assertThat(text).contains("  ! device l-2: status was changed in NetBox to \"offline\"; DIET applied and still wants \"planned\"\n");
    assertThat(text).contains("      id lab:device:switch/leaf/2#status; options: keep_manual (chosen), apply_diet, stop_managing\n");
    assertThat(text).endsWith("\nPlan: 0 to add, 6 to change, 7 to destroy, 1 conflicts.\n");

    String fresh = Reconciler.builder(new InMemoryNetBox()).clock(CLOCK).build().plan(desired, DiffOptions.defaults()).text();
    assertThat(fresh).contains("  + device lab-srv-001\n").contains("  + cable lab-srv-001:nic-p0 <-> lab-leaf-02:E1/1\n");
  }

  @Test
  void theJsonFollowsSchemaV1AndGivesBackFingerprintAndOptions() throws Exception {
    DiffOptions options = DiffOptions.defaults().withDeletionPolicy(DeletionPolicy.WARN).withDeviceDeletionThreshold(3)
        .withResolutions(Resolutions.none().withAll(ConflictType.FIELD, Resolution.APPLY_DIET));
    Preview preview = reconciler.plan(desired, options);
    JsonNode json = new ObjectMapper().readTree(preview.json());

    assertThat(json.get("schema").asText()).isEqualTo("diet.plan/v1");
    Set<String> keys = new TreeSet<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("schema", "plan", "plan_fingerprint", "fingerprint", "backend", "created_at", "status",
        "summary", "options", "counts", "approval", "operations", "conflicts", "drift", "notes");
    assertThat(json.get("created_at").asText()).isEqualTo(NOW.toString());
    assertThat(json.get("status").asText()).isEqualTo("drift_detected");
    assertThat(json.at("/summary/add").asInt()).isEqualTo(desired.size());
    assertThat(json.at("/summary/line").asText()).isEqualTo(preview.summaryLine());
    assertThat(json.at("/counts/device/create").asInt()).isEqualTo(4);
    JsonNode cable = json.get("operations").get(desired.size() - 1);
    assertThat(cable.get("action").asText()).isEqualTo("create");
    assertThat(cable.get("kind").asText()).isEqualTo("cable");
    assertThat(cable.get("id").isNull()).isTrue();
    assertThat(cable.at("/changes/a_end/after/ref").asText()).startsWith("lab:interface:server/gpu/");
    assertThat(cable.at("/changes/a_end/before").isNull()).isTrue();

    assertThat(PreviewJson.fingerprint(preview.json())).isEqualTo(preview.fingerprint());
    assertThat(PreviewJson.options(preview.json())).isEqualTo(options);
  }

  @Test
  void applyRefusesAStalePreviewAndChangesNothing() {
    reconciler.planAndApply(fabric.withServers(1).build(), DiffOptions.defaults());
    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    netbox.edit(ObjectKind.DEVICE, netbox.find(fabric.leafKey(1)).orElseThrow().id(), Fields.DESCRIPTION, "touched");
    int devices = netbox.count(ObjectKind.DEVICE);

    assertThatThrownBy(() -> reconciler.apply(preview))
        .isInstanceOf(StalePreviewException.class)
        .hasMessageContaining("changed since the preview was made")
        .satisfies(e -> assertThat(((StalePreviewException) e).hint()).hasValueSatisfying(h -> assertThat(h).contains("run plan again")));
    assertThatThrownBy(() -> reconciler.apply(desired, DiffOptions.defaults(), preview.fingerprint())).isInstanceOf(StalePreviewException.class);
    assertThat(netbox.count(ObjectKind.DEVICE)).isEqualTo(devices);

    Preview fresh = reconciler.plan(desired, DiffOptions.defaults());
    assertThat(reconciler.apply(desired, DiffOptions.defaults(), fresh.fingerprint()).succeeded()).isTrue();
  }

  @Test
  void statusIsInSyncDriftConflictsOrError() {
    assertThat(reconciler.status(desired).status()).isEqualTo(ReconcileStatus.DRIFT_DETECTED);
    reconciler.planAndApply(desired, DiffOptions.defaults());
    assertThat(reconciler.status(desired).status()).isEqualTo(ReconcileStatus.IN_SYNC);
    netbox.edit(ObjectKind.DEVICE, netbox.find(fabric.leafKey(1)).orElseThrow().id(), Fields.STATUS, "active");
    assertThat(reconciler.status(desired).status()).isEqualTo(ReconcileStatus.CONFLICTS);
    assertThat(reconciler.drift(desired).modified()).hasSize(1);

    StatusReport broken = Reconciler.builder(new Unreachable()).build().status(desired);
    assertThat(broken.status()).isEqualTo(ReconcileStatus.ERROR);
    assertThat(broken.error()).hasValue("NetBox is unreachable (check the URL)");
    assertThat(broken.preview()).isEmpty();
  }

  @Test
  void progressIsReportedForObserveDiffAndEachKindOfApply() {
    List<String> events = new ArrayList<>();
    ProgressListener recorder = new ProgressListener() {
      @Override
      public void started(Phase phase, String detail, long total) {
        events.add("start " + phase + " " + detail + " " + total);
      }

      @Override
      public void finished(Phase phase, String detail) {
        events.add("end " + phase + " " + detail);
      }
    };
    Reconciler observed = Reconciler.builder(netbox).clock(CLOCK).listener(recorder).build();
    ApplyOutcome outcome = observed.planAndApply(desired, DiffOptions.defaults());

    assertThat(events).startsWith("start OBSERVE observe 0", "end OBSERVE observe", "start DIFF diff " + desired.size(), "end DIFF diff");
    assertThat(events).contains("start APPLY device 4", "end APPLY device", "start APPLY cable 4", "start APPLY site 1");
    assertThat(outcome.startedAt()).isEqualTo(NOW);
    assertThat(outcome.finishedAt()).isEqualTo(NOW);
    assertThat(outcome.preview().createdAt()).isEqualTo(NOW);
  }

  @Test
  void theSameInputsGiveTheSamePreview() {
    Preview a = Reconciler.builder(new InMemoryNetBox()).clock(CLOCK).build().plan(desired, DiffOptions.defaults());
    Preview b = Reconciler.builder(new InMemoryNetBox()).clock(CLOCK).build().plan(desired, DiffOptions.defaults());
    assertThat(a.text()).isEqualTo(b.text());
    assertThat(a.json()).isEqualTo(b.json());
    assertThat(a.changeSet().operations()).isEqualTo(b.changeSet().operations());
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
  }

  @Test
  void theScopeNamesThePlanItsSiteItsDevicesAndItsReferenceData() {
    ObserveScope scope = Reconciler.scopeOf(desired);
    assertThat(scope.planId()).isEqualTo("lab");
    assertThat(scope.siteSlug()).isEqualTo("lab");
    assertThat(scope.plannedDeviceNames()).containsExactlyInAnyOrder("lab-srv-001", "lab-srv-002", "lab-leaf-01", "lab-leaf-02");
    assertThat(scope.referenceKeys()).contains(TestFabric.ref(ObjectKind.DEVICE_TYPE, TestFabric.LEAF_TYPE)).allMatch(k -> k.isReference());
  }

  /** A backend whose NetBox cannot be reached. */
  private static final class Unreachable implements NetBoxBackend {
    @Override
    public ObservedState observe(ObserveScope scope, ProgressListener listener) {
      throw new BackendException("NetBox is unreachable", "check the URL");
    }

    @Override
    public ApplyReport apply(ChangeSet changeSet, ApplyOptions options, ProgressListener listener) {
      throw new BackendException("NetBox is unreachable", "check the URL");
    }

    @Override
    public String describe() {
      return "nowhere";
    }
  }
}
