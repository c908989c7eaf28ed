package dev.diet.preflight;

import dev.diet.generate.PortSpec;
import dev.diet.generate.PortSpecException;
import dev.diet.plan.AllocationStrategy;
import dev.diet.plan.Plan;
import dev.diet.plan.PortZone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Port zones: the port spec parses, the priority is positive, a {@code custom} strategy has a
 * {@code port_order} that is a permutation of the zone's ports (decision 13), and zones of one
 * switch class that share physical ports are a warning (decision 14).
 */
final class ZoneCheck implements PlanCheck {

  @Override
  public void check(Plan plan, Problems problems) {
    List<PortZone> zones = plan.portZones();
    Map<Integer, List<Integer>> parsed = new LinkedHashMap<>();
    for (int i = 0; i < zones.size(); i++) {
      PortZone z = zones.get(i);
      String path = "switch_port_zones[" + i + "]";
      Optional<List<Integer>> ports;
      try {
        ports = Optional.of(PortSpec.parse(z.portSpec()));
        parsed.put(i, ports.get());
      } catch (PortSpecException e) {
        ports = Optional.empty();
        problems.error("invalid_port_spec", path + ".port_spec", "zone " + z.ref() + ": " + e.getMessage(), e.hint().orElse(null));
      }
      Ranges.atLeast(problems, path + ".priority", "priority", z.priority(), 1, "the order zones of one type are used in; lower is used first");
      checkOrder(problems, z, path, ports);
    }
    overlaps(plan, problems, parsed);
  }

  private static void checkOrder(Problems problems, PortZone z, String path, Optional<List<Integer>> ports) {
    boolean custom = z.allocationStrategy() == AllocationStrategy.CUSTOM;
    if (!custom) {
      if (!z.portOrder().isEmpty()) {
        problems.warning("ignored_key", path + ".port_order", "port_order is used only with allocation_strategy custom; zone " + z.ref() + " uses " + z.allocationStrategy().wire(), "set allocation_strategy: custom, or remove port_order");
      }
      return;
    }
    if (z.portOrder().isEmpty()) {
      problems.error("invalid_port_order", path + ".allocation_strategy", "zone " + z.ref() + " uses allocation_strategy custom but has no port_order", "list every port of the zone in the order to use, e.g. port_order: [4, 2, 1, 3]");
      return;
    }
    if (ports.isEmpty()) {
      return;
    }
    Set<Integer> expected = new TreeSet<>(ports.get());
    Set<Integer> seen = new HashSet<>();
    Set<Integer> repeated = new TreeSet<>();
    Set<Integer> extra = new TreeSet<>();
    for (int p : z.portOrder()) {
      if (!seen.add(p)) {
        repeated.add(p);
      }
      if (!expected.contains(p)) {
        extra.add(p);
      }
    }
    Set<Integer> missing = new TreeSet<>(expected);
    missing.removeAll(seen);
    if (repeated.isEmpty() && extra.isEmpty() && missing.isEmpty()) {
      return;
    }
    List<String> why = new ArrayList<>();
    if (!missing.isEmpty()) {
      why.add("missing " + shortList(missing));
    }
    if (!extra.isEmpty()) {
      why.add("not in the zone " + shortList(extra));
    }
    if (!repeated.isEmpty()) {
      why.add("repeated " + shortList(repeated));
    }
    problems.error(
        "invalid_port_order",
        path + ".port_order",
        "port_order of zone " + z.ref() + " is not a permutation of its ports (" + String.join("; ", why) + ")",
        "list each port of port_spec '" + z.portSpec() + "' exactly once");
  }

  private static void overlaps(Plan plan, Problems problems, Map<Integer, List<Integer>> parsed) {
    List<PortZone> zones = plan.portZones();
    List<Integer> indexes = new ArrayList<>(parsed.keySet());
    for (int a = 0; a < indexes.size(); a++) {
      for (int b = a + 1; b < indexes.size(); b++) {
        PortZone first = zones.get(indexes.get(a));
        PortZone second = zones.get(indexes.get(b));
        if (!first.switchClass().equals(second.switchClass()) || first.zoneName().equals(second.zoneName())) {
          continue;
        }
        Set<Integer> shared = new TreeSet<>(parsed.get(indexes.get(a)));
        shared.retainAll(new HashSet<>(parsed.get(indexes.get(b))));
        if (!shared.isEmpty()) {
          problems.warning(
              "zone_overlap",
              "switch_port_zones[" + indexes.get(b) + "].port_spec",
              "zones " + first.zoneName() + " and " + second.zoneName() + " of switch class " + first.switchClass() + " share port" + (shared.size() > 1 ? "s " : " ") + shortList(shared),
              "give each zone its own ports; generation never hands out one interface twice, so one zone may run short");
        }
      }
    }
  }

  static String shortList(Set<Integer> ports) {
    String shown = ports.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "));
    return shown + (ports.size() > 10 ? ", ... (" + ports.size() + ")" : "");
  }
}
