package dev.diet.plan;

/** Purpose of a server connection's ports. */
public enum PortType implements WireEnum {
  DATA("data"),
  IPMI("ipmi"),
  PXE("pxe");

  private final String wire;

  PortType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
