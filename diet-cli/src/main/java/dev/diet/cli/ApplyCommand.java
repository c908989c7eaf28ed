package dev.diet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.DietException;
import dev.diet.diff.Action;
import dev.diet.diff.Resolution;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.PreviewJson;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.ApplyReport;
import dev.diet.state.DesiredState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diet apply PLAN}: makes NetBox match the plan, after a person reviewed the change: at the
 * terminal prompt, with {@code --yes}, or as a preview saved by {@code diet plan --out}.
 */
@Command(
    name = "apply",
    sortOptions = false,
    header = "Make NetBox match the plan, after a review.",
    description = {
      "Make NetBox match the plan. Shows the preview and asks for 'yes' on a terminal; elsewhere pass --yes, or --preview FILE"
          + " to apply exactly a preview saved by diet plan --out FILE (refused if NetBox or the plan changed since).",
      "Exit code 0 when applied (or nothing to do), 3 when the preview is stale, 1 on any other error (including a bad command line)."
    })
final class ApplyCommand extends ReconcileCommand {
  @Option(names = "--preview", paramLabel = "FILE", description = "Apply the preview saved by diet plan --out FILE, only if it is still current.")
  Path previewFile;

  @Option(names = {"-y", "--yes"}, description = "Apply without asking (for scripts; the preview is still printed).")
  boolean yes;

  @Mixin DiffChoices choices;

  @Override
  void validateOptions() {
    if (previewFile != null && yes) {
      throw new UsageException("--preview and --yes exclude each other", "--preview FILE applies a reviewed preview; --yes plans and applies at once");
    }
    if (previewFile != null && choices.given()) {
      throw new UsageException("a saved preview carries its own deletion policy, approvals and resolutions",
          "give --deletion-policy, --approve-deletions and --resolve to diet plan --out instead");
    }
  }

  @Override
  int run(Reconciler reconciler, DesiredState desired, Ui ui) {
    ApplyOutcome outcome;
    if (previewFile != null) {
      String saved = readPreview();
      String fingerprint = PreviewJson.fingerprint(saved);
      String planId = CliJson.parse(saved).path("plan").asText();
      String madeAgainst = CliJson.parse(saved).path("backend").asText();
      if (!madeAgainst.equals(backendDescription)) {
        throw new DietException("preview " + previewFile + " was made against " + madeAgainst + ", not " + backendDescription,
            "pass the --target the preview was made with, or make a new preview with diet plan " + planFile + targetArgs() + " --out FILE");
      }
      if (!planId.equals(desired.planId())) {
        throw new DietException("preview " + previewFile + " is for plan " + planId + ", not " + desired.planId() + " (" + planFile + ")",
            "pass the plan file the preview was made from, or make a new preview with diet plan " + planFile + " --out FILE");
      }
      if (!json) {
        ui.say("Applying the reviewed preview " + fingerprint.substring(0, Math.min(12, fingerprint.length())) + " of plan " + planId
            + " to " + targetName() + "...");
      }
      outcome = guarded(ui, () -> reconciler.apply(desired, PreviewJson.options(saved), fingerprint));
    } else {
      Preview preview = reconciler.plan(desired, choices.options());
      if (!json) {
        ui.report(preview.text());
      }
      if (!preview.hasChanges()) {
        outcome = reconciler.apply(preview);
      } else {
        if (!yes && !confirmed(ui, preview)) {
          ui.result("Apply cancelled; NetBox was not changed.");
          return Main.EXIT_ERRORS;
        }
        outcome = guarded(ui, () -> reconciler.apply(preview));
      }
    }
    if (json) {
      ui.out().print(CliJson.write(json(outcome)));
      ui.out().flush();
    } else {
      text(ui, outcome);
    }
    return outcome.succeeded() ? 0 : Main.EXIT_ERRORS;
  }

