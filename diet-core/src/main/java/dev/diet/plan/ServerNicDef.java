package dev.diet.plan;

import org.immutables.value.Value;

/** One NIC card slot in every server of a class. */
@Value.Immutable
public abstract class ServerNicDef {
  /** Id of the server class. */
  public abstract String serverClass();

  /** Module-bay name and interface-name prefix; {@code ^[a-zA-Z0-9][a-zA-Z0-9_-]*$}. */
  public abstract String nicId();

  /** Case-local id of the NIC module type. */
  public abstract String moduleType();

  @Value.Default
  public String description() {
    return "";
  }
}
