package dev.diet.plan;

import com.google.common.collect.ImmutableList;
import dev.diet.DietException;
import java.util.List;

/** A plan cannot be read, validated or generated; carries every {@link Problem} found, all at once. */
public class PlanException extends DietException {
  private final ImmutableList<Problem> problems;

  public PlanException(List<Problem> problems) {
    this(problems, "fix the problems listed, then run `diet validate` again");
  }

  /** For subclasses whose problems another command finds again, e.g. generation. */
  protected PlanException(List<Problem> problems, String hint) {
    super(summary(problems), hint);
    this.problems = ImmutableList.copyOf(problems);
  }

  /** All problems, errors and warnings, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).collect(ImmutableList.toImmutableList());
  }

  private static String summary(List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    String first = problems.stream().filter(Problem::isError).findFirst().map(Problem::toString).orElse("");
    return errors + " error(s) in plan" + (first.isEmpty() ? "" : "; first: " + first);
  }
}
