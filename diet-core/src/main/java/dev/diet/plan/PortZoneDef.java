package dev.diet.plan;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A named block of ports present on every switch of a class. */
@Value.Immutable
public abstract class PortZoneDef {
  /** Id of the switch class the zone belongs to. */
  public abstract String switchClass();

  /** Unique within the switch class. */
  public abstract String zoneName();

  public abstract ZoneType zoneType();

  /** Physical ports, e.g. {@code 1-63:2}; grammar in {@link dev.diet.generate.PortSpec}. */
  public abstract String portSpec();

  /** Case-local id of the breakout option; absent means one lane per port. */
  public abstract Optional<String> breakoutOption();

  @Value.Default
  public AllocationStrategy allocationStrategy() {
    return AllocationStrategy.SEQUENTIAL;
  }

  /** Explicit port order for the {@code custom} strategy ({@code port_order} in plan files). */
  public abstract List<Integer> portOrder();

  /** Lower is used earlier when several zones of one type are consumed in sequence. */
  @Value.Default
  public int priority() {
    return 100;
  }

  public abstract Optional<String> transceiverModuleType();

  /** {@code <switch_class_id>/<zone_name>} of the zone this one is wired to. */
  public abstract Optional<String> peerZone();

  /** Reference form {@code <switch_class_id>/<zone_name>}. */
  public String ref() {
    return switchClass() + "/" + zoneName();
  }
}
