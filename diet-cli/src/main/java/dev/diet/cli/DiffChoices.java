package dev.diet.cli;

import dev.diet.diff.ConflictType;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.Resolution;
import dev.diet.diff.Resolutions;
import dev.diet.spi.DeletionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The choices a preview is computed with: deletion policy, approval and conflict resolutions. */
final class DiffChoices {
  @Option(
      names = "--deletion-policy",
      paramLabel = "POLICY",
      description = "What happens to objects DIET created that are no longer in the plan: delete (default; more than"
          + " 10 devices need --approve-deletions), orphan (keep them, remove DIET's mark), warn (every deletion needs"
          + " --approve-deletions).")
  String deletionPolicy;

  @Option(names = "--approve-deletions", description = "Approve the deletions the preview lists as needing approval.")
  boolean approveDeletions;

  @Option(
      names = "--resolve",
      paramLabel = "CONFLICT=RESOLUTION",
      description = "Settle a conflict the preview lists, by its id (lab_two_tor:device:server/worker/1#status=apply_diet)"
          + " or for every conflict of a type (field=apply_diet). Repeatable.")
  List<String> resolve = new ArrayList<>();

  boolean given() {
    return deletionPolicy != null || approveDeletions || !resolve.isEmpty();
  }

  DiffOptions options() {
    DiffOptions options = DiffOptions.defaults().withDeletionsApproved(approveDeletions);
    if (deletionPolicy != null) {
      options = options.withDeletionPolicy(policy(deletionPolicy));
    }
    Resolutions resolutions = Resolutions.none();
    for (String r : resolve) {
      int eq = r.lastIndexOf('=');
      if (eq <= 0 || eq == r.length() - 1) {
        throw new ReconcileCommand.UsageException("--resolve '" + r + "' is not CONFLICT=RESOLUTION",
            "copy the conflict id from the preview, e.g. --resolve 'lab:device:server/worker/1#status=apply_diet'");
      }
      String id = r.substring(0, eq);
      Resolution resolution = Resolution.fromWire(r.substring(eq + 1).toLowerCase(Locale.ROOT));
      ConflictType type = type(id);
      resolutions = type == null ? resolutions.with(id, resolution) : resolutions.withAll(type, resolution);
    }
    return options.withResolutions(resolutions);
  }

  static DeletionPolicy policy(String wire) {
    for (DeletionPolicy p : DeletionPolicy.values()) {
      if (p.name().equalsIgnoreCase(wire)) {
        return p;
      }
    }
    throw new ReconcileCommand.UsageException("unknown deletion policy '" + wire + "'", "use --deletion-policy delete, orphan or warn");
  }

  private static ConflictType type(String id) {
    for (ConflictType t : ConflictType.values()) {
      if (t.wire().equals(id)) {
        return t;
      }
    }
    return null;
  }
}
