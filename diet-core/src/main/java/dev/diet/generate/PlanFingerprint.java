package dev.diet.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.diet.plan.BreakoutOption;
import dev.diet.plan.DeviceType;
import dev.diet.plan.DeviceTypeExtension;
import dev.diet.plan.InterfaceTemplate;
import dev.diet.plan.Manufacturer;
import dev.diet.plan.ModuleType;
import dev.diet.plan.NamingTemplate;
import dev.diet.plan.Plan;
import dev.diet.plan.PortZone;
import dev.diet.plan.ServerClass;
import dev.diet.plan.ServerConnection;
import dev.diet.plan.ServerNic;
import dev.diet.plan.SwitchClass;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * SHA-256 over a canonical form of every plan input that shapes the generated graph: plan id,
 * site, quantities, classes, zones (as parsed port sets), connections, NICs, naming templates, the
 * breakout catalogue sizing searches, and the reference data the plan uses, resolved to values.
 *
 * <p>Formatting does not count: key order, comments, whitespace, equivalent port specs ({@code 1-4}
 * and {@code 1,2,3,4}), the order of list entries whose order the output does not depend on, and
 * the file's own symbolic ids of reference data. Inputs the output ignores (descriptions, notes,
 * connection types, transceivers, MCLAG domains) do not count either.
 */
public final class PlanFingerprint {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private PlanFingerprint() {}

  /** Fingerprint for the default site. */
  public static String of(Plan plan) {
    return of(plan, GeneratorOptions.defaults());
  }

