package dev.diet.plan;

/** Status of a plan; informational, no behaviour depends on it. */
public enum PlanStatus implements WireEnum {
  DRAFT("draft"),
  REVIEW("review"),
  APPROVED("approved"),
  EXPORTED("exported");

  private final String wire;

  PlanStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
