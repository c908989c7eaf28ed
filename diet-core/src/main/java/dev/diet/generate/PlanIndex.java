package dev.diet.generate;

import dev.diet.plan.BreakoutOption;
import dev.diet.plan.DeviceType;
import dev.diet.plan.DeviceTypeExtension;
import dev.diet.plan.Manufacturer;
import dev.diet.plan.ModuleType;
import dev.diet.plan.Plan;
import dev.diet.plan.PortZone;
import dev.diet.plan.Problem;
import dev.diet.plan.ServerClass;
import dev.diet.plan.ServerConnection;
import dev.diet.plan.ServerNic;
import dev.diet.plan.SwitchClass;
import dev.diet.plan.ZoneType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A plan with its references resolved and its collections in the orders generation iterates them
 * (§2 of the generation rules). Unresolvable references and malformed port specs become problems
 * instead of exceptions, so a check can report all of them at once.
 */
final class PlanIndex {
  private static final Comparator<SwitchClass> SWITCH_CLASS_ORDER =
      Comparator.comparing(SwitchClass::fabricName).thenComparing(SwitchClass::switchClassId);
  private static final Comparator<PortZone> ZONE_ORDER =
      Comparator.comparingInt(PortZone::priority).thenComparing(PortZone::zoneName);

  private final Plan plan;
  private final List<Problem> problems = new ArrayList<>();
  private final List<SwitchClass> switchClasses = new ArrayList<>();
  private final List<ServerClass> serverClasses = new ArrayList<>();
  private final Map<String, Integer> switchClassPos = new HashMap<>();
  private final Map<String, Integer> serverClassPos = new HashMap<>();
  private final Map<ServerConnection, Integer> connectionPos = new HashMap<>();
  private final Map<String, DeviceTypeExtension> extensionOf = new HashMap<>();
  private final Map<String, DeviceType> switchTypeOf = new HashMap<>();
  private final Map<String, DeviceType> serverTypeOf = new HashMap<>();
  private final Map<String, List<ZoneLayout>> zonesOf = new HashMap<>();
  private final Map<String, ZoneLayout> zonesByRef = new HashMap<>();
  private final Map<String, List<ServerConnection>> connectionsOf = new HashMap<>();
  private final Map<String, List<ServerConnection>> connectionsTargeting = new HashMap<>();
  private final Map<String, Map<String, ServerNic>> nicsOf = new HashMap<>();
  private final Map<String, ModuleType> nicTypeOf = new HashMap<>();
  private final Map<String, Manufacturer> manufacturers = new HashMap<>();

  private PlanIndex(Plan plan) {
    this.plan = plan;
    for (Manufacturer m : plan.referenceData().manufacturers()) {
      manufacturers.putIfAbsent(m.id(), m);
    }
    indexSwitchClasses();
    indexZones();
    indexServerClasses();
    indexNics();
    indexConnections();
  }

  static PlanIndex of(Plan plan) {
    return new PlanIndex(plan);
  }

  Plan plan() {
    return plan;
  }

