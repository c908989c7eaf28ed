package dev.diet.plan;

import org.immutables.value.Value;

/** The {@code plan} block: the topology plan's own descriptive fields. */
@Value.Immutable
public abstract class PlanInfoDef {
  public abstract String name();

  @Value.Default
  public PlanStatus status() {
    return PlanStatus.DRAFT;
  }

  @Value.Default
  public String description() {
    return "";
  }

  @Value.Default
  public String customerName() {
    return "";
  }

  @Value.Default
  public String notes() {
    return "";
  }
}
