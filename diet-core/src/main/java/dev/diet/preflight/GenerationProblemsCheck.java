package dev.diet.preflight;

import dev.diet.generate.GenerationCheck;
import dev.diet.plan.Plan;

/**
 * Runs the generator's own checks (sizing, zone capacity against the wiring, mesh rules) once the
 * static checks pass, so a plan that validates also generates. Skipped after a static error: the
 * generator would only repeat it in other words.
 */
final class GenerationProblemsCheck implements PlanCheck {
  @Override
  public void check(Plan plan, Problems problems) {
    if (!problems.hasErrors()) {
      GenerationCheck.check(plan).forEach(problems::add);
    }
  }
}
