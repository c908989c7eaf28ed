package dev.diet.generate;

import dev.diet.plan.BreakoutOption;
import dev.diet.plan.DeviceType;
import dev.diet.plan.DeviceTypeExtension;
import dev.diet.plan.Distribution;
import dev.diet.plan.Plan;
import dev.diet.plan.RedundancyType;
import dev.diet.plan.ServerClass;
import dev.diet.plan.ServerConnection;
import dev.diet.plan.SwitchClass;
import dev.diet.plan.ZoneType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Switch quantity calculation (§4 of the generation rules, with decisions #5, #6, #7 and #15):
 * leaves are sized per targeted zone from the server demand, spines from the leaves' uplinks and
 * from servers wired to the spine directly; overrides win.
 */
public final class Sizing {
  private final PlanIndex idx;
  private final Map<String, Optional<Integer>> calculated = new LinkedHashMap<>();
  private final Set<String> uplinkErrorReported = new HashSet<>();
  private boolean failed;

  private Sizing(PlanIndex idx) {
    this.idx = idx;
  }

  /** Sizes every switch class of {@code plan}; problems in the result say why a class could not be sized. */
  public static SizingResult calculate(Plan plan) {
    PlanIndex idx = PlanIndex.of(plan);
    if (idx.hasErrors()) {
      return new SizingResult(Map.of(), idx.problems());
    }
    return calculate(idx);
  }

  static SizingResult calculate(PlanIndex idx) {
    int before = idx.problems().size();
    Sizing s = new Sizing(idx);
    s.run();
    Map<String, SwitchQuantity> out = new TreeMap<>();
    for (SwitchClass sc : idx.switchClasses()) {
      out.put(sc.switchClassId(), new SwitchQuantity(sc.switchClassId(), s.calculated.getOrDefault(sc.switchClassId(), Optional.empty()), sc.overrideQuantity()));
    }
    return new SizingResult(out, idx.problems().subList(before, idx.problems().size()));
  }

  private void run() {
    for (SwitchClass sc : idx.switchClasses()) {
      if (sc.isLeaf() && !sc.isMesh()) {
        calculated.put(sc.switchClassId(), leafQuantity(sc));
      }
    }
    boolean leafFailed = failed;
    for (SwitchClass sc : idx.switchClasses()) {
      if (sc.isSpine() && !sc.isMesh()) {
        if (leafFailed) {
          idx.error("spine_sizing_skipped", idx.path(sc), sc.switchClassId() + ": spine sizing skipped because a leaf class failed",
              "fix the leaf classes' sizing errors first");
        } else {
          calculated.put(sc.switchClassId(), spineQuantity(sc));
        }
      }
    }
    for (SwitchClass sc : idx.switchClasses()) {
      if (!sc.isLeaf() && !sc.isSpine() && !sc.isMesh()) {
        calculated.put(sc.switchClassId(), leafQuantity(sc));
      }
    }
  }

  private int effective(SwitchClass sc) {
    return sc.overrideQuantity().orElse(calculated.getOrDefault(sc.switchClassId(), Optional.empty()).orElse(0));
  }

  /** §4.3 and §4.4 in one: demand per targeted zone over its per-switch capacity; the busiest zone decides. */
  private Optional<Integer> leafQuantity(SwitchClass sc) {
    Optional<Integer> n = serverDemandQuantity(sc);
    if (n.isEmpty()) {
      return n;
    }
    return redundancy(sc, n.get());
  }

  /**
   * Switches needed for the server connections targeting {@code sc}'s zones, before redundancy
   * rounding; 0 when none target it. Rail-optimized connections without a rail add no demand.
   */
  private Optional<Integer> serverDemandQuantity(SwitchClass sc) {
    Map<String, Long> demandByZone = new LinkedHashMap<>();
    Map<String, Integer> speedByZone = new LinkedHashMap<>();
    long total = 0;
    boolean alternating = false;
    for (ServerConnection c : idx.connectionsTargeting(sc.switchClassId())) {
      if (c.is(Distribution.RAIL_OPTIMIZED) && c.rail().isEmpty()) {
        continue;
      }
      ServerClass server = idx.serverClass(c.serverClass());
      long demand = (long) server.quantity() * c.portsPerConnection();
      total += demand;
      demandByZone.merge(c.targetZone(), demand, Long::sum);
      speedByZone.putIfAbsent(c.targetZone(), c.speed());
      alternating |= c.is(Distribution.ALTERNATING);
    }
    if (demandByZone.isEmpty()) {
      return Optional.of(0);
    }
    long n = 0;
    boolean ok = true;
    for (Map.Entry<String, Long> e : demandByZone.entrySet()) {
      ZoneLayout z = idx.zone(e.getKey());
      if (z.breakout().isEmpty()) {
        zoneWithoutBreakout(sc, z);
        ok = false;
        continue;
      }
      Optional<BreakoutOption> b = pick(sc, z, z.breakout().get().fromSpeed(), speedByZone.get(e.getKey()));
      if (b.isEmpty()) {
        ok = false;
        continue;
      }
      long perSwitch = (long) z.physicalCount() * b.get().logicalPorts();
      if (perSwitch > 0) {
        n = Math.max(n, ceilDiv(e.getValue(), perSwitch));
      }
    }
    if (!ok) {
      failed = true;
      return Optional.empty();
    }
    if (total > 0 && n == 0) {
      n = 1;
    }
    if (total > 0 && alternating && n < 2) {
      n = 2;
    }
    return Optional.of((int) Math.min(n, Integer.MAX_VALUE));
  }

  private Optional<Integer> redundancy(SwitchClass sc, int n) {
    RedundancyType type = sc.redundancyType().orElse(sc.mclagPair() ? RedundancyType.MCLAG : null);
    if (type == RedundancyType.MCLAG) {
      return Optional.of(n < 2 ? 2 : n + (n % 2));
    }
    if (type == RedundancyType.ESLAG) {
      if (n > 4) {
        idx.error("eslag_too_many_switches", idx.path(sc),
            sc.switchClassId() + ": ESLAG allows at most 4 switches, sizing needs " + n,
            "use redundancy_type mclag or none, split the servers over more switch classes, or use zones with more ports");
        failed = true;
        return Optional.empty();
      }
      return Optional.of(Math.max(n, 2));
    }
    return Optional.of(n);
  }

  /** §4.7 with decision #7: the larger of the uplink-driven count and the count its own server zones need. */
  private Optional<Integer> spineQuantity(SwitchClass spine) {
    long demand = 0;
    boolean ok = true;
    for (SwitchClass leaf : idx.switchClasses()) {
      if (leaf.isLeaf() && leaf.fabricName().equals(spine.fabricName())) {
        Optional<Integer> uplinks = uplinkCount(leaf);
        if (uplinks.isEmpty()) {
          ok = false;
        } else {
          demand += (long) effective(leaf) * uplinks.get();
        }
      }
    }
    long n = 0;
    if (ok && demand > 0) {
      Optional<Long> capacity = spineCapacity(spine);
      if (capacity.isEmpty()) {
        ok = false;
      } else if (capacity.get() > 0) {
        n = ceilDiv(demand, capacity.get());
      }
    }
    Optional<Integer> servers = serverDemandQuantity(spine);
    if (!ok || servers.isEmpty()) {
      failed = true;
      return Optional.empty();
    }
    return Optional.of((int) Math.max(n, servers.get()));
  }

  /** Logical ports one spine offers its leaves: its first fabric zone, else the hardware's port count. */
  private Optional<Long> spineCapacity(SwitchClass spine) {
    DeviceTypeExtension ext = idx.extension(spine);
    List<ZoneLayout> fabric = idx.zones(spine.switchClassId(), ZoneType.FABRIC);
    int nativeSpeed;
    long ports;
    ZoneLayout zone = null;
    if (!fabric.isEmpty()) {
      zone = fabric.get(0);
      if (zone.breakout().isEmpty()) {
        zoneWithoutBreakout(spine, zone);
        return Optional.empty();
      }
      nativeSpeed = zone.breakout().get().fromSpeed();
      ports = zone.physicalCount();
    } else {
      if (ext.nativeSpeed().isEmpty()) {
        idx.error("no_native_speed", idx.path(spine),
            spine.switchClassId() + ": the class has no fabric zone and its device type extension " + ext.id() + " has no native_speed",
            "add a fabric zone to " + spine.switchClassId() + " or set native_speed on " + ext.id());
        return Optional.empty();
      }
      Optional<Integer> own = uplinkCount(spine);
      if (own.isEmpty()) {
        return Optional.empty();
      }
      nativeSpeed = ext.nativeSpeed().get();
      DeviceType dt = idx.deviceType(spine);
      ports = (dt.interfaceTemplates().isEmpty() ? 64 : dt.interfaceTemplates().size()) - own.get();
    }
    Optional<BreakoutOption> b = pick(spine, zone, nativeSpeed, nativeSpeed);
    return b.map(option -> ports * option.logicalPorts());
  }

  /**
   * Physical uplink ports per switch of a leaf class: the port count of its uplink zones (0 when
   * uplink_ports_per_switch is 0), else uplink_ports_per_switch.
   */
  private Optional<Integer> uplinkCount(SwitchClass sc) {
    List<ZoneLayout> uplinks = idx.zones(sc.switchClassId(), ZoneType.UPLINK);
    if (!uplinks.isEmpty()) {
      if (sc.uplinkPortsPerSwitch().orElse(-1) == 0) {
        return Optional.of(0);
      }
      return Optional.of(uplinks.stream().mapToInt(ZoneLayout::physicalCount).sum());
    }
    if (sc.uplinkPortsPerSwitch().isPresent()) {
      return sc.uplinkPortsPerSwitch();
    }
    if (!uplinkErrorReported.add(sc.switchClassId())) {
      return Optional.empty();
    }
    idx.error("missing_uplink_config", idx.path(sc),
        sc.switchClassId() + ": class declares neither uplink zones nor uplink_ports_per_switch, so its spines cannot be sized",
        "add an uplink zone to " + sc.switchClassId() + ", or set uplink_ports_per_switch (0 for a leaf without spine uplinks)");
    return Optional.empty();
  }

  /**
   * §4.2: the first catalogue breakout (catalogue order, ties by breakout id) for a {@code nativeSpeed}
   * port that the extension allows and gives {@code required}G lanes, else an allowed 1-lane one;
   * a synthetic {@code 1x<native>g} when the extension allows none.
   */
  private Optional<BreakoutOption> pick(SwitchClass sc, ZoneLayout zone, int nativeSpeed, int required) {
    List<String> allowed = idx.extension(sc).supportedBreakouts();
    if (allowed.isEmpty()) {
      return Optional.of(BreakoutOption.of("1x" + nativeSpeed + "g", nativeSpeed, 1, nativeSpeed));
    }
    List<BreakoutOption> catalogue = idx.plan().breakoutCatalogue();
    for (BreakoutOption b : catalogue) {
      if (b.fromSpeed() == nativeSpeed && b.logicalSpeed() == required && allowed.contains(b.breakoutId())) {
        return Optional.of(b);
      }
    }
    for (BreakoutOption b : catalogue) {
      if (b.fromSpeed() == nativeSpeed && b.logicalPorts() == 1 && allowed.contains(b.breakoutId())) {
        return Optional.of(b);
      }
    }
    idx.error("no_suitable_breakout", zone == null ? idx.path(sc) : zone.path(),
        sc.switchClassId() + ": none of the allowed breakouts (" + String.join(", ", allowed) + ") gives " + required
            + "G lanes on a " + nativeSpeed + "G port" + (zone == null ? "" : " (zone " + zone.ref() + ")"),
        "add a breakout with from_speed " + nativeSpeed + " and logical_speed " + required + " to supported_breakouts of "
            + idx.extension(sc).id() + ", or change the connection speed");
    return Optional.empty();
  }

  private void zoneWithoutBreakout(SwitchClass sc, ZoneLayout z) {
    idx.error("zone_without_breakout", z.path(),
        sc.switchClassId() + ": zone " + z.ref() + " lacks a breakout option, which sizing needs for its port speed",
        "set breakout_option on the zone, e.g. a 1x<speed>g option");
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
