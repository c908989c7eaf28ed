package dev.diet.plan;

import org.immutables.value.Value;

/** A hardware manufacturer (NetBox {@code dcim.Manufacturer}). */
@Value.Immutable
public abstract class ManufacturerDef {
  /** Case-local id other reference data refers to. */
  public abstract String id();

  public abstract String name();

  /** NetBox slug; defaults to the id. */
  @Value.Default
  public String slug() {
    return id();
  }
}
