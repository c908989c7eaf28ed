package dev.diet.plan;

/** Hedgehog connection type of a server connection; export semantics only. */
public enum ConnectionType implements WireEnum {
  UNBUNDLED("unbundled"),
  BUNDLED("bundled"),
  MCLAG("mclag"),
  ESLAG("eslag"),
  FABRIC("fabric"),
  VPC_LOOPBACK("vpc_loopback"),
  EXTERNAL("external");

  private final String wire;

  ConnectionType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
