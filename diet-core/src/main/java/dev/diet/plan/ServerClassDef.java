package dev.diet.plan;

import org.immutables.value.Value;

/** A group of identical servers: the primary input of a plan. */
@Value.Immutable
public abstract class ServerClassDef {
  /** Unique within the plan; also the device-name stem. */
  public abstract String serverClassId();

  /** Case-local id of the server device type. */
  public abstract String serverDeviceType();

  @Value.Default
  public int quantity() {
    return 0;
  }

  @Value.Default
  public int gpusPerServer() {
    return 0;
  }

  /** Nominally {@code gpu}, {@code storage} or {@code infrastructure}; other text is a warning. */
  @Value.Default
  public String category() {
    return "";
  }

  @Value.Default
  public String description() {
    return "";
  }

  @Value.Default
  public String notes() {
    return "";
  }
}
