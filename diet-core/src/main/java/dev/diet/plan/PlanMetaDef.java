package dev.diet.plan;

import java.util.List;
import org.immutables.value.Value;

/** The {@code meta} block: identity of a plan file. */
@Value.Immutable
public abstract class PlanMetaDef {
  /** Ownership key of the plan; {@code ^[a-z0-9_]+$}. Every NetBox object DIET writes carries it. */
  public abstract String caseId();

  public abstract String name();

  @Value.Default
  public int version() {
    return 1;
  }

  @Value.Default
  public String managedBy() {
    return "yaml";
  }

  @Value.Default
  public String description() {
    return "";
  }

  public abstract List<String> tags();
}
