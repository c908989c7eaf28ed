package dev.diet.plan;

/** What the ports of a switch port zone are for. */
public enum ZoneType implements WireEnum {
  SERVER("server"),
  UPLINK("uplink"),
  FABRIC("fabric"),
  OOB("oob"),
  MESH("mesh"),
  MCLAG("mclag"),
  PEER("peer"),
  SESSION("session");

  private final String wire;

  ZoneType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
