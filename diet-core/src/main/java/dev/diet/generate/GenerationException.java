package dev.diet.generate;

import dev.diet.plan.PlanException;
import dev.diet.plan.Problem;
import java.util.List;

/**
 * A plan cannot be generated: a switch class cannot be sized, a zone has fewer ports than its
 * wiring needs, a mesh is malformed, and the like. Carries every such problem, each with its stable
 * code, the plan path of the zone or class, and a hint.
 */
public final class GenerationException extends PlanException {
  public GenerationException(List<Problem> problems) {
    super(problems, "fix the problems listed, then run `diet generate` again");
  }
}
