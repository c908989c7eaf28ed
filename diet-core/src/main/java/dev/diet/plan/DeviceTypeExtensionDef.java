package dev.diet.plan;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** Hedgehog metadata of a switch device type: native speed and the breakouts sizing may use. */
@Value.Immutable
public abstract class DeviceTypeExtensionDef {
  public abstract String id();

  /** Case-local id of the device type. */
  public abstract String deviceType();

  @Value.Default
  public boolean mclagCapable() {
    return false;
  }

  public abstract List<HedgehogRole> hedgehogRoles();

  /** Global breakout ids sizing may pick from; empty means a 1:1 option at the native speed. */
  public abstract List<String> supportedBreakouts();

  /** Port speed in Gbps used when a class has no matching zone. */
  public abstract Optional<Integer> nativeSpeed();

  /** Deprecated and never used in calculations; kept so plans round-trip. */
  public abstract Optional<Integer> uplinkPorts();

  public abstract Optional<String> hedgehogProfileName();

  @Value.Default
  public String notes() {
    return "";
  }
}
