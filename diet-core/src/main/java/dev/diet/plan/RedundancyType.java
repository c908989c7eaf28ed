package dev.diet.plan;

/** Switch redundancy scheme of a class; affects quantity rounding. */
public enum RedundancyType implements WireEnum {
  MCLAG("mclag"),
  ESLAG("eslag");

  private final String wire;

  RedundancyType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
