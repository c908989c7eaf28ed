package dev.diet.preflight;

import dev.diet.plan.Plan;

/** Passes on what the reader warned about (unknown and ignored keys), so one report has it all. */
final class ReadWarningsCheck implements PlanCheck {
  @Override
  public void check(Plan plan, Problems problems) {
    plan.readWarnings().forEach(problems::add);
  }
}