  /** Problems found while resolving; generation stops when any is an error. */
  List<Problem> problems() {
    return problems;
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  void error(String code, String path, String message, String hint) {
    problems.add(Problem.error(code, plan.locate(path), path, message, hint));
  }

  // ---- switch classes ------------------------------------------------------------------------

  private void indexSwitchClasses() {
    List<SwitchClass> all = plan.switchClasses();
    for (int i = 0; i < all.size(); i++) {
      SwitchClass sc = all.get(i);
      String path = "switch_classes[" + i + "]";
      if (switchClassPos.putIfAbsent(sc.switchClassId(), i) != null) {
        duplicate(path, "switch class", sc.switchClassId());
        continue;
      }
      switchClasses.add(sc);
      DeviceTypeExtension ext = plan.extensionsById().get(sc.deviceTypeExtension());
      if (ext == null) {
        unknown(path + ".device_type_extension", "device type extension", sc.deviceTypeExtension());
        continue;
      }
      extensionOf.put(sc.switchClassId(), ext);
      DeviceType dt = deviceType(ext.deviceType(), path + ".device_type_extension");
      if (dt != null) {
        switchTypeOf.put(sc.switchClassId(), dt);
      }
    }
    switchClasses.sort(SWITCH_CLASS_ORDER);
  }

  private DeviceType deviceType(String id, String path) {
    DeviceType dt = plan.deviceTypesById().get(id);
    if (dt == null) {
      unknown(path, "device type", id);
      return null;
    }
    if (!manufacturers.containsKey(dt.manufacturer())) {
      unknown(path, "manufacturer", dt.manufacturer());
      return null;
    }
    return dt;
  }

  /** Switch classes ordered by fabric name, then switch class id. */
  List<SwitchClass> switchClasses() {
    return switchClasses;
  }

  String path(SwitchClass sc) {
    return "switch_classes[" + switchClassPos.get(sc.switchClassId()) + "]";
  }

  DeviceTypeExtension extension(SwitchClass sc) {
    return extensionOf.get(sc.switchClassId());
  }

  DeviceType deviceType(SwitchClass sc) {
    return switchTypeOf.get(sc.switchClassId());
  }

  // ---- zones ----------------------------------------------------------------------------------

  private void indexZones() {
    List<PortZone> all = plan.portZones();
    Map<String, List<Integer>> positions = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      PortZone z = all.get(i);
      String path = "switch_port_zones[" + i + "]";
      if (!switchClassPos.containsKey(z.switchClass())) {
        unknown(path + ".switch_class", "switch class", z.switchClass());
        continue;
      }
      if (!seen.add(z.ref())) {
        duplicate(path, "zone", z.ref());
        continue;
      }
      positions.computeIfAbsent(z.switchClass(), k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> e : positions.entrySet()) {
      List<Integer> ps = new ArrayList<>(e.getValue());
      ps.sort(Comparator.comparing(all::get, ZONE_ORDER));
      List<ZoneLayout> layouts = new ArrayList<>();
      for (int p : ps) {
        ZoneLayout layout = layout(all.get(p), p, layouts.size());
        if (layout != null) {
          layouts.add(layout);
          zonesByRef.put(layout.ref(), layout);
        }
      }
      zonesOf.put(e.getKey(), layouts);
    }
    for (int i = 0; i < all.size(); i++) {
      PortZone z = all.get(i);
      if (z.peerZone().isPresent() && !zonesByRef.containsKey(z.peerZone().get()) && zonesByRef.containsKey(z.ref())) {
        unknown("switch_port_zones[" + i + "].peer_zone", "zone", z.peerZone().get());
      }
    }
  }

  private ZoneLayout layout(PortZone z, int planIndex, int classZoneIndex) {
    String path = "switch_port_zones[" + planIndex + "]";
    List<Integer> ports;
    try {
      ports = PortSpec.parse(z.portSpec());
    } catch (PortSpecException e) {
      error("invalid_port_spec", path + ".port_spec", "zone " + z.ref() + ": " + e.getMessage(), e.hint().orElse(null));
      return null;
    }
    Optional<BreakoutOption> breakout = Optional.empty();
    if (z.breakoutOption().isPresent()) {
      breakout = breakout(z.breakoutOption().get());
      if (breakout.isEmpty()) {
        unknown(path + ".breakout_option", "breakout option", z.breakoutOption().get());
        return null;
      }
    }
    return new ZoneLayout(z, planIndex, classZoneIndex, breakout, ports);
  }

  /** A breakout by the plan's own id, else by a catalogue breakout id. */
  private Optional<BreakoutOption> breakout(String id) {
    BreakoutOption own = plan.breakoutsById().get(id);
    if (own != null) {
      return Optional.of(own);
    }
    return plan.breakoutCatalogue().stream().filter(b -> b.breakoutId().equals(id)).findFirst();
  }

  /** Zones of a switch class in (priority, zone_name) order. */
  List<ZoneLayout> zones(String switchClassId) {
    return zonesOf.getOrDefault(switchClassId, Collections.emptyList());
  }

  List<ZoneLayout> zones(String switchClassId, ZoneType type) {
    List<ZoneLayout> out = new ArrayList<>();
    for (ZoneLayout z : zones(switchClassId)) {
      if (z.zone().zoneType() == type) {
        out.add(z);
      }
    }
    return out;
  }

  ZoneLayout zone(String ref) {
    return zonesByRef.get(ref);
  }

  // ---- servers ------------------------------------------------------------------------------

  private void indexServerClasses() {
    List<ServerClass> all = plan.serverClasses();
    for (int i = 0; i < all.size(); i++) {
      ServerClass sc = all.get(i);
      String path = "server_classes[" + i + "]";
      if (serverClassPos.putIfAbsent(sc.serverClassId(), i) != null) {
        duplicate(path, "server class", sc.serverClassId());
        continue;
      }
      serverClasses.add(sc);
      DeviceType dt = deviceType(sc.serverDeviceType(), path + ".server_device_type");
      if (dt != null) {
        serverTypeOf.put(sc.serverClassId(), dt);
      }
    }
    serverClasses.sort(Comparator.comparing(ServerClass::serverClassId));
  }

  private void indexNics() {
    List<ServerNic> all = plan.serverNics();
    Map<String, TreeMap<String, ServerNic>> sorted = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      ServerNic nic = all.get(i);
      String path = "server_nics[" + i + "]";
      if (!serverClassPos.containsKey(nic.serverClass())) {
        unknown(path + ".server_class", "server class", nic.serverClass());
        continue;
      }
      TreeMap<String, ServerNic> ofClass = sorted.computeIfAbsent(nic.serverClass(), k -> new TreeMap<>());
      if (ofClass.containsKey(nic.nicId())) {
        duplicate(path, "NIC", nic.serverClass() + "/" + nic.nicId());
        continue;
      }
      ModuleType mt = plan.moduleTypesById().get(nic.moduleType());
      if (mt == null) {
        unknown(path + ".module_type", "module type", nic.moduleType());
        continue;
      }
      if (!manufacturers.containsKey(mt.manufacturer())) {
        unknown(path + ".module_type", "manufacturer", mt.manufacturer());
        continue;
      }
      if (mt.interfaceTemplates().isEmpty()) {
        error("nic_without_ports", path + ".module_type",
            "NIC " + nic.serverClass() + "/" + nic.nicId() + " uses module type " + mt.model() + ", which has no interface templates",
            "give the module type at least one interface template; they are the NIC's ports");
        continue;
      }
      ofClass.put(nic.nicId(), nic);
      nicTypeOf.put(nic.serverClass() + "/" + nic.nicId(), mt);
    }
    for (Map.Entry<String, TreeMap<String, ServerNic>> e : sorted.entrySet()) {
      nicsOf.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
    }
  }

