package dev.diet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.DriftReport;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.ReconcileStatus;
import dev.diet.reconcile.Reconciler;
import dev.diet.state.DesiredState;
import picocli.CommandLine.Command;

/** {@code diet status PLAN}: one word for where NetBox stands against the plan, with the counts behind it. */
@Command(
    name = "status",
    sortOptions = false,
    header = "Say whether NetBox matches the plan.",
    description = {
      "Say where NetBox stands against the plan: in_sync, drift_detected (something to apply) or conflicts (a person's decision needed).",
      "Exit code 0 when in_sync, 2 when drift_detected or conflicts, 1 on any error (including a bad command line)."
    })
final class StatusCommand extends ReconcileCommand {
  @Override
  int run(Reconciler reconciler, DesiredState desired, Ui ui) {
    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    ReconcileStatus status = preview.status();
    if (json) {
      ObjectNode root = CliJson.object();
      root.put("schema", CliJson.STATUS_SCHEMA);
      root.put("plan", preview.planId());
      root.put("backend", preview.backend());
      root.put("status", status.wire());
      root.put("preview_fingerprint", preview.fingerprint());
      root.set("summary", CliJson.parse(preview.json()).get("summary"));
      DriftReport d = preview.drift();
      ObjectNode drift = root.putObject("drift");
      drift.put("modified", d.modified().size());
      drift.put("missing", d.missing().size());
      drift.put("orphaned", d.orphaned().size());
      drift.put("unmanaged", d.unmanaged().size());
      ui.out().print(CliJson.write(root));
      ui.out().flush();
    } else {
      ui.result("Status: " + status.wire() + " (plan " + preview.planId() + " in " + preview.backend() + ")");
      ui.say(preview.summaryLine());
      ui.say(DriftCommand.summary(preview.drift()));
      if (status != ReconcileStatus.IN_SYNC) {
        ui.say("Run diet plan " + planFile + targetArgs() + " for the details.");
      }
    }
    return status == ReconcileStatus.IN_SYNC ? 0 : Main.EXIT_CHANGES;
  }
}
