package dev.diet.plan;

import org.immutables.value.Value;

/** An interface a device or module type brings with it (NetBox {@code dcim.InterfaceTemplate}). */
@Value.Immutable
public abstract class InterfaceTemplateDef {
  public abstract String name();

  /** NetBox interface type; {@code other} when the plan gives none. */
  @Value.Default
  public String type() {
    return "other";
  }

  public static InterfaceTemplate of(String name, String type) {
    return InterfaceTemplate.builder().name(name).type(type).build();
  }
}
