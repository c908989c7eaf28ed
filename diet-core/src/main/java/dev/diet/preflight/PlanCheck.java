package dev.diet.preflight;

import dev.diet.plan.Plan;

/**
 * One family of static checks on a plan. A check reports everything it finds into {@link
 * Problems} and never throws: the plan it gets may break any rule except those the reader
 * enforces (types, required keys, enum values). Add one to {@link Preflight} with {@link
 * Preflight#with(PlanCheck...)}.
 */
@FunctionalInterface
public interface PlanCheck {
  void check(Plan plan, Problems problems);
}
