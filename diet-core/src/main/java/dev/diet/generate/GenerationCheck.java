package dev.diet.generate;

import dev.diet.plan.Plan;
import dev.diet.plan.Problem;
import java.util.List;

/**
 * The generation problems of a plan, found without building the graph: sizing errors, zones too
 * small for their wiring (decision #4: a preflight error naming zone, demand and capacity), mesh
 * errors, device-name collisions. Preflight runs it after its own structural checks.
 */
public final class GenerationCheck {
  private GenerationCheck() {}

  /** Every generation problem of {@code plan} with the default options; empty when it generates. */
  public static List<Problem> check(Plan plan) {
    return check(plan, GeneratorOptions.defaults());
  }

  /** Every generation problem of {@code plan}; the site matters to naming templates using {site}. */
  public static List<Problem> check(Plan plan, GeneratorOptions options) {
    return new GenerationRun(plan, options, false).run().problems();
  }
}
