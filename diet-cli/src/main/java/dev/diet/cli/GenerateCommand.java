package dev.diet.cli;

import dev.diet.generate.GenerateJson;
import dev.diet.generate.Generator;
import dev.diet.generate.GeneratorOptions;
import dev.diet.generate.Sizing;
import dev.diet.generate.SwitchQuantity;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanException;
import dev.diet.plan.PlanReader;
import dev.diet.plan.Problem;
import dev.diet.preflight.Preflight;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code diet generate PLAN [--json] [--site SLUG]}: reads and checks a plan, expands it into every
 * NetBox object it needs and prints a summary, or with {@code --json} the whole graph. Touches no
 * NetBox. Problems (reading, preflight, and {@link dev.diet.generate.GenerationException}s) go to
 * standard error, so standard output holds only the result.
 */
@Command(
    name = "generate",
    description = {
      "Expand a plan into the devices, interfaces and cables NetBox must hold, without touching NetBox.",
      "Prints counts by kind and role and the switch quantity of every class; with --json the whole graph"
          + " (schema " + GenerateJson.SCHEMA + ", see docs/generate-json.md).",
      "Exit code 0 when the plan generates, 1 when it has errors (listed on standard error), 2 for a bad command line."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--json", description = "Print the whole graph as one JSON document instead of the summary.")
  boolean json;

  @Option(names = "--site", paramLabel = "SLUG", description = "NetBox site slug of the devices (default: hedgehog).")
  String site;

  @Parameters(paramLabel = "PLAN", description = "Plan file: DIET format v1, YAML or JSON.")
  Path planFile;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GeneratorOptions options = site == null ? GeneratorOptions.defaults() : GeneratorOptions.defaults().withSite(site);
    Plan plan;
    DesiredState state;
    try {
      plan = PlanReader.read(main.env().resolve(planFile));
      List<Problem> problems = Preflight.check(plan);
      problems.forEach(err::println);
      if (problems.stream().anyMatch(Problem::isError)) {
        return fail(err, problems);
      }
      state = Generator.generate(plan, options);
    } catch (PlanException e) {
      e.problems().forEach(err::println);
      return fail(err, e.problems());
    }
    if (json) {
      GenerateJson.write(state, out);
    } else {
      summary(out, plan, state);
    }
    out.flush();
    return 0;
  }

  private int fail(PrintWriter err, List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    err.println(planFile + ": not generated, " + errors + " error" + (errors == 1 ? "" : "s"));
    err.flush();
    return Main.EXIT_ERRORS;
  }

  private static void summary(PrintWriter out, Plan plan, DesiredState state) {
    out.println("plan " + state.planId() + "  fingerprint " + state.fingerprint());
    out.println("generated " + state.counts().devices() + " devices, " + state.counts().interfaces() + " switch interfaces, "
        + state.counts().cables() + " cables");
    out.println();
    out.println("objects by kind:");
    for (Map.Entry<ObjectKind, Integer> e : state.countsByKind().entrySet()) {
      out.printf("  %-14s %8d%n", e.getKey().wire(), e.getValue());
    }
    out.println("devices by role:");
    Map<String, Integer> roles = new TreeMap<>();
    for (DesiredObject d : state.objects(ObjectKind.DEVICE)) {
      roles.merge(((Ref) d.field(Fields.ROLE)).key().path(), 1, Integer::sum);
    }
    roles.forEach((role, n) -> out.printf("  %-14s %8d%n", role, n));
    out.println("switch quantities:");
    Map<String, SwitchQuantity> quantities = Sizing.calculate(plan).quantities();
    int width = quantities.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (SwitchQuantity q : quantities.values()) {
      out.printf("  %-" + width + "s %s%n", q.switchClassId(), q);
    }
  }
}
