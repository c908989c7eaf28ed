package dev.diet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.DriftReport;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.Reconciler;
import dev.diet.state.DesiredState;
import dev.diet.state.FieldValues;
import picocli.CommandLine.Command;

/**
 * {@code diet drift PLAN}: what changed in NetBox behind DIET's back since it last applied the plan:
 * fields people edited, objects deleted outside DIET, owned objects the plan dropped.
 */
@Command(
    name = "drift",
    sortOptions = false,
    header = "Show what changed in NetBox outside DIET.",
    description = {
      "Show what changed in NetBox outside DIET since it last applied the plan: managed fields a person edited (!), objects"
          + " deleted outside DIET (+, apply recreates them), owned objects no longer in the plan (-), and changes to fields"
          + " DIET does not manage (#).",
      "Exit code 0 when nothing DIET manages drifted, 2 when something did, 1 on any error (including a bad command line)."
    })
final class DriftCommand extends ReconcileCommand {
  @Override
  int run(Reconciler reconciler, DesiredState desired, Ui ui) {
    Preview preview = reconciler.plan(desired, DiffOptions.defaults());
    DriftReport drift = preview.drift();
    if (json) {
      ui.out().print(CliJson.write(json(preview)));
      ui.out().flush();
    } else {
      ui.report(text(preview));
    }
    return drift.hasDrift() ? Main.EXIT_CHANGES : 0;
  }

  static String summary(DriftReport d) {
    if (d.isEmpty()) {
      return "No drift. NetBox holds what DIET last applied.";
    }
    return "Drift: " + d.modified().size() + " modified, " + d.missing().size() + " missing, " + d.orphaned().size() + " orphaned, "
        + d.unmanaged().size() + " unmanaged.";
  }

  private static String text(Preview preview) {
    DriftReport d = preview.drift();
    StringBuilder b = new StringBuilder();
    b.append("DIET drift of plan ").append(preview.planId()).append(" in ").append(preview.backend()).append('\n');
    if (!d.modified().isEmpty()) {
      b.append("\nChanged by a person in fields DIET manages (conflicts; diet plan lists how to settle them):\n");
      for (DriftReport.Modified m : d.modified()) {
        b.append("  ! ").append(m.key().kind().wire()).append(' ').append(m.name()).append(" (#").append(m.id()).append("): ")
            .append(m.field()).append(' ').append(FieldValues.render(m.lastApplied())).append(" -> ").append(FieldValues.render(m.current()));
        if (!FieldValues.render(m.desired()).equals(FieldValues.render(m.lastApplied()))) {
          b.append(" (the plan now wants ").append(FieldValues.render(m.desired())).append(')');
        }
        b.append('\n');
      }
    }
    if (!d.missing().isEmpty()) {
      b.append("\nDeleted outside DIET (apply recreates them):\n");
      for (DriftReport.Missing m : d.missing()) {
        b.append("  + ").append(m.key().kind().wire()).append(' ').append(m.name()).append('\n');
      }
    }
    if (!d.orphaned().isEmpty()) {
      b.append("\nOwned by DIET but no longer in the plan (apply deletes or orphans them):\n");
      for (DriftReport.Orphaned o : d.orphaned()) {
        b.append("  - ").append(o.key().kind().wire()).append(' ').append(o.name()).append(" (#").append(o.id()).append(")\n");
      }
    }
    if (!d.unmanaged().isEmpty()) {
      b.append("\nChanged outside DIET in fields DIET does not manage (kept as they are):\n");
      for (DriftReport.UnmanagedChange u : d.unmanaged()) {
        b.append("  # ").append(u.key().kind().wire()).append(' ').append(u.name()).append(": ").append(u.field()).append(' ')
            .append(FieldValues.render(u.before())).append(" -> ").append(FieldValues.render(u.after())).append('\n');
      }
    }
    b.append('\n').append(summary(d)).append('\n');
    return b.toString();
  }

  private static ObjectNode json(Preview preview) {
    DriftReport d = preview.drift();
    ObjectNode root = CliJson.object();
    root.put("schema", CliJson.DRIFT_SCHEMA);
    root.put("plan", preview.planId());
    root.put("backend", preview.backend());
    root.put("drifted", d.hasDrift());
    ObjectNode counts = root.putObject("counts");
    counts.put("modified", d.modified().size());
    counts.put("missing", d.missing().size());
    counts.put("orphaned", d.orphaned().size());
    counts.put("unmanaged", d.unmanaged().size());
    JsonNode drift = CliJson.parse(preview.json()).get("drift");
    for (String list : new String[] {"modified", "missing", "orphaned", "unmanaged"}) {
      root.set(list, drift.get(list));
    }
    return root;
  }
}
