package dev.diet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanException;
import dev.diet.plan.PlanReader;
import dev.diet.plan.Problem;
import dev.diet.preflight.Preflight;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code diet validate PLAN...}: reads each plan and runs preflight, printing every problem as
 * {@code file:line:col: error CODE: path: message (hint)} and a summary, or the same as JSON.
 */
@Command(
    name = "validate",
    description = {
      "Read plan files and check them without touching NetBox.",
      "Prints every problem as file:line:col: error|warning CODE: path: message (hint), then a summary.",
      "Exit code 0 when no plan has errors (warnings allowed), 1 when any has, 2 for a bad command line."
    })
final class ValidateCommand implements Callable<Integer> {
  /** Identifies the JSON output's shape; bumped when a field changes meaning or goes away. */
  static final String JSON_SCHEMA = "diet.validate/v1";

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--json", description = "Print one JSON document (schema " + JSON_SCHEMA + ") instead of text.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "PLAN", description = "Plan files: DIET format v1, YAML or JSON.")
  List<Path> plans;

  /** What validating one file found. */
  private static final class Outcome {
    final Path file;
    final Optional<Plan> plan;
    final List<Problem> problems;

    Outcome(Path file, Optional<Plan> plan, List<Problem> problems) {
      this.file = file;
      this.plan = plan;
      this.problems = problems;
    }

    long errors() {
      return problems.stream().filter(Problem::isError).count();
    }

    long warnings() {
      return problems.size() - errors();
    }
  }

  @Override
  public Integer call() throws JsonProcessingException {
    List<Outcome> outcomes = new ArrayList<>();
    for (Path file : plans) {
      outcomes.add(validate(file, main.env().resolve(file)));
    }
    long errors = outcomes.stream().mapToLong(Outcome::errors).sum();
    long warnings = outcomes.stream().mapToLong(Outcome::warnings).sum();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(outcomes, errors, warnings));
    } else {
      for (Outcome o : outcomes) {
        o.problems.forEach(out::println);
      }
      out.println(summary(outcomes.size(), errors, warnings));
    }
    out.flush();
    return errors > 0 ? Main.EXIT_ERRORS : 0;
  }

  private static Outcome validate(Path file, Path resolved) {
    try {
      Plan plan = PlanReader.read(resolved);
      return new Outcome(file, Optional.of(plan), Preflight.check(plan));
    } catch (PlanException e) {
      return new Outcome(file, Optional.empty(), e.problems());
    }
  }

  static String summary(int files, long errors, long warnings) {
    return (files == 1 ? "1 plan" : files + " plans") + " checked: " + count(errors, "error") + ", " + count(warnings, "warning")
        + (errors > 0 ? "" : " - valid");
  }

  private static String count(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String json(List<Outcome> outcomes, long errors, long warnings) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", JSON_SCHEMA);
    root.put("valid", errors == 0);
    root.put("errors", errors);
    root.put("warnings", warnings);
    ArrayNode files = root.putArray("files");
    for (Outcome o : outcomes) {
      ObjectNode f = files.addObject();
      f.put("file", o.file.toString());
      if (o.plan.isPresent()) {
        f.put("plan_id", o.plan.get().id());
      } else {
        f.putNull("plan_id");
      }
      f.put("valid", o.errors() == 0);
      f.put("errors", o.errors());
      f.put("warnings", o.warnings());
      ArrayNode problems = f.putArray("problems");
      for (Problem p : o.problems) {
        problems.add(CliJson.problem(p));
      }
    }
    return mapper.writeValueAsString(root);
  }
}