  private void indexConnections() {
    List<ServerConnection> all = plan.serverConnections();
    Map<String, TreeMap<String, ServerConnection>> byClass = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      ServerConnection c = all.get(i);
      String path = "server_connections[" + i + "]";
      if (!serverClassPos.containsKey(c.serverClass())) {
        unknown(path + ".server_class", "server class", c.serverClass());
        continue;
      }
      TreeMap<String, ServerConnection> ofClass = byClass.computeIfAbsent(c.serverClass(), k -> new TreeMap<>());
      if (ofClass.containsKey(c.connectionId())) {
        duplicate(path, "connection", c.serverClass() + "/" + c.connectionId());
        continue;
      }
      boolean ok = true;
      ServerNic nic = nicsOf.getOrDefault(c.serverClass(), Collections.emptyMap()).get(c.nic());
      if (nic == null) {
        unknown(path + ".nic", "NIC of server class " + c.serverClass(), c.nic());
        ok = false;
      } else {
        int ports = nicType(nic).interfaceTemplates().size();
        if (c.portIndex() < 0 || c.portsPerConnection() < 1 || c.portIndex() + c.portsPerConnection() > ports) {
          error("nic_port_out_of_range", path + (c.portIndex() >= ports ? ".port_index" : ".ports_per_connection"),
              "connection " + c.serverClass() + "/" + c.connectionId() + " uses NIC ports " + c.portIndex() + ".."
                  + (c.portIndex() + c.portsPerConnection() - 1) + " of NIC " + c.nic() + ", which has " + ports + " port(s) (0.."
                  + (ports - 1) + ")",
              "lower port_index or ports_per_connection, or use a NIC with more ports");
          ok = false;
        }
      }
      if (!zonesByRef.containsKey(c.targetZone())) {
        unknown(path + ".target_zone", "zone", c.targetZone());
        ok = false;
      }
      if (ok) {
        ofClass.put(c.connectionId(), c);
        connectionPos.put(c, i);
      }
    }
    List<ServerClass> ordered = serverClasses;
    for (ServerClass sc : ordered) {
      List<ServerConnection> conns = new ArrayList<>(byClass.getOrDefault(sc.serverClassId(), new TreeMap<>()).values());
      connectionsOf.put(sc.serverClassId(), conns);
      for (ServerConnection c : conns) {
        connectionsTargeting.computeIfAbsent(c.targetSwitchClass(), k -> new ArrayList<>()).add(c);
      }
    }
  }

  /** Server classes in server_class_id order. */
  List<ServerClass> serverClasses() {
    return serverClasses;
  }

  DeviceType deviceType(ServerClass sc) {
    return serverTypeOf.get(sc.serverClassId());
  }

  String path(ServerClass sc) {
    return "server_classes[" + serverClassPos.get(sc.serverClassId()) + "]";
  }

  /** Connections of a server class in connection_id order. */
  List<ServerConnection> connections(ServerClass sc) {
    return connectionsOf.getOrDefault(sc.serverClassId(), Collections.emptyList());
  }

  /** Connections whose target zone belongs to a switch class, by server class id then connection id. */
  List<ServerConnection> connectionsTargeting(String switchClassId) {
    return connectionsTargeting.getOrDefault(switchClassId, Collections.emptyList());
  }

  String path(ServerConnection c) {
    return "server_connections[" + connectionPos.get(c) + "]";
  }

  /** NICs of a server class in nic_id order. */
  Map<String, ServerNic> nics(ServerClass sc) {
    return nicsOf.getOrDefault(sc.serverClassId(), Collections.emptyMap());
  }

  ModuleType nicType(ServerNic nic) {
    return nicTypeOf.get(nic.serverClass() + "/" + nic.nicId());
  }

  ServerClass serverClass(String id) {
    Integer pos = serverClassPos.get(id);
    return pos == null ? null : plan.serverClasses().get(pos);
  }

  Manufacturer manufacturer(String id) {
    return manufacturers.get(id);
  }

  // ---- problems -----------------------------------------------------------------------------

  private void unknown(String path, String what, String id) {
    error("unknown_reference", path, "no " + what + " with id '" + id + "'", "declare it, or fix the reference");
  }

  private void duplicate(String path, String what, String id) {
    error("duplicate_id", path, "a second " + what + " with id '" + id + "'", "give every " + what + " its own id");
  }
}