  /** 64 lower-case hex digits. */
  public static String of(Plan plan, GeneratorOptions options) {
    byte[] digest = Naming.sha256().digest(canonical(plan, options).getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder(64);
    for (byte b : digest) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  /** The canonical text that is hashed; exposed for tests and for explaining a changed fingerprint. */
  static String canonical(Plan plan, GeneratorOptions options) {
    Map<String, Object> root = new TreeMap<>();
    root.put("form", "diet.fingerprint/v1");
    root.put("plan", plan.id());
    root.put("site", map("slug", options.siteSlug(), "name", options.siteName()));
    List<Object> breakouts = new ArrayList<>();
    for (BreakoutOption b : plan.breakoutCatalogue()) {
      breakouts.add(breakout(b));
    }
    root.put("breakouts", sorted(breakouts));

    List<Object> switchClasses = new ArrayList<>();
    for (SwitchClass sc : plan.switchClasses()) {
      Map<String, Object> m = map("id", sc.switchClassId(), "fabric", sc.fabricName(), "fabric_class", sc.fabricClass().wire());
      m.put("role", sc.hedgehogRole().map(r -> r.wire()).orElse(null));
      m.put("uplink_ports_per_switch", sc.uplinkPortsPerSwitch().orElse(null));
      m.put("mclag_pair", sc.mclagPair());
      m.put("override", sc.overrideQuantity().orElse(null));
      m.put("topology_mode", sc.topologyMode().map(t -> t.wire()).orElse(null));
      m.put("redundancy", sc.redundancyType().map(r -> r.wire()).orElse(null));
      m.put("hardware", extension(plan, sc.deviceTypeExtension()));
      switchClasses.add(m);
    }
    root.put("switch_classes", sorted(switchClasses));

    List<Object> zones = new ArrayList<>();
    for (PortZone z : plan.portZones()) {
      Map<String, Object> m = map("class", z.switchClass(), "name", z.zoneName(), "type", z.zoneType().wire());
      m.put("ports", ports(z.portSpec()));
      m.put("breakout", z.breakoutOption().map(id -> resolveBreakout(plan, id)).orElse(null));
      m.put("strategy", z.allocationStrategy().wire());
      m.put("port_order", z.portOrder());
      m.put("priority", z.priority());
      m.put("peer", z.peerZone().orElse(null));
      zones.add(m);
    }
    root.put("zones", sorted(zones));

    List<Object> servers = new ArrayList<>();
    for (ServerClass sc : plan.serverClasses()) {
      Map<String, Object> m = map("id", sc.serverClassId(), "quantity", sc.quantity(), "device_type", deviceType(plan, sc.serverDeviceType()));
      servers.add(m);
    }
    root.put("server_classes", sorted(servers));

    List<Object> nics = new ArrayList<>();
    for (ServerNic nic : plan.serverNics()) {
      nics.add(map("class", nic.serverClass(), "id", nic.nicId(), "module_type", moduleType(plan, nic.moduleType())));
    }
    root.put("nics", sorted(nics));

    List<Object> connections = new ArrayList<>();
    for (ServerConnection c : plan.serverConnections()) {
      Map<String, Object> m = map("class", c.serverClass(), "id", c.connectionId(), "nic", c.nic());
      m.put("port_index", c.portIndex());
      m.put("ports", c.portsPerConnection());
      m.put("distribution", c.distribution().map(d -> d.wire()).orElse(null));
      m.put("target", c.targetZone());
      m.put("speed", c.speed());
      m.put("rail", c.rail().orElse(null));
      connections.add(m);
    }
    root.put("connections", sorted(connections));

    List<Object> naming = new ArrayList<>();
    for (NamingTemplate t : plan.namingTemplates()) {
      naming.add(map("category", t.deviceCategory().wire(), "pattern", t.pattern()));
    }
    root.put("naming", sorted(naming));
    return json(root);
  }

  private static Object ports(String spec) {
    try {
      return PortSpec.parse(spec);
    } catch (PortSpecException e) {
      return map("unparsed", spec);
    }
  }

  private static Object breakout(BreakoutOption b) {
    return map("id", b.breakoutId(), "from", b.fromSpeed(), "lanes", b.logicalPorts(), "speed", b.logicalSpeed());
  }

  private static Object resolveBreakout(Plan plan, String id) {
    BreakoutOption own = plan.breakoutsById().get(id);
    if (own != null) {
      return breakout(own);
    }
    Optional<BreakoutOption> global = plan.breakoutCatalogue().stream().filter(b -> b.breakoutId().equals(id)).findFirst();
    return global.map(PlanFingerprint::breakout).orElse(map("unresolved", id));
  }

  private static Object extension(Plan plan, String id) {
    DeviceTypeExtension ext = plan.extensionsById().get(id);
    if (ext == null) {
      return map("unresolved", id);
    }
    Map<String, Object> m = map("device_type", deviceType(plan, ext.deviceType()), "native_speed", ext.nativeSpeed().orElse(null));
    List<String> allowed = new ArrayList<>(ext.supportedBreakouts());
    allowed.sort(null);
    m.put("supported_breakouts", allowed);
    return m;
  }

  private static Object deviceType(Plan plan, String id) {
    DeviceType dt = plan.deviceTypesById().get(id);
    if (dt == null) {
      return map("unresolved", id);
    }
    Map<String, Object> m = map("manufacturer", manufacturer(plan, dt.manufacturer()), "model", dt.model(), "slug", dt.slug());
    m.put("u_height", dt.uHeight());
    m.put("full_depth", dt.isFullDepth());
    m.put("templates", templates(dt.interfaceTemplates()));
    return m;
  }

  private static Object moduleType(Plan plan, String id) {
    ModuleType mt = plan.moduleTypesById().get(id);
    if (mt == null) {
      return map("unresolved", id);
    }
    Map<String, Object> m = map("manufacturer", manufacturer(plan, mt.manufacturer()), "model", mt.model(), "profile", mt.profile().orElse(null));
    m.put("templates", templates(mt.interfaceTemplates()));
    return m;
  }

  private static Object manufacturer(Plan plan, String id) {
    Manufacturer m = plan.manufacturersById().get(id);
    return m == null ? map("unresolved", id) : map("name", m.name(), "slug", m.slug());
  }

  /** Template order is kept: it is the order of the device type's interface_templates field. */
  private static List<Object> templates(List<InterfaceTemplate> templates) {
    List<Object> out = new ArrayList<>();
    for (InterfaceTemplate t : templates) {
      out.add(List.of(t.name(), t.type()));
    }
    return out;
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** Entries whose order does not matter, sorted by their canonical text. */
  private static List<Object> sorted(List<Object> items) {
    return items.stream()
        .map(item -> Map.entry(json(item), item))
        .sorted(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue)
        .collect(Collectors.toList());
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps and lists always serialise", e);
    }
  }
}
