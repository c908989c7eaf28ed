package dev.diet.state;

/**
 * The kinds of NetBox object DIET reads or writes, in dependency order: a kind only refers to kinds
 * before it, so creates run in this order and deletes in reverse.
 */
public enum ObjectKind {
  SITE("site", "dcim.site", true),
  MANUFACTURER("manufacturer", "dcim.manufacturer", true),
  DEVICE_ROLE("device-role", "dcim.devicerole", true),
  TAG("tag", "extras.tag", true),
  CUSTOM_FIELD("custom-field", "extras.customfield", true),
  DEVICE_TYPE("device-type", "dcim.devicetype", true),
  MODULE_TYPE("module-type", "dcim.moduletype", true),
  DEVICE("device", "dcim.device", false),
  MODULE_BAY("module-bay", "dcim.modulebay", false),
  MODULE("module", "dcim.module", false),
  INTERFACE("interface", "dcim.interface", false),
  CABLE("cable", "dcim.cable", false);

  /** {@code values()} copies its array on every call; parsing keys asks for a kind per object. */
  private static final ObjectKind[] ALL = values();

  private final String wire;
  private final String contentType;
  private final boolean reference;

  ObjectKind(String wire, String contentType, boolean reference) {
    this.wire = wire;
    this.contentType = contentType;
    this.reference = reference;
  }

  /** Spelling in object keys and JSON output, e.g. {@code module-bay}. */
  public String wire() {
    return wire;
  }

  /** NetBox's {@code app_label.model}, e.g. {@code dcim.interface}. */
  public String contentType() {
    return contentType;
  }

  /**
   * Reference data (sites, roles, types, tags, custom-field definitions) is shared between plans:
   * created when missing, never modified or deleted by DIET.
   */
  public boolean isReference() {
    return reference;
  }

  public static ObjectKind fromWire(String wire) {
    for (ObjectKind k : ALL) {
      if (k.wire.equals(wire)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown object kind '" + wire + "'");
  }
}
