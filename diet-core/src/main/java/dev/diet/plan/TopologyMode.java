package dev.diet.plan;

/** How the switches of a fabric interconnect. */
public enum TopologyMode implements WireEnum {
  SPINE_LEAF("spine-leaf"),
  MESH("mesh");

  private final String wire;

  TopologyMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
