package dev.diet.plan;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A group of identical switches; its quantity is derived from the servers unless overridden. */
@Value.Immutable
public abstract class SwitchClassDef {
  /** Unique within the plan; also the device-name stem. */
  public abstract String switchClassId();

  /** Free text; classes with the same fabric name form one fabric. */
  public abstract String fabricName();

  @Value.Default
  public FabricClass fabricClass() {
    return FabricClass.defaultFor(fabricName());
  }

  public abstract Optional<HedgehogRole> hedgehogRole();

  /** Case-local id of the device-type extension (the hardware). */
  public abstract String deviceTypeExtension();

  /** Legacy uplink count; {@code 0} marks a standalone leaf that is not wired to spines. */
  public abstract Optional<Integer> uplinkPortsPerSwitch();

  @Value.Default
  public boolean mclagPair() {
    return false;
  }

  /** Fixed switch count; wins over the calculated one when present, even when 0. */
  public abstract Optional<Integer> overrideQuantity();

  /** Absent in most plans, which means spine-leaf. */
  public abstract Optional<TopologyMode> topologyMode();

  public abstract Optional<RedundancyType> redundancyType();

  @Value.Default
  public String redundancyGroup() {
    return "";
  }

  /** Switch-group membership; used by exports only. */
  public abstract List<String> groups();

  @Value.Default
  public String notes() {
    return "";
  }

  public DeviceCategory category() {
    return DeviceCategory.ofSwitchRole(hedgehogRole());
  }

  public boolean isMesh() {
    return topologyMode().filter(TopologyMode.MESH::equals).isPresent();
  }

  public boolean isLeaf() {
    return hedgehogRole().filter(r -> r == HedgehogRole.SERVER_LEAF || r == HedgehogRole.BORDER_LEAF).isPresent();
  }

  public boolean isSpine() {
    return hedgehogRole().filter(HedgehogRole.SPINE::equals).isPresent();
  }
}
