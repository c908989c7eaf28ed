package dev.diet.preflight;

import com.google.common.collect.ImmutableList;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanException;
import dev.diet.plan.Problem;
import java.util.Arrays;
import java.util.List;

/**
 * Static validation of a plan before anything is generated or any backend is touched: every
 * reference, port spec, count rule, naming template and device name, all reported at once with
 * file, line, column, object path, stable code, message and hint. Checks that need switch counts
 * from sizing belong to the generator.
 *
 * <p>{@link #check(Plan)} and {@link #requireValid(Plan)} run the standard checks; {@link
 * #standard()} with {@link #with(PlanCheck...)} adds more.
 */
public final class Preflight {
  private final ImmutableList<PlanCheck> checks;

  private Preflight(List<PlanCheck> checks) {
    this.checks = ImmutableList.copyOf(checks);
  }

  /** The standard checks, in the order they run. */
  public static List<PlanCheck> standardChecks() {
    return ImmutableList.of(
        new ReadWarningsCheck(),
        new StructureCheck(),
        new ReferenceCheck(),
        new ReferenceDataCheck(),
        new ZoneCheck(),
        new SwitchClassCheck(),
        new ServerCheck(),
        new ConnectionCheck(),
        new TransceiverCheck(),
        new MclagDomainCheck(),
        new NamingTemplateCheck(),
        NameCollisionCheck.beforeSizing());
  }

  /** A preflight running the standard checks. */
  public static Preflight standard() {
    return new Preflight(standardChecks());
  }

  /** A preflight running exactly {@code checks}. */
  public static Preflight of(List<PlanCheck> checks) {
    return new Preflight(checks);
  }

  /** This preflight plus {@code more}, which run after the existing checks. */
  public Preflight with(PlanCheck... more) {
    return new Preflight(ImmutableList.<PlanCheck>builder().addAll(checks).addAll(Arrays.asList(more)).build());
  }

  /** Every problem of {@code plan}, errors and warnings, in file order. */
  public List<Problem> problems(Plan plan) {
    Problems problems = new Problems(plan);
    for (PlanCheck check : checks) {
      check.check(plan, problems);
    }
    return problems.all();
  }

  /** Throws a {@link PlanException} carrying every problem when any of them is an error. */
  public void verify(Plan plan) {
    List<Problem> problems = problems(plan);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new PlanException(problems);
    }
  }

  /** Every problem the standard checks find in {@code plan}, in file order. */
  public static List<Problem> check(Plan plan) {
    return standard().problems(plan);
  }

  /** Throws a {@link PlanException} carrying every problem when the standard checks find an error. */
  public static void requireValid(Plan plan) {
    standard().verify(plan);
  }
}
