package dev.diet.generate;

import dev.diet.plan.Plan;
import dev.diet.state.DesiredState;

/**
 * Expands a plan into the desired NetBox state: reference data, switches and servers, NIC module
 * bays and modules, switch ports and NIC ports, and every cable, each under a stable key derived
 * from plan structure. Pure and deterministic: the same plan and options give the same graph.
 */
public final class Generator {
  private Generator() {}

  /** Generates into the default site {@code hedgehog}. */
  public static DesiredState generate(Plan plan) {
    return generate(plan, GeneratorOptions.defaults());
  }

  /**
   * Generates {@code plan}; throws {@link GenerationException} with every problem when a class
   * cannot be sized or the wiring does not fit the zones.
   */
  public static DesiredState generate(Plan plan, GeneratorOptions options) {
    GenerationRun.Outcome outcome = new GenerationRun(plan, options, true).run();
    if (outcome.problems().stream().anyMatch(dev.diet.plan.Problem::isError)) {
      throw new GenerationException(outcome.problems());
    }
    return outcome.state();
  }
}
