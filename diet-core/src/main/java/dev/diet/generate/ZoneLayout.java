package dev.diet.generate;

import dev.diet.plan.AllocationStrategy;
import dev.diet.plan.BreakoutOption;
import dev.diet.plan.PortZone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The expanded slot sequence of one port zone, identical on every switch of its class: the zone's
 * physical ports in allocation order, each split in place into the lanes of the zone's breakout,
 * with the interface names ({@code E1/<p>} or {@code E1/<p>/<k>}) they produce.
 */
final class ZoneLayout {
  private final PortZone zone;
  private final int planIndex;
  private final int classZoneIndex;
  private final Optional<BreakoutOption> breakout;
  private final int physicalCount;
  private final int[] orderedPorts;
  private final int lanes;
  private final String[] slotNames;

  ZoneLayout(PortZone zone, int planIndex, int classZoneIndex, Optional<BreakoutOption> breakout, List<Integer> ports) {
    this.zone = zone;
    this.planIndex = planIndex;
    this.classZoneIndex = classZoneIndex;
    this.breakout = breakout;
    this.physicalCount = ports.size();
    List<Integer> ordered = order(ports, zone.allocationStrategy(), zone.portOrder());
    this.orderedPorts = ordered.stream().mapToInt(Integer::intValue).toArray();
    this.lanes = breakout.map(BreakoutOption::logicalPorts).orElse(1);
    this.slotNames = new String[orderedPorts.length * lanes];
    for (int i = 0; i < slotNames.length; i++) {
      int port = orderedPorts[i / lanes];
      slotNames[i] = lanes == 1 ? "E1/" + port : "E1/" + port + "/" + (i % lanes + 1);
    }
  }

  /**
   * The order in which {@code strategy} hands out the ascending port list {@code ports}: sequential
   * as is; interleaved even indices then odd ones; spaced alternates the first half (rounded up)
   * with the rest; custom follows {@code customOrder} verbatim (empty without one).
   */
  static List<Integer> order(List<Integer> ports, AllocationStrategy strategy, List<Integer> customOrder) {
    List<Integer> out = new ArrayList<>(ports.size());
    switch (strategy) {
      case INTERLEAVED:
        for (int i = 0; i < ports.size(); i += 2) {
          out.add(ports.get(i));
        }
        for (int i = 1; i < ports.size(); i += 2) {
          out.add(ports.get(i));
        }
        return out;
      case SPACED:
        int half = (ports.size() + 1) / 2;
        for (int i = 0; i < half; i++) {
          out.add(ports.get(i));
          if (half + i < ports.size()) {
            out.add(ports.get(half + i));
          }
        }
        return out;
      case CUSTOM:
        return new ArrayList<>(customOrder);
      default:
        return new ArrayList<>(ports);
    }
  }

  PortZone zone() {
    return zone;
  }

  String name() {
    return zone.zoneName();
  }

  /** {@code <switch_class_id>/<zone_name>}. */
  String ref() {
    return zone.ref();
  }

  /** Problem path of the zone entry in the plan file. */
  String path() {
    return "switch_port_zones[" + planIndex + "]";
  }

  /** Position among its class's zones in (priority, zone_name) order; indexes allocator cursors. */
  int classZoneIndex() {
    return classZoneIndex;
  }

  Optional<BreakoutOption> breakout() {
    return breakout;
  }

  /** Number of physical ports the spec names. */
  int physicalCount() {
    return physicalCount;
  }

  int lanes() {
    return lanes;
  }

  /** Logical ports per switch: the length of the expanded sequence. */
  int capacity() {
    return slotNames.length;
  }

  String slotName(int slot) {
    return slotNames[slot];
  }

  int physicalPort(int slot) {
    return orderedPorts[slot / lanes];
  }

  /** 1-based lane of the slot, or null when the zone does not break ports out. */
  Integer breakoutIndex(int slot) {
    return lanes == 1 ? null : slot % lanes + 1;
  }

  /** Interface type of a switch-to-switch port in this zone: the breakout's lane speed. */
  String linkType() {
    if (breakout.isEmpty()) {
      return InterfaceTypes.OTHER;
    }
    BreakoutOption b = breakout.get();
    return InterfaceTypes.forSpeed(b.logicalSpeed() == 0 ? b.fromSpeed() : b.logicalSpeed());
  }

  /** Whether any slot of this zone has the same interface name as a slot of {@code other}. */
  boolean sharesNamesWith(ZoneLayout other) {
    Set<String> mine = new HashSet<>(Arrays.asList(slotNames));
    for (String n : other.slotNames) {
      if (mine.contains(n)) {
        return true;
      }
    }
    return false;
  }
}
