package dev.diet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diet.diff.ChangeSet;
import dev.diet.memory.InMemoryNetBox;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.BackendException;
import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.ObserveScope;
import dev.diet.spi.ObservedState;
import dev.diet.spi.ProgressListener;
import dev.diet.state.ObjectKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply, drift and status against an in-memory NetBox: every exit code, the text and JSON
 * they print, the review rules of apply, and the errors a person can run into.
 */
class ReconcileCommandsTest {
  private static final String LAB = "examples/lab-two-tor.yaml";
  private static final String SCALED = "examples/lab-two-tor-scaled.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
  }

  private static JsonNode json(Cli.Run run) throws IOException {
    return JSON.readTree(run.out);
  }

  private void applyLab() {
    Cli.Run run = cli.run("apply", LAB, "--yes");
    assertThat(run.code).as(run.toString()).isZero();
  }

  private long deviceId(String name) {
    return cli.netbox().findDevice("hedgehog", name).orElseThrow().id();
  }

  // ---- plan ------------------------------------------------------------------------------------

  @Test
  void planOfAnEmptyNetBoxListsEveryCreateAndExitsTwo() {
    Cli.Run run = cli.run("plan", LAB);
    assertThat(run.code).as(run.toString()).isEqualTo(2);
    assertThat(run.out).contains("+ device worker-001", "+ cable ", "+ device lab-tor-02");
    assertThat(run.out).containsPattern("\\nPlan: \\d+ to add, 0 to change, 0 to destroy, 0 conflicts\\.\\n$");
    assertThat(run.out).doesNotContain("\u001B[");
    assertThat(cli.netbox().count(ObjectKind.DEVICE)).as("plan changes nothing").isZero();
  }

  @Test
  void planAfterApplyHasNoChangesAndExitsZero() {
    applyLab();
    Cli.Run run = cli.run("plan", LAB);
    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.out).endsWith("No changes. NetBox matches the plan.\n");
  }

  @Test
  void planJsonIsThePreviewSchema() throws IOException {
    Cli.Run run = cli.run("plan", LAB, "--json");
    assertThat(run.code).isEqualTo(2);
    JsonNode root = json(run);
    assertThat(root.get("schema").asText()).isEqualTo("diet.plan/v1");
    assertThat(root.get("plan").asText()).isEqualTo("lab_two_tor");
    assertThat(root.get("fingerprint").asText()).matches("[0-9a-f]{64}");
    assertThat(root.get("status").asText()).isEqualTo("drift_detected");
    JsonNode summary = root.get("summary");
    assertThat(summary.get("add").asInt()).isPositive();
    assertThat(summary.get("change").asInt()).isZero();
    assertThat(summary.get("destroy").asInt()).isZero();
    assertThat(summary.get("conflicts").asInt()).isZero();
    assertThat(summary.get("line").asText()).startsWith("Plan: " + summary.get("add").asInt() + " to add");
    assertThat(root.get("counts").get("device").get("create").asInt()).isEqualTo(5);
    assertThat(root.get("options").get("deletion_policy").asText()).isEqualTo("delete");
    assertThat(root.get("operations").size()).isEqualTo(summary.get("add").asInt());
    JsonNode op = root.get("operations").get(0);
    assertThat(op.get("action").asText()).isEqualTo("create");
    assertThat(op.get("id").isNull()).isTrue();
    assertThat(root.get("conflicts").size()).isZero();
    assertThat(root.get("approval").isNull()).isTrue();

    applyLab();
    JsonNode none = json(cli.run("plan", LAB, "--json"));
    assertThat(none.get("status").asText()).isEqualTo("in_sync");
    assertThat(none.get("operations").size()).isZero();
  }

  @Test
  void planOutSavesTheJsonPreviewAndSaysHowToApplyIt() throws IOException {
    Cli.Run run = cli.run("plan", LAB, "--out", "preview.json");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.out).contains("diet apply " + LAB + " --preview preview.json");
    JsonNode saved = JSON.readTree(dir.resolve("preview.json").toFile());
    assertThat(saved.get("schema").asText()).isEqualTo("diet.plan/v1");
    assertThat(saved.get("summary").get("line").asText()).isEqualTo(run.out.strip().lines().filter(l -> l.startsWith("Plan: ")).findFirst().orElseThrow());
  }

  @Test
  void planOfABadPlanPrintsItsProblemsAndExitsOne() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), Files.readString(dir.resolve(LAB)).replace("quantity: 3", "quantity: 30"));
    Cli.Run run = cli.run("plan", "bad.yaml");
    assertThat(run.code).isEqualTo(1);
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains("error zone_over_capacity", "Error: bad.yaml has 1 error; NetBox was not touched", "What to do: run diet validate");
    assertThat(run.err).doesNotContain("Exception");
  }

  @Test
  void aMissingPlanFileIsAFriendlyError() throws IOException {
    Cli.Run run = cli.run("plan", "nowhere.yaml", "--json");
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("unreadable_file", "nowhere.yaml cannot be used");
    JsonNode error = json(run);
    assertThat(error.get("schema").asText()).isEqualTo("diet.error/v1");
    assertThat(error.get("command").asText()).isEqualTo("plan");
    assertThat(error.get("error").asText()).isEqualTo("invalid_plan");
    assertThat(error.get("hint").asText()).contains("diet validate");
    assertThat(error.get("problems").get(0).get("code").asText()).isEqualTo("unreadable_file");
  }

  @Test
  void badCommandLinesExitWithOneForTheCommandsThatUseTwoForChanges() {
    for (String command : List.of("plan", "apply", "drift", "status")) {
      Cli.Run none = cli.run(command);
      assertThat(none.code).as(command).isEqualTo(1);
      assertThat(none.err).contains("Missing required parameter: 'PLAN'", "Usage: diet " + command);
      assertThat(cli.run(command, LAB, "--frobnicate").code).as(command).isEqualTo(1);
      assertThat(cli.run(command, LAB, "--chunk-size", "x").code).as(command).isEqualTo(1);
      assertThat(cli.run(command, LAB, "--chunk-size", "0").code).as(command).isEqualTo(1);
      Cli.Run help = cli.run(command, "--help");
      assertThat(help.code).isZero();
      assertThat(help.out).contains("Usage: diet " + command, "--target", "Exit code");
    }
    assertThat(cli.run("validate").code).as("validate keeps 2").isEqualTo(2);
    assertThat(cli.run("generate").code).as("generate keeps 2").isEqualTo(2);
    Cli.Run policy = cli.run("plan", LAB, "--deletion-policy", "shred");
    assertThat(policy.code).isEqualTo(1);
    assertThat(policy.err).contains("unknown deletion policy 'shred'", "delete, orphan or warn");
    Cli.Run resolve = cli.run("plan", LAB, "--resolve", "nonsense");
    assertThat(resolve.code).isEqualTo(1);
    assertThat(resolve.err).contains("is not CONFLICT=RESOLUTION");
  }

  @Test
  void unreachableTargetsAndBadTokensAreFriendlyErrorsWithoutStackTraces() {
    cli.withBackends(target -> {
      throw new BackendException("cannot reach NetBox at " + target + ": connection refused", "check the URL and that NetBox is running");
    });
    for (String command : List.of("plan", "apply", "drift", "status")) {
      Cli.Run run = cli.run(command, LAB, "--target", "https://netbox.invalid");
      assertThat(run.code).as(command).isEqualTo(1);
      assertThat(run.err).contains("Error: cannot reach NetBox at https://netbox.invalid", "What to do: check the URL");
      assertThat(run.err).doesNotContain("\tat ");
    }
    Cli.Run verbose = cli.run("-v", "plan", LAB, "--target", "https://netbox.invalid");
    assertThat(verbose.err).contains("BackendException", "\tat ");
    Cli.Run verboseAfter = cli.run("status", LAB, "-v", "--target", "https://netbox.invalid");
    assertThat(verboseAfter.err).contains("\tat ");
  }

  // ---- apply -----------------------------------------------------------------------------------

  @Test
  void applyWithYesCreatesEverythingAndExitsZero() {
    Cli.Run run = cli.run("apply", LAB, "--yes");
    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.out).contains("+ device worker-003");
    assertThat(run.out).containsPattern("Apply complete! Resources: \\d+ added, 0 changed, 0 destroyed\\.\\n$");
    assertThat(cli.netbox().count(ObjectKind.DEVICE)).isEqualTo(5);
    assertThat(cli.netbox().count(ObjectKind.CABLE)).isEqualTo(6);
    Cli.Run again = cli.run("apply", LAB, "--yes");
    assertThat(again.code).isZero();
    assertThat(again.out).endsWith("Nothing to apply; NetBox was not changed.\n");
  }

  @Test
  void applyWithoutReviewRefusesWhenThereIsNoTerminal() {
    Cli.Run run = cli.run("apply", LAB);
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("refusing to apply without a review", "--yes", "--preview preview.json");
    assertThat(cli.netbox().count(ObjectKind.DEVICE)).isZero();
  }

  @Test
  void applyAsksOnATerminalAndOnlyYesApproves() {
    Cli.Run no = cli.run(cli.env.withTerminal("y\n"), "apply", LAB, "--no-color");
    assertThat(no.code).isEqualTo(1);
    assertThat(no.out).contains("Only 'yes' will be accepted", "Apply cancelled; NetBox was not changed.");
    assertThat(cli.netbox().count(ObjectKind.DEVICE)).isZero();
    Cli.Run eof = cli.run(cli.env.withTerminal(""), "apply", LAB);
    assertThat(eof.code).isEqualTo(1);
    Cli.Run yes = cli.run(cli.env.withTerminal("yes\n"), "apply", LAB, "--no-color");
    assertThat(yes.code).as(yes.toString()).isZero();
    assertThat(yes.out).contains("Apply complete!");
    assertThat(cli.netbox().count(ObjectKind.DEVICE)).isEqualTo(5);
  }

  @Test
  void applyOfASavedPreviewAppliesItWhileItIsCurrent() {
    assertThat(cli.run("plan", LAB, "--out", "preview.json").code).isEqualTo(2);
    Cli.Run run = cli.run("apply", LAB, "--preview", "preview.json");
    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.out).contains("Applying the reviewed preview", "Apply complete!");
    assertThat(cli.netbox().count(ObjectKind.DEVICE)).isEqualTo(5);
  }

  @Test
  void applyOfAStalePreviewExitsThreeAndChangesNothing() throws IOException {
    assertThat(cli.run("plan", LAB, "--out", "preview.json").code).isEqualTo(2);
    applyLab();
    cli.netbox().edit(ObjectKind.DEVICE, deviceId("worker-001"), "status", "active");
    String before = cli.netbox().changelog().toString();
    Cli.Run run = cli.run("apply", LAB, "--preview", "preview.json", "--json");
    assertThat(run.code).isEqualTo(3);
    assertThat(run.err).contains("changed since the preview was made", "What to do: run plan again");
    JsonNode error = json(run);
    assertThat(error.get("schema").asText()).isEqualTo("diet.error/v1");
    assertThat(error.get("error").asText()).isEqualTo("stale_preview");
    assertThat(cli.netbox().changelog().toString()).isEqualTo(before);

    Files.writeString(dir.resolve(SCALED), Files.readString(dir.resolve(SCALED)));
    assertThat(cli.run("plan", LAB, "--out", "fresh.json").code).isEqualTo(2);
    assertThat(cli.run("apply", SCALED, "--preview", "fresh.json").code).as("the plan changed since the preview").isEqualTo(3);
  }

  @Test
  void applyOfAPreviewRefusesMissingForeignAndUnsupportedFiles() throws IOException {
    Cli.Run missing = cli.run("apply", LAB, "--preview", "nope.json");
    assertThat(missing.code).isEqualTo(1);
    assertThat(missing.err).contains("preview file nope.json does not exist", "diet plan " + LAB + " --out nope.json");

    Files.writeString(dir.resolve("v9.json"), "{\"schema\": \"diet.plan/v9\", \"plan\": \"lab_two_tor\"}");
    Cli.Run v9 = cli.run("apply", LAB, "--preview", "v9.json");
    assertThat(v9.code).isEqualTo(1);
    assertThat(v9.err).contains("not a diet.plan/v1 document (schema diet.plan/v9)");

    Files.writeString(dir.resolve("junk.json"), "not json");
    assertThat(cli.run("apply", LAB, "--preview", "junk.json").err).contains("the saved preview is not JSON");

    Files.writeString(dir.resolve("other.yaml"), Files.readString(dir.resolve(LAB)).replace("case_id: lab_two_tor", "case_id: other_lab"));
    assertThat(cli.run("plan", "other.yaml", "--out", "other.json").code).isEqualTo(2);
    Cli.Run foreign = cli.run("apply", LAB, "--preview", "other.json");
    assertThat(foreign.code).isEqualTo(1);
    assertThat(foreign.err).contains("is for plan other_lab, not lab_two_tor");

    assertThat(cli.run("plan", LAB, "--out", "here.json").code).isEqualTo(2);
    cli.withBackends(target -> new Failing(new InMemoryNetBox()));
    Cli.Run elsewhere = cli.run("apply", LAB, "--preview", "here.json");
    assertThat(elsewhere.code).isEqualTo(1);
    assertThat(elsewhere.err).contains("was made against in-memory NetBox, not failing NetBox", "pass the --target the preview was made with");

    Cli.Run both = cli.run("apply", LAB, "--preview", "other.json", "--yes");
    assertThat(both.code).isEqualTo(1);
    assertThat(both.err).contains("--preview and --yes exclude each other");
    Cli.Run policy = cli.run("apply", LAB, "--preview", "other.json", "--deletion-policy", "orphan");
    assertThat(policy.code).isEqualTo(1);
    assertThat(policy.err).contains("a saved preview carries its own deletion policy");
    assertThat(cli.netbox().count(ObjectKind.DEVICE)).isZero();
  }

  @Test
  void applyJsonReportsWhatWasDone() throws IOException {
    Cli.Run refused = cli.run("apply", LAB, "--json");
    assertThat(refused.code).as("--json cannot prompt").isEqualTo(1);
    assertThat(json(refused).get("schema").asText()).isEqualTo("diet.error/v1");

    Cli.Run run = cli.run("apply", LAB, "--yes", "--json");
    assertThat(run.code).as(run.toString()).isZero();
    JsonNode root = json(run);
    assertThat(root.get("schema").asText()).isEqualTo("diet.apply/v1");
    assertThat(root.get("plan").asText()).isEqualTo("lab_two_tor");
    assertThat(root.get("backend").asText()).isEqualTo(cli.netbox().describe());
    assertThat(root.get("result").asText()).isEqualTo("applied");
    assertThat(root.get("preview_fingerprint").asText()).matches("[0-9a-f]{64}");
    JsonNode preview = root.get("preview");
    assertThat(preview.get("schema").asText()).isEqualTo("diet.plan/v1");
    assertThat(root.get("done").get("create").asInt()).isEqualTo(preview.get("summary").get("add").asInt()).isPositive();
    assertThat(root.get("done").get("delete").asInt()).isZero();
    assertThat(root.get("failures").size()).isZero();
    assertThat(root.get("rolled_back").asBoolean()).isFalse();
    assertThat(root.has("request_id")).isTrue();
    assertThat(root.get("started_at").asText()).endsWith("Z");
    assertThat(root.get("finished_at").asText()).endsWith("Z");

    JsonNode again = json(cli.run("apply", LAB, "--yes", "--json"));
    assertThat(again.get("result").asText()).isEqualTo("no_changes");
    assertThat(again.get("done").get("create").asInt()).isZero();
  }

  @Test
  void aFailedApplyExitsOneAndSaysWhetherItRolledBack() throws IOException {
    InMemoryNetBox netbox = new InMemoryNetBox();
    cli.withBackends(target -> new Failing(netbox));
    Cli.Run run = cli.run("apply", LAB, "--yes");
    assertThat(run.code).isEqualTo(1);
    assertThat(run.out).contains("Apply failed: 1 operation failed.");
    assertThat(run.err).contains("lab_two_tor:device:server/worker/1: duplicate name", "NetBox was rolled back");
    JsonNode root = json(cli.run("apply", LAB, "--yes", "--json"));
    assertThat(root.get("result").asText()).isEqualTo("failed");
    assertThat(root.get("rolled_back").asBoolean()).isTrue();
    assertThat(root.get("failures").get(0).get("key").asText()).isEqualTo("lab_two_tor:device:server/worker/1");
    assertThat(root.get("failures").get(0).get("message").asText()).isEqualTo("duplicate name");
  }

  /** A NetBox whose every apply fails and rolls back. */
  private static final class Failing implements NetBoxBackend {
    private final InMemoryNetBox netbox;

    Failing(InMemoryNetBox netbox) {
      this.netbox = netbox;
    }

    @Override
    public ObservedState observe(ObserveScope scope, ProgressListener listener) {
      return netbox.observe(scope, listener);
    }

    @Override
    public ApplyReport apply(ChangeSet changeSet, ApplyOptions options, ProgressListener listener) {
      return new ApplyReport(Map.of(), List.of(new ApplyReport.Failure(changeSet.operations().stream()
          .filter(o -> o.kind() == ObjectKind.DEVICE).findFirst().orElseThrow().key(), "duplicate name")), true, null);
    }

    @Override
    public String describe() {
      return "failing NetBox";
    }
  }

  @Test
  void scalingUpAddsOnlyTheNewWorkers() throws IOException {
    applyLab();
    Cli.Run plan = cli.run("plan", SCALED, "--json");
    assertThat(plan.code).isEqualTo(2);
    JsonNode root = json(plan);
    assertThat(root.get("counts").get("device").get("create").asInt()).isEqualTo(2);
    assertThat(root.get("summary").get("destroy").asInt()).isZero();
    List<String> created = new ArrayList<>();
    root.get("operations").forEach(op -> {
      if (op.get("kind").asText().equals("device")) {
        created.add(op.get("name").asText());
      }
    });
    assertThat(created).containsExactly("worker-004", "worker-005");
    cli.netbox().edit(ObjectKind.DEVICE, deviceId("worker-001"), "status", "offline");
    Cli.Run withConflict = cli.run("apply", SCALED, "--yes");
    assertThat(withConflict.code).isZero();
    assertThat(withConflict.out).contains("Apply complete! Resources: 18 added, 0 changed, 0 destroyed. 1 conflicts kept as they are in NetBox");
    cli.netbox().edit(ObjectKind.DEVICE, deviceId("worker-001"), "status", "planned");
    assertThat(cli.run("apply", SCALED, "--yes").code).isZero();
    assertThat(cli.run("plan", SCALED).code).isZero();
    assertThat(cli.netbox().count(ObjectKind.DEVICE)).isEqualTo(7);
  }

  // ---- drift and status ------------------------------------------------------------------------

  @Test
  void driftIsZeroInSyncAndTwoAfterAManualEdit() throws IOException {
    applyLab();
    Cli.Run clean = cli.run("drift", LAB);
    assertThat(clean.code).as(clean.toString()).isZero();
    assertThat(clean.out).endsWith("No drift. NetBox holds what DIET last applied.\n");

    cli.netbox().edit(ObjectKind.DEVICE, deviceId("worker-002"), "status", "offline");
    cli.netbox().delete(ObjectKind.DEVICE, deviceId("worker-003"));
    Cli.Run drift = cli.run("drift", LAB);
    assertThat(drift.code).as(drift.toString()).isEqualTo(2);
    assertThat(drift.out).contains("! device worker-002 (#", "status \"planned\" -> \"offline\"", "+ device worker-003");
    assertThat(drift.out).containsPattern("Drift: 1 modified, \\d+ missing, 0 orphaned, 0 unmanaged\\.\\n$");

    JsonNode root = json(cli.run("drift", LAB, "--json"));
    assertThat(root.get("schema").asText()).isEqualTo("diet.drift/v1");
    assertThat(root.get("plan").asText()).isEqualTo("lab_two_tor");
    assertThat(root.get("drifted").asBoolean()).isTrue();
    assertThat(root.get("counts").get("modified").asInt()).isEqualTo(1);
    assertThat(root.get("counts").get("missing").asInt()).isEqualTo(root.get("missing").size()).isGreaterThan(1);
    JsonNode modified = root.get("modified").get(0);
    assertThat(modified.get("name").asText()).isEqualTo("worker-002");
    assertThat(modified.get("field").asText()).isEqualTo("status");
    assertThat(modified.get("last_applied").asText()).isEqualTo("planned");
    assertThat(modified.get("desired").asText()).isEqualTo("planned");
    assertThat(modified.get("current").asText()).isEqualTo("offline");
    assertThat(root.get("missing").get(0).has("key")).isTrue();
    assertThat(root.get("orphaned").size()).isZero();
    assertThat(root.get("unmanaged").size()).isZero();
  }

  @Test
  void driftJsonInSync() throws IOException {
    applyLab();
    Cli.Run run = cli.run("drift", LAB, "--json");
    assertThat(run.code).isZero();
    JsonNode root = json(run);
    assertThat(root.get("drifted").asBoolean()).isFalse();
    assertThat(root.get("counts").get("modified").asInt()).isZero();
  }

  @Test
  void unmanagedChangesAreShownButAreNoDrift() {
    applyLab();
    cli.netbox().edit(ObjectKind.DEVICE, deviceId("worker-001"), "serial", "SN-1234");
    Cli.Run run = cli.run("drift", LAB);
    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.out).contains("# device worker-001: serial", "Drift: 0 modified, 0 missing, 0 orphaned, 1 unmanaged.");
  }

  @Test
  void statusSaysInSyncDriftOrConflicts() throws IOException {
    Cli.Run empty = cli.run("status", LAB);
    assertThat(empty.code).isEqualTo(2);
    assertThat(empty.out).startsWith("Status: drift_detected (plan lab_two_tor in ");
    applyLab();
    Cli.Run sync = cli.run("status", LAB);
    assertThat(sync.code).isZero();
    assertThat(sync.out).startsWith("Status: in_sync").contains("No changes. NetBox matches the plan.");
    cli.netbox().edit(ObjectKind.DEVICE, deviceId("worker-002"), "status", "offline");
    Cli.Run conflicts = cli.run("status", LAB, "--json");
    assertThat(conflicts.code).isEqualTo(2);
    JsonNode root = json(conflicts);
    assertThat(root.get("schema").asText()).isEqualTo("diet.status/v1");
    assertThat(root.get("status").asText()).isEqualTo("conflicts");
    assertThat(root.get("summary").get("conflicts").asInt()).isEqualTo(1);
    assertThat(root.get("drift").get("modified").asInt()).isEqualTo(1);
    assertThat(root.get("preview_fingerprint").asText()).matches("[0-9a-f]{64}");
    assertThat(cli.run("status", LAB, "-q").out).isEqualTo("Status: conflicts (plan lab_two_tor in " + cli.netbox().describe() + ")\n");
  }

  @Test
  void aConflictResolvedOnTheCommandLineIsApplied() {
    applyLab();
    cli.netbox().edit(ObjectKind.DEVICE, deviceId("worker-002"), "status", "offline");
    Cli.Run plan = cli.run("plan", LAB);
    assertThat(plan.code).isEqualTo(2);
    assertThat(plan.out).contains("! device worker-002", "id lab_two_tor:device:server/worker/2#status", "0 to change, 0 to destroy, 1 conflicts.");
    Cli.Run kept = cli.run("apply", LAB, "--yes");
    assertThat(kept.code).isZero();
    assertThat(kept.out).endsWith("Nothing to apply; NetBox was not changed.\n");
    Cli.Run apply = cli.run("apply", LAB, "--yes", "--resolve", "lab_two_tor:device:server/worker/2#status=apply_diet");
    assertThat(apply.code).as(apply.toString()).isZero();
    assertThat(apply.out).endsWith("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.\n");
    assertThat(cli.netbox().findDevice("hedgehog", "worker-002").orElseThrow().field("status")).isEqualTo("planned");
    assertThat(cli.run("drift", LAB).code).isZero();
  }

  // ---- terminal ----------------------------------------------------------------------------------

  @Test
  void aTerminalGetsColoursAndProgressBarsUnlessNoColor() {
    Env terminal = cli.env.withTerminal("");
    Cli.Run plan = cli.run(terminal, "plan", LAB);
    assertThat(plan.out).contains(Ui.GREEN + "  + device worker-001" + Ui.RESET).contains(Ui.BOLD + "Plan: ");
    assertThat(plan.err).contains("\robserve").contains("[############################]");
    Cli.Run apply = cli.run(terminal, "apply", LAB, "--yes");
    assertThat(apply.err).contains("apply device").containsPattern("5/5");
    Cli.Run plain = cli.run(terminal, "plan", LAB, "--no-color");
    assertThat(plain.out + plain.err).doesNotContain("\u001B[");
    Cli.Run noColorEnv = cli.run(terminal.withVars(Map.of("NO_COLOR", "1")), "plan", LAB);
    assertThat(noColorEnv.out + noColorEnv.err).doesNotContain("\u001B[");
    Cli.Run dumb = cli.run(terminal.withVars(Map.of("TERM", "dumb")), "plan", LAB);
    assertThat(dumb.out + dumb.err).doesNotContain("\u001B[").doesNotContain("\r");
    Cli.Run quiet = cli.run(terminal, "plan", LAB, "-q");
    assertThat(quiet.err).isEmpty();
    assertThat(quiet.out).isEqualTo(Ui.BOLD + "No changes. NetBox matches the plan." + Ui.RESET + "\n");
  }

  @Test
  void verboseWithoutATerminalPrintsOneLinePerStep() {
    Cli.Run run = cli.run("apply", LAB, "--yes", "-v");
    assertThat(run.err).contains("diet: observe: ", "diet: apply device: 5 done in ");
    assertThat(run.err).doesNotContain("\r");
  }
}
