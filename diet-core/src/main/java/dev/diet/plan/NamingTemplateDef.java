package dev.diet.plan;

import org.immutables.value.Value;

/** A device-name pattern for one device category, e.g. {@code {class}-{index:03d}}. */
@Value.Immutable
public abstract class NamingTemplateDef {
  public abstract DeviceCategory deviceCategory();

  public abstract String pattern();

  @Value.Default
  public String description() {
    return "";
  }
}
