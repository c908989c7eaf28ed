package dev.diet.plan;

/** Role of a switch class; drives sizing pass, device role and fabric wiring. */
public enum HedgehogRole implements WireEnum {
  SPINE("spine"),
  SERVER_LEAF("server-leaf"),
  BORDER_LEAF("border-leaf"),
  VIRTUAL("virtual");

  private final String wire;

  HedgehogRole(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
