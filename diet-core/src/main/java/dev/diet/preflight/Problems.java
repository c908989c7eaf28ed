package dev.diet.preflight;

import com.google.common.collect.ImmutableList;
import dev.diet.plan.Plan;
import dev.diet.plan.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects the problems {@link PlanCheck}s find in one plan, locating each by its object path
 * through {@link Plan#locate(String)}.
 */
public final class Problems {
  private final Plan plan;
  private final List<Problem> found = new ArrayList<>();

  public Problems(Plan plan) {
    this.plan = plan;
  }

  /** Records an error: the plan must not be generated or applied until it is fixed. */
  public void error(String code, String path, String message, String hint) {
    found.add(Problem.error(code, plan.locate(path), path, message, hint));
  }

  /** Records a warning: worth reading, but nothing is blocked. */
  public void warning(String code, String path, String message, String hint) {
    found.add(Problem.warning(code, plan.locate(path), path, message, hint));
  }

  public void add(Problem problem) {
    found.add(problem);
  }

  public boolean hasErrors() {
    return found.stream().anyMatch(Problem::isError);
  }

  /** Everything recorded so far, in file order. */
  public List<Problem> all() {
    List<Problem> sorted = new ArrayList<>(found);
    sorted.sort(Problem.FILE_ORDER);
    return ImmutableList.copyOf(sorted);
  }

  /** "known: a, b, c" for hints, shortened when the list is long. */
  static String known(Collection<String> ids) {
    if (ids.isEmpty()) {
      return "none are declared";
    }
    List<String> sorted = ids.stream().sorted().distinct().collect(Collectors.toList());
    String shown = sorted.stream().limit(8).collect(Collectors.joining(", "));
    return "known: " + shown + (sorted.size() > 8 ? ", ... (" + sorted.size() + " in all)" : "");
  }
}
