package dev.diet.plan;

/** Order in which the ports of a zone are handed out. */
public enum AllocationStrategy implements WireEnum {
  SEQUENTIAL("sequential"),
  INTERLEAVED("interleaved"),
  SPACED("spaced"),
  CUSTOM("custom");

  private final String wire;

  AllocationStrategy(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
