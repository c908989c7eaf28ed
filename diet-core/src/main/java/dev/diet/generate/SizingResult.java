package dev.diet.generate;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.diet.plan.Problem;
import java.util.List;
import java.util.Map;

/** Switch quantities of every switch class of a plan, and the sizing errors that block generation. */
public final class SizingResult {
  private final ImmutableSortedMap<String, SwitchQuantity> quantities;
  private final ImmutableList<Problem> problems;

  SizingResult(Map<String, SwitchQuantity> quantities, List<Problem> problems) {
    this.quantities = ImmutableSortedMap.copyOf(quantities);
    this.problems = ImmutableList.copyOf(problems);
  }

  /** Quantities by switch class id, in id order. */
  public Map<String, SwitchQuantity> quantities() {
    return quantities;
  }

  /** Effective quantity of a class; 0 for an unknown class. */
  public int effective(String switchClassId) {
    SwitchQuantity q = quantities.get(switchClassId);
    return q == null ? 0 : q.effective();
  }

  public List<Problem> problems() {
    return problems;
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
