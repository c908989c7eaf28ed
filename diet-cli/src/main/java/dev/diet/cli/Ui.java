package dev.diet.cli;

import dev.diet.DietException;
import java.io.PrintWriter;

/**
 * How a command talks to the person running it: colours and symbols on a terminal, plain text
 * otherwise, nothing but results with {@code -q}, and errors with what to do next.
 */
final class Ui {
  static final String RESET = "\u001B[0m";
  static final String BOLD = "\u001B[1m";
  static final String RED = "\u001B[31m";
  static final String GREEN = "\u001B[32m";
  static final String YELLOW = "\u001B[33m";
  static final String MAGENTA = "\u001B[35m";
  static final String DIM = "\u001B[2m";

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean color;
  private final boolean quiet;
  private final boolean verbose;

  Ui(PrintWriter out, PrintWriter err, boolean color, boolean quiet, boolean verbose) {
    this.out = out;
    this.err = err;
    this.color = color;
    this.quiet = quiet;
    this.verbose = verbose;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /** Prints a report (preview, drift): whole with colours on a terminal, only its last line with -q. */
  void report(String text) {
    if (quiet) {
      String trimmed = text.stripTrailing();
      out.println(paintLine(trimmed.substring(trimmed.lastIndexOf('\n') + 1)));
    } else {
      String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      for (String line : body.split("\n", -1)) {
        out.println(paintLine(line));
      }
    }
    out.flush();
  }

  /** A line of normal output, hidden by -q. */
  void say(String line) {
    if (!quiet) {
      out.println(paintLine(line));
      out.flush();
    }
  }

  /** A line of output that -q keeps. */
  void result(String line) {
    out.println(paintLine(line));
    out.flush();
  }

  /** A user mistake or an environment problem: what happened, what to do, and the trace with -v. */
  void error(DietException e) {
    err.println(paint(RED + BOLD, "Error: ") + e.getMessage());
    e.hint().ifPresent(h -> err.println("  What to do: " + h));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** Colours a line by its leading symbol, as {@code terraform plan} does. */
  String paintLine(String line) {
    if (!color) {
      return line;
    }
    String t = line.stripLeading();
    if (t.startsWith("+ ")) {
      return paint(GREEN, line);
    }
    if (t.startsWith("~ ")) {
      return paint(YELLOW, line);
    }
    if (t.startsWith("- ")) {
      return paint(RED, line);
    }
    if (t.startsWith("! ")) {
      return paint(MAGENTA + BOLD, line);
    }
    if (t.startsWith("# ")) {
      return paint(DIM, line);
    }
    if (line.startsWith("Plan: ") || line.startsWith("No changes.") || line.startsWith("Apply complete!")
        || line.startsWith("Drift: ") || line.startsWith("No drift.") || line.startsWith("Status: ")) {
      return paint(BOLD, line);
    }
    if (line.startsWith("Apply failed") || line.startsWith("Deletions need approval")) {
      return paint(RED + BOLD, line);
    }
    return line;
  }

  String paint(String style, String text) {
    return color ? style + text + RESET : text;
  }
}
