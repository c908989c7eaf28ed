package dev.diet.plan;

/** How the ports of a server connection spread over the target class's switches. */
public enum Distribution implements WireEnum {
  SAME_SWITCH("same-switch"),
  ALTERNATING("alternating"),
  RAIL_OPTIMIZED("rail-optimized");

  private final String wire;

  Distribution(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