  private String readPreview() {
    try {
      return Files.readString(env().resolve(previewFile), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DietException("preview file " + previewFile + " does not exist",
          "save one with diet plan " + planFile + targetArgs() + " --out " + previewFile);
    } catch (IOException e) {
      throw new DietException("cannot read preview file " + previewFile + ": " + e.getMessage(), "check the path and its permissions");
    }
  }

  /** Asks the person at the terminal; without one, refuses rather than applying unreviewed. */
  private boolean confirmed(Ui ui, Preview preview) {
    if (json || !env().terminal() || env().input().isEmpty()) {
      throw new DietException("refusing to apply without a review: there is no terminal to ask on" + (json ? " (--json)" : ""),
          "review the preview above and pass --yes, or save it with diet plan " + planFile + targetArgs()
              + " --out preview.json and run diet apply " + planFile + targetArgs() + " --preview preview.json");
    }
    PrintWriter out = ui.out();
    out.println();
    out.println(ui.paint(Ui.BOLD, "Do you want DIET to perform these actions on " + targetName() + "?"));
    out.println("  Only 'yes' will be accepted to approve.");
    out.print("\n  Enter a value: ");
    out.flush();
    try {
      String answer = env().input().get().readLine();
      out.println();
      return answer != null && answer.strip().equals("yes");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Runs the apply with a notice for Ctrl-C in the real process: the JVM stops mid-apply, a database
   * target rolls back the open transaction, the NetBox API keeps the chunks already sent.
   */
  private ApplyOutcome guarded(Ui ui, Supplier<ApplyOutcome> apply) {
    if (!env().process()) {
      return apply.get();
    }
    PrintWriter err = ui.err();
    Thread notice = new Thread(() -> {
      err.println();
      err.println("diet: interrupted during apply. A database target (the default, jdbc:) rolls the whole apply back;"
          + " a NetBox API target keeps the requests already answered. Run diet plan to see where NetBox stands.");
      err.flush();
    });
    Runtime.getRuntime().addShutdownHook(notice);
    try {
      return apply.get();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(notice);
      } catch (IllegalStateException shuttingDown) {
        // the notice is already running
      }
    }
  }

  private void text(Ui ui, ApplyOutcome outcome) {
    ApplyReport report = outcome.report();
    if (!outcome.preview().hasChanges()) {
      ui.result("Nothing to apply; NetBox was not changed.");
      return;
    }
    if (report.succeeded()) {
      long kept = outcome.preview().conflicts().stream()
          .filter(c -> c.resolution() == Resolution.KEEP_MANUAL || c.resolution() == Resolution.SKIP).count();
      ui.result("Apply complete! Resources: " + report.done(Action.CREATE) + " added, " + changed(report) + " changed, "
          + report.done(Action.DELETE) + " destroyed." + (kept > 0 ? " " + kept + " conflicts kept as they are in NetBox (see the preview)." : ""));
      return;
    }
    ui.result("Apply failed: " + report.failures().size() + " operation" + (report.failures().size() == 1 ? "" : "s") + " failed.");
    for (ApplyReport.Failure f : report.failures()) {
      ui.err().println("  " + f.key() + ": " + f.message());
    }
    ui.err().println(report.rolledBack()
        ? "  NetBox was rolled back: nothing of this apply remains. Fix the cause and run diet apply again."
        : "  Some changes were applied before the failure. Fix the cause and run diet apply again: it continues from where NetBox stands.");
    ui.err().flush();
  }

  private static int changed(ApplyReport report) {
    return report.done(Action.UPDATE) + report.done(Action.ADOPT) + report.done(Action.ORPHAN);
  }

  private ObjectNode json(ApplyOutcome outcome) {
    ApplyReport report = outcome.report();
    Preview preview = outcome.preview();
    ObjectNode root = CliJson.object();
    root.put("schema", CliJson.APPLY_SCHEMA);
    root.put("plan", preview.planId());
    root.put("backend", preview.backend());
    root.put("result", !preview.hasChanges() ? "no_changes" : report.succeeded() ? "applied" : "failed");
    root.put("preview_fingerprint", preview.fingerprint());
    ObjectNode done = root.putObject("done");
    for (Action a : Action.values()) {
      done.put(a.name().toLowerCase(Locale.ROOT), report.done(a));
    }
    ArrayNode failures = root.putArray("failures");
    report.failures().forEach(f -> failures.addObject().put("key", f.key().toString()).put("message", f.message()));
    root.put("rolled_back", report.rolledBack());
    if (report.requestId().isPresent()) {
      root.put("request_id", report.requestId().get());
    } else {
      root.putNull("request_id");
    }
    root.put("started_at", String.valueOf(outcome.startedAt()));
    root.put("finished_at", String.valueOf(outcome.finishedAt()));
    root.set("preview", CliJson.parse(preview.json()));
    return root;
  }
}
