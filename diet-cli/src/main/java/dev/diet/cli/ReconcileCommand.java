package dev.diet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.DietException;
import dev.diet.generate.Generator;
import dev.diet.generate.GeneratorOptions;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanException;
import dev.diet.plan.PlanReader;
import dev.diet.plan.Problem;
import dev.diet.preflight.Preflight;
import dev.diet.reconcile.Reconciler;
import dev.diet.reconcile.StalePreviewException;
import dev.diet.spi.NetBoxBackend;
import dev.diet.state.DesiredState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What plan, apply, drift and status share: read and check the plan, open the target, run, and turn
 * every user mistake into a message with what to do next and exit code 1 (3 for a stale preview).
 */
abstract class ReconcileCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "PLAN", description = "Plan file: DIET format v1, YAML or JSON.")
  Path planFile;

  @Mixin TargetOptions target;

  @Option(names = "--json", description = "Print one JSON document instead of text (schemas in docs/cli-json.md).")
  boolean json;

  @Option(names = "--no-color", description = "Plain text without colours or progress bars (also when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  @Option(names = {"-q", "--quiet"}, description = "Print only the result line and errors; no progress.")
  boolean quiet;

  /** A plan that cannot be read, checked or generated; its problems are already printed. */
  static final class PlanRejected extends DietException {
    final List<Problem> problems;

    PlanRejected(String message, List<Problem> problems) {
      super(message, "run diet validate on it, fix the errors listed above, and try again");
      this.problems = List.copyOf(problems);
    }
  }

  /** A command line that is well-formed but asks for something contradictory. */
  static final class UsageException extends DietException {
    UsageException(String message, String hint) {
      super(message, hint);
    }
  }

  /** The open backend's {@link NetBoxBackend#describe()}, set before {@link #run}. */
  String backendDescription = "";

  Env env() {
    return main.env();
  }

  /** -v, given before or after the command name. */
  boolean verbose() {
    return Main.verbose(spec.root().commandLine().getParseResult());
  }

  @Override
  public final Integer call() {
    Env env = env();
    boolean color = env.terminal() && !noColor && env.var("NO_COLOR").isEmpty() && !"dumb".equals(env.var("TERM").orElse(""));
    Ui ui = new Ui(spec.commandLine().getOut(), spec.commandLine().getErr(), color && !json, quiet, verbose());
    Progress progress = new Progress(ui.err(), color && !quiet, verbose() && !quiet, System::nanoTime);
    try {
      if (target.chunkSize < 1) {
        throw new UsageException("--chunk-size must be at least 1, got " + target.chunkSize, "leave it out for the default of 500");
      }
      validateOptions();
      DesiredState desired = load(ui);
      try (NetBoxBackend backend = Targets.open(target, env)) {
        backendDescription = backend.describe();
        Reconciler reconciler = Reconciler.builder(backend).listener(progress).chunkSize(target.chunkSize).build();
        return run(reconciler, desired, ui);
      }
    } catch (StalePreviewException e) {
      fail(ui, "stale_preview", e, List.of());
      return Main.EXIT_STALE;
    } catch (PlanRejected e) {
      fail(ui, "invalid_plan", e, e.problems);
      return Main.EXIT_ERRORS;
    } catch (UsageException e) {
      fail(ui, "usage", e, List.of());
      return Main.EXIT_ERRORS;
    } catch (DietException e) {
      fail(ui, "failed", e, List.of());
      return Main.EXIT_ERRORS;
    }
  }

  /** Checks option combinations picocli cannot express; throws {@link UsageException}. */
  void validateOptions() {}

  /** Does the command's work and returns its exit code. */
  abstract int run(Reconciler reconciler, DesiredState desired, Ui ui);

  /** Reads, checks and expands the plan; problems go to standard error. */
  DesiredState load(Ui ui) {
    Path file = env().resolve(planFile);
    try {
      Plan plan = PlanReader.read(file);
      List<Problem> problems = Preflight.check(plan);
      problems.forEach(p -> ui.err().println(p));
      long errors = problems.stream().filter(Problem::isError).count();
      if (errors > 0) {
        throw new PlanRejected(planFile + " has " + errors + " error" + (errors == 1 ? "" : "s") + "; NetBox was not touched", problems);
      }
      return Generator.generate(plan, GeneratorOptions.defaults());
    } catch (PlanException e) {
      e.problems().forEach(p -> ui.err().println(p));
      long errors = e.problems().stream().filter(Problem::isError).count();
      throw new PlanRejected(planFile + " cannot be used (" + errors + " error" + (errors == 1 ? "" : "s") + "); NetBox was not touched", e.problems());
    } finally {
      ui.err().flush();
    }
  }

  /** The target as the person wrote it, for messages ("the embedded database in ./.diet/" by default). */
  String targetName() {
    String t = Targets.chosen(target, env());
    return t == null ? "./" + Targets.DEFAULT_DIR + "/" : t;
  }

  /** The command line options that select this target again, for hints. */
  String targetArgs() {
    return target.target == null ? "" : " --target " + target.target;
  }

  private void fail(Ui ui, String code, DietException e, List<Problem> problems) {
    ui.error(e);
    if (json) {
      ObjectNode root = CliJson.object();
      root.put("schema", CliJson.ERROR_SCHEMA);
      root.put("command", spec.name());
      root.put("error", code);
      root.put("message", e.getMessage());
      if (e.hint().isPresent()) {
        root.put("hint", e.hint().get());
      } else {
        root.putNull("hint");
      }
      ArrayNode list = root.putArray("problems");
      problems.forEach(p -> list.add(CliJson.problem(p)));
      ui.out().print(CliJson.write(root));
      ui.out().flush();
    }
  }
}
