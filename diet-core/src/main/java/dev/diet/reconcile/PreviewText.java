package dev.diet.reconcile;

import dev.diet.diff.Action;
import dev.diet.diff.Conflict;
import dev.diet.diff.DeletionApproval;
import dev.diet.diff.DiffNote;
import dev.diet.diff.DiffResult;
import dev.diet.diff.DriftReport;
import dev.diet.diff.Operation;
import dev.diet.state.FieldValues;
import dev.diet.state.ObjectKind;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link Preview} as text in the manner of {@code terraform plan}. */
final class PreviewText {
  private PreviewText() {}

  static String render(Preview p) {
    DiffResult diff = p.diff();
    StringBuilder out = new StringBuilder();
    out.append("DIET plan ").append(p.planId()).append(" against ").append(p.backend()).append('\n');
    out.append("Preview fingerprint ").append(p.fingerprint()).append('\n');

    diff.approval().ifPresent(a -> approval(out, a));

    if (!diff.conflicts().isEmpty()) {
      out.append("\nConflicts (").append(diff.conflicts().size()).append("):\n");
      for (Conflict c : diff.conflicts()) {
        out.append("  ! ").append(c.kind().wire()).append(' ').append(c.displayName()).append(": ").append(c.describe()).append('\n');
        out.append("      id ").append(c.id()).append("; options: ")
            .append(c.options().stream().map(r -> r == c.resolution() ? r.wire() + " (chosen)" : r.wire()).collect(Collectors.joining(", ")))
            .append('\n');
      }
    }

    if (p.hasChanges()) {
      out.append("\nDIET will perform these actions:\n");
      for (Operation op : p.changeSet().operations()) {
        operation(out, op, "");
      }
    }

    if (!diff.notes().isEmpty()) {
      out.append("\nNotes:\n");
      for (DiffNote n : diff.notes()) {
        out.append("  # ").append(n.key().kind().wire()).append(' ').append(n.name()).append(": ").append(n.message()).append('\n');
      }
    }

    if (!diff.drift().unmanaged().isEmpty()) {
      out.append("\nChanged outside DIET in fields DIET does not manage (kept as they are):\n");
      for (DriftReport.UnmanagedChange u : diff.drift().unmanaged()) {
        out.append("  # ").append(u.key().kind().wire()).append(' ').append(u.name()).append(": ").append(u.field()).append(' ')
            .append(FieldValues.render(u.before())).append(" -> ").append(FieldValues.render(u.after())).append('\n');
      }
    }

    if (p.hasChanges()) {
      out.append("\nChanges by kind:\n");
      for (Map.Entry<ObjectKind, Map<Action, Integer>> e : p.counts().entrySet()) {
        out.append("  ").append(String.format("%-12s", e.getKey().wire()));
        for (Map.Entry<Action, Integer> a : e.getValue().entrySet()) {
          out.append(' ').append(a.getKey().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(a.getValue());
        }
        out.append('\n');
      }
    }
    out.append('\n').append(p.summaryLine()).append('\n');
    return out.toString();
  }

  private static void approval(StringBuilder out, DeletionApproval a) {
    out.append('\n');
    if (a.approved()) {
      out.append("Deletions approved: ").append(a.reason()).append(". Cascade:\n");
    } else {
      out.append("Deletions need approval: ").append(a.reason()).append(".\n");
      out.append("They are NOT part of this apply until approved (approve deletions, or choose deletion policy orphan). Cascade:\n");
    }
    for (DeletionApproval.CascadeEntry c : a.cascade()) {
      out.append("  - device ").append(c.name()).append(" (#").append(c.id()).append("): ")
          .append(c.interfaces()).append(" interfaces, ").append(c.moduleBays()).append(" module bays, ")
          .append(c.modules()).append(" modules, ").append(c.cables()).append(" cables\n");
    }
    if (!a.approved()) {
      out.append("Awaiting approval (").append(a.operations().size()).append(" operations):\n");
      for (Operation op : a.operations()) {
        operation(out, op, "  ");
      }
    }
  }

  private static void operation(StringBuilder out, Operation op, String indent) {
    String symbol = op.action() == Action.CREATE ? "+" : op.action() == Action.DELETE ? "-" : "~";
    out.append(indent).append("  ").append(symbol).append(' ').append(op.kind().wire()).append(' ').append(op.displayName());
    String label = op.action() == Action.ADOPT || op.action() == Action.ORPHAN ? op.action().name().toLowerCase(java.util.Locale.ROOT) : "";
    String why = label.isEmpty() ? op.reason() : op.reason().isEmpty() ? label : label + ": " + op.reason();
    if (!why.isEmpty()) {
      out.append(" (").append(why).append(')');
    }
    out.append('\n');
    if (op.action() == Action.UPDATE || op.action() == Action.ADOPT) {
      for (Map.Entry<String, Object> f : op.after().entrySet()) {
        Object before = op.before().get(f.getKey());
        if (op.action() == Action.ADOPT && FieldValues.render(before).equals(FieldValues.render(f.getValue()))) {
          continue;
        }
        out.append(indent).append("      ").append(f.getKey()).append(": ").append(FieldValues.render(before)).append(" -> ")
            .append(FieldValues.render(f.getValue())).append('\n');
      }
      if (!op.addTags().isEmpty()) {
        out.append(indent).append("      tags: + ").append(String.join(", ", op.addTags())).append('\n');
      }
    }
  }
}
