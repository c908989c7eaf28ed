package dev.diet.generate;

import dev.diet.plan.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Hands out the slots of each zone on each switch first come, first served, with one cursor per
 * (switch, zone) shared by every wiring phase (decision #3). A slot is never handed out twice, also
 * not under another zone's name on the same switch. A request the zone cannot serve is refused
 * and remembered, so the run can report every zone that is too small with its demand and capacity.
 */
final class PortAllocator {
  private final int[][] cursor;
  private final int[][] granted;
  private final int[][] skipped;
  private final Map<String, Shortfall> shortfalls = new LinkedHashMap<>();

  PortAllocator(List<SwitchDevice> switches) {
    this.cursor = new int[switches.size()][];
    this.granted = new int[switches.size()][];
    this.skipped = new int[switches.size()][];
    for (SwitchDevice sw : switches) {
      cursor[sw.id] = new int[sw.zones.size()];
      granted[sw.id] = new int[sw.zones.size()];
      skipped[sw.id] = new int[sw.zones.size()];
    }
  }

  /** The next free slot of {@code zone} on {@code sw}, or -1 (remembered as a shortfall) when none is left. */
  int next(SwitchDevice sw, ZoneLayout zone) {
    int slot = take(sw, zone);
    if (slot < 0) {
      shortfall(sw, List.of(zone), 1);
    }
    return slot;
  }

  private int take(SwitchDevice sw, ZoneLayout zone) {
    int z = zone.classZoneIndex();
    int c = cursor[sw.id][z];
    if (sw.usedNames != null) {
      while (c < zone.capacity() && sw.usedNames.contains(zone.slotName(c))) {
        c++;
        skipped[sw.id][z]++;
      }
    }
    if (c >= zone.capacity()) {
      cursor[sw.id][z] = c;
      return -1;
    }
    cursor[sw.id][z] = c + 1;
    granted[sw.id][z]++;
    if (sw.usedNames != null) {
      sw.usedNames.add(zone.slotName(c));
    }
    return c;
  }

  /** Slots of {@code zone} on {@code sw} not handed out yet. */
  int remaining(SwitchDevice sw, ZoneLayout zone) {
    int z = zone.classZoneIndex();
    if (sw.usedNames == null) {
      return zone.capacity() - cursor[sw.id][z];
    }
    int free = 0;
    for (int c = cursor[sw.id][z]; c < zone.capacity(); c++) {
      if (!sw.usedNames.contains(zone.slotName(c))) {
        free++;
      }
    }
    return free;
  }

  /** Every slot still free in {@code zones} on {@code sw}, zone by zone. */
  List<Slot> takeAll(SwitchDevice sw, List<ZoneLayout> zones) {
    List<Slot> out = new ArrayList<>();
    for (ZoneLayout zone : zones) {
      for (int slot = take(sw, zone); slot >= 0; slot = take(sw, zone)) {
        out.add(new Slot(zone, slot));
      }
    }
    return out;
  }

  /**
   * {@code n} slots from {@code zones} in order, each zone giving what it has left before the next
   * is used; null (remembered as a shortfall) when all of them together have fewer than n left.
   */
  List<Slot> take(SwitchDevice sw, List<ZoneLayout> zones, int n) {
    int free = 0;
    for (ZoneLayout zone : zones) {
      free += remaining(sw, zone);
    }
    if (free < n) {
      shortfall(sw, zones, n);
      return null;
    }
    List<Slot> out = new ArrayList<>(n);
    for (ZoneLayout zone : zones) {
      while (out.size() < n) {
        int slot = take(sw, zone);
        if (slot < 0) {
          break;
        }
        out.add(new Slot(zone, slot));
      }
    }
    return out;
  }

  private void shortfall(SwitchDevice sw, List<ZoneLayout> zones, int asked) {
    String key = sw.id + "|" + zones.stream().map(ZoneLayout::ref).collect(Collectors.joining(","));
    shortfalls.computeIfAbsent(key, k -> new Shortfall(sw, zones)).unmet += asked;
  }

  /** One {@code zone_over_capacity} problem per zone (or group of zones) some switch could not serve. */
  List<Problem> problems(PlanIndex idx) {
    Map<String, List<Shortfall>> byGroup = new TreeMap<>();
    for (Shortfall s : shortfalls.values()) {
      String group = s.zones.stream().map(ZoneLayout::ref).collect(Collectors.joining(","));
      byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(s);
    }
    List<Problem> out = new ArrayList<>();
    for (List<Shortfall> group : byGroup.values()) {
      group.sort(Comparator.comparing((Shortfall s) -> s.sw.name));
      Shortfall worst = group.stream().max(Comparator.comparingLong(this::demand)).get();
      List<ZoneLayout> zones = worst.zones;
      String cls = worst.sw.cls.switchClassId();
      String what = zones.size() == 1
          ? "zone " + zones.get(0).ref()
          : "zones " + zones.stream().map(ZoneLayout::ref).collect(Collectors.joining(", "));
      long capacity = capacity(worst);
      String others = group.size() > 1 ? " (" + (group.size() - 1) + " more switch(es) of " + cls + " fall short too)" : "";
      String path = zones.size() == 1 ? zones.get(0).path() : idx.path(worst.sw.cls);
      out.add(Problem.error("zone_over_capacity", idx.plan().locate(path), path,
          what + ": wiring needs " + demand(worst) + " logical ports on " + worst.sw.name + ", capacity is " + capacity
              + " (" + describe(zones) + ")" + others,
          "add ports to the zone, choose a breakout with more lanes, or raise override_quantity of the switch classes"
              + " involved so the links spread over more switches"));
    }
    return out;
  }

  private long demand(Shortfall s) {
    long d = s.unmet;
    for (ZoneLayout z : s.zones) {
      d += granted[s.sw.id][z.classZoneIndex()];
    }
    return d;
  }

  private long capacity(Shortfall s) {
    long c = 0;
    for (ZoneLayout z : s.zones) {
      c += z.capacity() - skipped[s.sw.id][z.classZoneIndex()];
    }
    return c;
  }

  private static String describe(List<ZoneLayout> zones) {
    return zones.stream()
        .map(z -> z.physicalCount() + " port(s) × " + z.lanes() + " lane(s)")
        .collect(Collectors.joining(" + "));
  }

  /** A slot of a zone on some switch. */
  static final class Slot {
    final ZoneLayout zone;
    final int slot;

    Slot(ZoneLayout zone, int slot) {
      this.zone = zone;
      this.slot = slot;
    }
  }

  private static final class Shortfall {
    final SwitchDevice sw;
    final List<ZoneLayout> zones;
    long unmet;

    Shortfall(SwitchDevice sw, List<ZoneLayout> zones) {
      this.sw = sw;
      this.zones = zones;
    }
  }
}
