package dev.diet.plan;

/** Naming and role category of a generated device. */
public enum DeviceCategory implements WireEnum {
  SERVER("server"),
  LEAF("leaf"),
  SPINE("spine"),
  OOB("oob"),
  BORDER("border");

  private final String wire;

  DeviceCategory(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** The category of a switch with {@code role}; a blank role names a leaf. */
  public static DeviceCategory ofSwitchRole(java.util.Optional<HedgehogRole> role) {
    if (role.isEmpty()) {
      return LEAF;
    }
    switch (role.get()) {
      case SPINE:
        return SPINE;
      case BORDER_LEAF:
        return BORDER;
      case VIRTUAL:
        return OOB;
      default:
        return LEAF;
    }
  }
}
