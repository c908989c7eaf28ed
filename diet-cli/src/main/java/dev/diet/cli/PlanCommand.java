package dev.diet.cli;

import dev.diet.DietException;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.Reconciler;
import dev.diet.state.DesiredState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diet plan PLAN}: shows what apply would change in NetBox, without changing anything. */
@Command(
    name = "plan",
    sortOptions = false,
    header = "Preview what apply would change in NetBox.",
    description = {
      "Show what apply would change in NetBox (+ create, ~ change, - delete, ! conflict), without changing anything.",
      "Exit code 0 when NetBox matches the plan, 2 when there are changes or conflicts, 1 on any error (including a bad command line)."
    })
final class PlanCommand extends ReconcileCommand {
  @Option(names = "--out", paramLabel = "FILE", description = "Also save the preview as JSON, to apply exactly it later with diet apply PLAN --preview FILE.")
  Path out;

  @Mixin DiffChoices choices;

  @Override
  int run(Reconciler reconciler, DesiredState desired, Ui ui) {
    Preview preview = reconciler.plan(desired, choices.options());
    if (out != null) {
      save(env().resolve(out), preview.json());
    }
    if (json) {
      ui.out().print(preview.json());
      ui.out().flush();
    } else {
      ui.report(preview.text());
      if (out != null) {
        ui.say("");
        ui.say("Saved this preview to " + out + ". Apply exactly it with:");
        ui.say("  diet apply " + planFile + targetArgs() + " --preview " + out);
      }
    }
    return preview.isNoOp() ? 0 : Main.EXIT_CHANGES;
  }

  /** Writes the file whole or not at all. */
  private static void save(Path file, String text) {
    Path tmp = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".diet-preview", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // the original problem is the one to report
      }
      throw new DietException("cannot write the preview to " + file + ": " + e.getMessage(), "choose a writable path for --out");
    }
  }
}
