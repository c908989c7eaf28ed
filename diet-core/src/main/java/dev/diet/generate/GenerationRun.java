package dev.diet.generate;

import com.google.common.collect.ImmutableSortedSet;
import dev.diet.plan.DeviceCategory;
import dev.diet.plan.DeviceType;
import dev.diet.plan.Distribution;
import dev.diet.plan.FabricClass;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.InterfaceTemplate;
import dev.diet.plan.Manufacturer;
import dev.diet.plan.ModuleType;
import dev.diet.plan.NamingTemplate;
import dev.diet.plan.Plan;
import dev.diet.plan.Problem;
import dev.diet.plan.ServerClass;
import dev.diet.plan.ServerConnection;
import dev.diet.plan.ServerNic;
import dev.diet.plan.SwitchClass;
import dev.diet.plan.ZoneType;
import dev.diet.spi.OwnershipFields;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.FieldMap;
import dev.diet.state.Fields;
import dev.diet.state.GenerationCounts;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One generation of one plan (§5 of the generation rules): sizing, then switches, servers with
 * their NICs and server cables, leaf-spine links, OOB surrogate uplinks, peer-zone uplinks and mesh
 * links, all drawing from one {@link PortAllocator}. Problems are collected, not thrown, so a check
 * sees all of them.
 */
final class GenerationRun {
  static final String GENERATED_TAG = "hedgehog-generated";
  static final String COLOR = "9e9e9e";

  private static final ImmutableSortedSet<String> TAGGED = ImmutableSortedSet.of(GENERATED_TAG);
  private static final ImmutableSortedSet<String> UNTAGGED = ImmutableSortedSet.of();
  private static final String CF_PLAN_ID = Fields.customField("hedgehog_plan_id");
  private static final String CF_CLASS = Fields.customField("hedgehog_class");
  private static final String CF_FABRIC = Fields.customField("hedgehog_fabric");
  private static final String CF_FABRIC_CLASS = Fields.customField("hedgehog_fabric_class");
  private static final String CF_ROLE = Fields.customField("hedgehog_role");
  private static final String CF_BOOT_MAC = Fields.customField("boot_mac");
  private static final String CF_ZONE = Fields.customField("hedgehog_zone");
  private static final String CF_PHYSICAL_PORT = Fields.customField("hedgehog_physical_port");
  private static final String CF_BREAKOUT_INDEX = Fields.customField("hedgehog_breakout_index");

  private final Plan plan;
  private final GeneratorOptions options;
  private final boolean materialize;
  private final String planId;
  private final PlanIndex idx;
  private final List<DesiredObject> objects = new ArrayList<>();
  private final Map<ObjectKey, DesiredObject> references = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, List<SwitchDevice>> switchesOf = new HashMap<>();
  private final List<SwitchDevice> switches = new ArrayList<>();
  private final Map<String, String> deviceNames = new HashMap<>();
  private final Set<String> reportedCollisions = new HashSet<>();
  private final Set<String> reportedOnce = new HashSet<>();
  private final Ref siteRef;
  private SizingResult sizing;
  private PortAllocator allocator;
  private int deviceCount;
  private int switchInterfaceCount;
  private int cableCount;

  GenerationRun(Plan plan, GeneratorOptions options, boolean materialize) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.options = Objects.requireNonNull(options, "options");
    this.materialize = materialize;
    this.planId = plan.id();
    this.idx = PlanIndex.of(plan);
    this.siteRef = Ref.to(ObjectKey.reference(ObjectKind.SITE, options.siteSlug()));
  }

  /** What a run produced: the graph (null when not materialized or when errors were found) and every problem. */
  static final class Outcome {
    private final DesiredState state;
    private final List<Problem> problems;

    Outcome(DesiredState state, List<Problem> problems) {
      this.state = state;
      this.problems = problems;
    }

    DesiredState state() {
      return state;
    }

    List<Problem> problems() {
      return problems;
    }
  }

  Outcome run() {
    if (idx.hasErrors()) {
      return new Outcome(null, idx.problems());
    }
    sizing = Sizing.calculate(idx);
    if (sizing.hasErrors()) {
      return new Outcome(null, sizing.problems());
    }
    problems.addAll(sizing.problems());
    Naming naming = naming();
    if (naming == null) {
      return new Outcome(null, problems);
    }
    referenceData();
    switchDevices(naming);
    allocator = new PortAllocator(switches);
    servers(naming);
    fabricLinks();
    surrogateUplinks();
    peerUplinks();
    meshLinks();
    problems.addAll(allocator.problems(idx));
    if (!materialize || problems.stream().anyMatch(Problem::isError)) {
      return new Outcome(null, problems);
    }
    List<DesiredObject> all = new ArrayList<>(references.size() + objects.size());
    all.addAll(references.values());
    all.addAll(objects);
    Map<String, Integer> quantities = new TreeMap<>();
    sizing.quantities().forEach((id, q) -> quantities.put(id, q.effective()));
    DesiredState state = new DesiredState(planId, PlanFingerprint.of(plan, options), all, quantities,
        new GenerationCounts(deviceCount, switchInterfaceCount, cableCount));
    return new Outcome(state, problems);
  }

  // ---- naming -------------------------------------------------------------------------------

  private Naming naming() {
    Map<DeviceCategory, NameTemplate> templates = new EnumMap<>(DeviceCategory.class);
    List<NamingTemplate> declared = plan.namingTemplates();
    boolean ok = true;
    for (int i = 0; i < declared.size(); i++) {
      NamingTemplate t = declared.get(i);
      String path = "naming_templates[" + i + "]";
      try {
        if (templates.putIfAbsent(t.deviceCategory(), NameTemplate.parse(t.pattern())) != null) {
          error("duplicate_id", path, "a second naming template for category " + t.deviceCategory().wire(), "keep one template per category");
          ok = false;
        }
      } catch (NameTemplateException e) {
        error("invalid_naming_template", path + ".pattern", e.getMessage(), e.hint().orElse(null));
        ok = false;
      }
    }
    return ok ? new Naming(options.siteSlug(), templates) : null;
  }

  /** Registers a device name; two devices whose names differ only in case collide in NetBox (decision #8). */
  private void claimName(String name, String owner, String ownerPath) {
    String previous = deviceNames.putIfAbsent(name.toLowerCase(Locale.ROOT), owner);
    if (previous != null && reportedCollisions.add(previous + "|" + owner)) {
      error("name_collision", ownerPath,
          "device name " + name + " of " + owner + " is also a name of " + previous + "; NetBox needs unique names per site",
          "rename one of the classes or give the category a naming template that tells them apart");
    }
  }

  // ---- reference data -----------------------------------------------------------------------

  private void referenceData() {
    reference(ObjectKey.reference(ObjectKind.SITE, options.siteSlug()),
        fields(Fields.NAME, options.siteName(), Fields.SLUG, options.siteSlug(), Fields.STATUS, "active"), "meta");
    reference(ObjectKey.reference(ObjectKind.TAG, GENERATED_TAG),
        fields(Fields.NAME, GENERATED_TAG, Fields.SLUG, GENERATED_TAG, Fields.COLOR, COLOR), "meta");
    String device = ObjectKind.DEVICE.contentType();
    String module = ObjectKind.MODULE.contentType();
    String iface = ObjectKind.INTERFACE.contentType();
    String cable = ObjectKind.CABLE.contentType();
    String bay = ObjectKind.MODULE_BAY.contentType();
    customField("hedgehog_plan_id", "text", device, module, iface, cable);
    for (String name : List.of("hedgehog_class", "hedgehog_fabric", "hedgehog_fabric_class", "hedgehog_role", "boot_mac")) {
      customField(name, "text", device);
    }
    customField("hedgehog_zone", "text", iface, cable);
    customField("hedgehog_physical_port", "integer", iface);
    customField("hedgehog_breakout_index", "integer", iface);
    customField(OwnershipFields.PLAN, "text", device, bay, module, iface, cable);
    customField(OwnershipFields.KEY, "text", device, bay, module, iface, cable);
    customField(OwnershipFields.STATE, "json", device, bay, module, iface, cable);
  }

  private void customField(String name, String type, String... contentTypes) {
    reference(ObjectKey.reference(ObjectKind.CUSTOM_FIELD, name),
        fields(Fields.NAME, name, Fields.CF_TYPE, type, Fields.CF_OBJECT_TYPES, String.join(",", new TreeSet<>(List.of(contentTypes)))), "meta");
  }

  private Ref role(DeviceCategory category) {
    ObjectKey key = ObjectKey.reference(ObjectKind.DEVICE_ROLE, category.wire());
    reference(key, fields(Fields.NAME, Naming.title(category.wire()), Fields.SLUG, category.wire(), Fields.COLOR, COLOR), "meta");
    return Ref.to(key);
  }

  private Ref manufacturer(String id, String path) {
    Manufacturer m = idx.manufacturer(id);
    ObjectKey key = ObjectKey.reference(ObjectKind.MANUFACTURER, m.slug());
    reference(key, fields(Fields.NAME, m.name(), Fields.SLUG, m.slug()), path);
    return Ref.to(key);
  }

  private Ref deviceType(DeviceType dt, String path) {
    ObjectKey key = ObjectKey.reference(ObjectKind.DEVICE_TYPE, dt.slug());
    FieldMap.Builder f = fields(Fields.MANUFACTURER, manufacturer(dt.manufacturer(), path), Fields.MODEL, dt.model(), Fields.SLUG, dt.slug());
    f.put(Fields.U_HEIGHT, dt.uHeight());
    f.put(Fields.IS_FULL_DEPTH, dt.isFullDepth());
    f.put(Fields.INTERFACE_TEMPLATES, templates(dt.interfaceTemplates()));
    reference(key, f, path);
    return Ref.to(key);
  }

  private Ref moduleType(ModuleType mt, String path) {
    Ref mfr = manufacturer(mt.manufacturer(), path);
    ObjectKey key = ObjectKey.reference(ObjectKind.MODULE_TYPE, mfr.key().path() + "/" + mt.model());
    FieldMap.Builder f = fields(Fields.MANUFACTURER, mfr, Fields.MODEL, mt.model(), Fields.INTERFACE_TEMPLATES, templates(mt.interfaceTemplates()));
    f.put(Fields.PROFILE, mt.profile().orElse(null));
    reference(key, f, path);
    return Ref.to(key);
  }

  private static String templates(List<InterfaceTemplate> templates) {
    StringBuilder out = new StringBuilder();
    for (InterfaceTemplate t : templates) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(t.name()).append('=').append(t.type());
    }
    return out.toString();
  }

  /** Adds a reference object once; two different definitions under one natural key are an error. */
  private void reference(ObjectKey key, FieldMap.Builder builder, String path) {
    FieldMap fields = builder.build();
    DesiredObject previous = references.get(key);
    if (previous == null) {
      references.put(key, new DesiredObject(key, fields, UNTAGGED));
    } else if (!previous.fields().equals(fields) && reportedOnce.add("ref|" + key)) {
      error("conflicting_reference", path,
          "two different definitions of " + key.kind().wire() + " " + key.path() + " in reference_data: " + previous.fields() + " and " + fields,
          "NetBox identifies it by " + (key.kind() == ObjectKind.MODULE_TYPE ? "manufacturer and model" : "slug") + "; make the definitions equal or give them different ones");
    }
  }

  // ---- switches -----------------------------------------------------------------------------

  private void switchDevices(Naming naming) {
    for (SwitchClass sc : idx.switchClasses()) {
      int quantity = sizing.effective(sc.switchClassId());
      if (quantity == 0) {
        continue;
      }
      String path = idx.path(sc);
      DeviceType dt = idx.deviceType(sc);
      Ref type = deviceType(dt, path);
      Ref role = role(sc.category());
      Map<String, String> templates = new HashMap<>();
      for (InterfaceTemplate t : dt.interfaceTemplates()) {
        templates.putIfAbsent(t.name(), t.type());
      }
      List<ZoneLayout> zones = idx.zones(sc.switchClassId());
      boolean shared = zonesShareNames(zones);
      String slug = DeviceNames.slug(sc.switchClassId());
      List<SwitchDevice> devices = new ArrayList<>(quantity);
      for (int n = 1; n <= quantity; n++) {
        String name;
        try {
          name = naming.switchName(sc, slug, n);
        } catch (NameTemplateException e) {
          error("invalid_naming_template", "naming_templates", e.getMessage(), e.hint().orElse(null));
          return;
        }
        claimName(name, "switch class " + sc.switchClassId(), path);
        ObjectKey key = owned(ObjectKind.DEVICE, "switch/" + sc.switchClassId() + "/" + n);
        SwitchDevice sw = new SwitchDevice(switches.size(), sc, n, name, key, zones, templates, shared);
        switches.add(sw);
        devices.add(sw);
        deviceCount++;
        if (materialize) {
          FieldMap.Builder f = fields(Fields.NAME, name, Fields.SITE, siteRef, Fields.ROLE, role);
          f.put(Fields.DEVICE_TYPE, type);
          f.put(Fields.STATUS, "planned");
          f.put(CF_PLAN_ID, planId);
          f.put(CF_CLASS, sc.switchClassId());
          f.put(CF_FABRIC, sc.fabricName());
          f.put(CF_FABRIC_CLASS, sc.fabricClass().wire());
          f.put(CF_ROLE, sc.hedgehogRole().map(HedgehogRole::wire).orElse(""));
          f.put(CF_BOOT_MAC, Naming.bootMac(name));
          objects.add(new DesiredObject(key, f.build(), TAGGED));
        }
      }
      switchesOf.put(sc.switchClassId(), devices);
    }
  }

  private static boolean zonesShareNames(List<ZoneLayout> zones) {
    for (int i = 0; i < zones.size(); i++) {
      for (int j = i + 1; j < zones.size(); j++) {
        if (zones.get(i).sharesNamesWith(zones.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  private List<SwitchDevice> devicesOf(String switchClassId) {
    return switchesOf.getOrDefault(switchClassId, Collections.emptyList());
  }

  private static List<SwitchDevice> byName(List<SwitchDevice> devices) {
    List<SwitchDevice> sorted = new ArrayList<>(devices);
    sorted.sort(Comparator.comparing((SwitchDevice d) -> d.name));
    return sorted;
  }

  /** A switch port: the allocated slot as an interface, keeping the device type's template type for reused names. */
  private Ref switchPort(SwitchDevice sw, ZoneLayout zone, int slot, String type) {
    String name = zone.slotName(slot);
    ObjectKey key = owned(ObjectKind.INTERFACE, sw.portPathPrefix + name);
    switchInterfaceCount++;
    Ref ref = Ref.to(key);
    if (materialize) {
      FieldMap.Builder f = fields(Fields.DEVICE, sw.ref, Fields.NAME, name, Fields.TYPE, sw.templates.getOrDefault(name, type));
      f.put(Fields.ENABLED, Boolean.TRUE);
      f.put(CF_PLAN_ID, planId);
      f.put(CF_ZONE, zone.name());
      f.put(CF_PHYSICAL_PORT, zone.physicalPort(slot));
      f.put(CF_BREAKOUT_INDEX, zone.breakoutIndex(slot));
      objects.add(new DesiredObject(key, f.build(), TAGGED));
    }
    return ref;
  }

  private void cable(String path, Ref a, Ref b, boolean oob) {
    cableCount++;
    if (materialize) {
      FieldMap.Builder f = fields(Fields.A_END, a, Fields.B_END, b, Fields.STATUS, "connected");
      f.put(CF_PLAN_ID, planId);
      if (oob) {
        f.put(CF_ZONE, "oob");
      }
      objects.add(new DesiredObject(owned(ObjectKind.CABLE, path), f.build(), TAGGED));
    }
  }

  /** A switch-to-switch link between two allocated slots; the cable key names the A side's port. */
  private void link(String family, SwitchDevice a, PortAllocator.Slot slotA, SwitchDevice b, PortAllocator.Slot slotB, boolean oob) {
    Ref ra = switchPort(a, slotA.zone, slotA.slot, slotA.zone.linkType());
    Ref rb = switchPort(b, slotB.zone, slotB.slot, slotB.zone.linkType());
    cable(family + "/" + a.cls.switchClassId() + "/" + a.index + "/" + slotA.zone.slotName(slotA.slot), ra, rb, oob);
  }

  // ---- servers ------------------------------------------------------------------------------

  /** A NIC instantiated on every server of a class: its module type and its ports in natural order. */
  private static final class NicPlan {
    final ServerNic nic;
    final ModuleType type;
    final Ref typeRef;
    final List<InterfaceTemplate> ports;

    NicPlan(ServerNic nic, ModuleType type, Ref typeRef) {
      this.nic = nic;
      this.type = type;
      this.typeRef = typeRef;
      List<InterfaceTemplate> sorted = new ArrayList<>(type.interfaceTemplates());
      sorted.sort(Comparator.comparing(InterfaceTemplate::name, NaturalOrder.INSTANCE));
      this.ports = sorted;
    }
  }

  /** A connection ready to wire: its zone, its switches and how ports spread over them (§5.4). */
  private static final class ConnectionPlan {
    final ServerConnection conn;
    final ZoneLayout zone;
    final List<SwitchDevice> targets;
    final NicPlan nic;
    final String type;
    final int quantity;
    final int rails;
    final int serversPerDomain;

    ConnectionPlan(ServerConnection conn, ZoneLayout zone, List<SwitchDevice> targets, NicPlan nic, int quantity, int rails) {
      this.conn = conn;
      this.zone = zone;
      this.targets = targets;
      this.nic = nic;
      this.type = InterfaceTypes.forSpeed(conn.speed());
      this.quantity = quantity;
      this.rails = rails;
      this.serversPerDomain = Math.max(1, zone.capacity() / conn.portsPerConnection());
    }

    /** The switch for port {@code k} of server {@code i} (both 0-based). */
    SwitchDevice select(int i, int k) {
      int n = targets.size();
      if (n == 1) {
        return targets.get(0);
      }
      Distribution d = conn.distribution().orElse(null);
      int index;
      if (d == Distribution.ALTERNATING) {
        // Decision #1: with one port per connection alternate by server, or switch 2.. get nothing.
        index = conn.portsPerConnection() == 1 ? i % n : k % n;
      } else if (d == Distribution.SAME_SWITCH) {
        int base = quantity / n;
        int extra = quantity % n;
        int big = extra * (base + 1);
        index = i < big ? i / (base + 1) : extra + (i - big) / base;
      } else if (d == Distribution.RAIL_OPTIMIZED) {
        int rail = conn.rail().get();
        if (n >= rails) {
          index = (i / serversPerDomain) * rails + rail;
        } else {
          index = rail / ((rails + n - 1) / n);
        }
        index = Math.min(index, n - 1);
      } else {
        index = i % n;
      }
      return targets.get(index);
    }
  }

  private void servers(Naming naming) {
    for (ServerClass sc : idx.serverClasses()) {
      String path = idx.path(sc);
      List<ServerConnection> conns = idx.connections(sc);
      if (sc.quantity() <= 0) {
        continue;
      }
      Ref type = deviceType(idx.deviceType(sc), path);
      Ref role = role(DeviceCategory.SERVER);
      Set<String> usedNics = new HashSet<>();
      for (ServerConnection c : conns) {
        usedNics.add(c.nic());
      }
      Map<String, NicPlan> nics = new LinkedHashMap<>();
      for (ServerNic nic : idx.nics(sc).values()) {
        if (usedNics.contains(nic.nicId())) {
          ModuleType mt = idx.nicType(nic);
          nics.put(nic.nicId(), new NicPlan(nic, mt, moduleType(mt, path)));
        }
      }
      List<ConnectionPlan> plans = new ArrayList<>();
      for (ServerConnection c : conns) {
        ConnectionPlan p = connectionPlan(sc, c, nics.get(c.nic()));
        if (p != null) {
          plans.add(p);
        }
      }
      String slug = DeviceNames.slug(sc.serverClassId());
      for (int i = 0; i < sc.quantity(); i++) {
        String name;
        try {
          name = naming.serverName(sc, slug, i + 1);
        } catch (NameTemplateException e) {
          error("invalid_naming_template", "naming_templates", e.getMessage(), e.hint().orElse(null));
          return;
        }
        server(sc, i, name, type, role, nics, plans, path);
      }
    }
  }

  private ConnectionPlan connectionPlan(ServerClass sc, ServerConnection c, NicPlan nic) {
    String path = idx.path(c);
    ZoneLayout zone = idx.zone(c.targetZone());
    List<SwitchDevice> targets = devicesOf(c.targetSwitchClass());
    if (targets.isEmpty()) {
      if (reportedOnce.add("empty|" + c.targetSwitchClass() + "|" + path)) {
        error("target_class_empty", path,
            "connection " + sc.serverClassId() + "/" + c.connectionId() + " targets zone " + c.targetZone() + ", but switch class "
                + c.targetSwitchClass() + " has no switches (quantity 0)",
            "set override_quantity on " + c.targetSwitchClass() + " or let sizing compute it (remove an override of 0)");
      }
      return null;
    }
    int rails = 0;
    if (c.is(Distribution.RAIL_OPTIMIZED)) {
      if (c.rail().isEmpty()) {
        error("missing_rail", path + ".distribution",
            "connection " + sc.serverClassId() + "/" + c.connectionId() + " is rail-optimized but has no rail",
            "set rail to the rail number (0, 1, ...) of this connection");
        return null;
      }
      // Decision #6: distinct rail values, not one per connection.
      Set<Integer> distinct = new HashSet<>();
      for (ServerConnection other : idx.connections(sc)) {
        if (other.is(Distribution.RAIL_OPTIMIZED) && other.targetZone().equals(c.targetZone()) && other.rail().isPresent()) {
          distinct.add(other.rail().get());
        }
      }
      rails = distinct.size();
    }
    return new ConnectionPlan(c, zone, targets, nic, sc.quantity(), rails);
  }

  private void server(ServerClass sc, int i, String name, Ref type, Ref role, Map<String, NicPlan> nics, List<ConnectionPlan> plans, String path) {
    claimName(name, "server class " + sc.serverClassId(), path);
    String prefix = "server/" + sc.serverClassId() + "/" + (i + 1);
    ObjectKey key = owned(ObjectKind.DEVICE, prefix);
    Ref device = Ref.to(key);
    deviceCount++;
    if (materialize) {
      FieldMap.Builder f = fields(Fields.NAME, name, Fields.SITE, siteRef, Fields.ROLE, role);
      f.put(Fields.DEVICE_TYPE, type);
      f.put(Fields.STATUS, "planned");
      f.put(CF_PLAN_ID, planId);
      f.put(CF_CLASS, sc.serverClassId());
      objects.add(new DesiredObject(key, f.build(), TAGGED));
      for (NicPlan nic : nics.values()) {
        nic(prefix + "/" + nic.nic.nicId(), name, device, nic);
      }
    }
    for (ConnectionPlan p : plans) {
      int ppc = p.conn.portsPerConnection();
      for (int k = 0; k < ppc; k++) {
        SwitchDevice sw = p.select(i, k);
        int slot = allocator.next(sw, p.zone);
        if (slot < 0) {
          continue;
        }
        Ref switchPort = switchPort(sw, p.zone, slot, p.type);
        String portName = p.nic.ports.get(p.conn.portIndex() + k).name();
        Ref nicPort = Ref.to(owned(ObjectKind.INTERFACE, prefix + "/" + p.nic.nic.nicId() + "/" + portName));
        cable(prefix + "/" + p.conn.connectionId() + "/" + k, nicPort, switchPort, false);
      }
    }
  }

  /** Module bay, NIC module and one interface per module-type template, named {@code <nic_id>-<template>}. */
  private void nic(String path, String deviceName, Ref device, NicPlan nic) {
    String nicId = nic.nic.nicId();
    ObjectKey bayKey = owned(ObjectKind.MODULE_BAY, path);
    objects.add(new DesiredObject(bayKey, fields(Fields.DEVICE, device, Fields.NAME, nicId, Fields.LABEL, "NIC slot " + nicId).build(), UNTAGGED));
    ObjectKey moduleKey = owned(ObjectKind.MODULE, path);
    FieldMap.Builder m = fields(Fields.DEVICE, device, Fields.MODULE_BAY, Ref.to(bayKey), Fields.MODULE_TYPE, nic.typeRef);
    m.put(Fields.STATUS, "active");
    m.put(Fields.SERIAL, deviceName + "-" + nicId);
    m.put(CF_PLAN_ID, planId);
    objects.add(new DesiredObject(moduleKey, m.build(), UNTAGGED));
    Ref module = Ref.to(moduleKey);
    for (InterfaceTemplate t : nic.type.interfaceTemplates()) {
      FieldMap.Builder f = fields(Fields.DEVICE, device, Fields.MODULE, module, Fields.NAME, nicId + "-" + t.name());
      f.put(Fields.TYPE, t.type());
      f.put(Fields.ENABLED, Boolean.TRUE);
      objects.add(new DesiredObject(owned(ObjectKind.INTERFACE, path + "/" + t.name()), f.build(), UNTAGGED));
    }
  }

  // ---- switch-to-switch wiring ----------------------------------------------------------------

  /** Fabric names of managed classes, ascending and distinct (decision #6). */
  private TreeSet<String> managedFabrics() {
    TreeSet<String> fabrics = new TreeSet<>();
    for (SwitchClass sc : idx.switchClasses()) {
      if (sc.fabricClass() == FabricClass.MANAGED && !sc.fabricName().isBlank()) {
        fabrics.add(sc.fabricName());
      }
    }
    return fabrics;
  }

  private List<SwitchDevice> devicesOfFabric(String fabric, boolean leaves) {
    List<SwitchDevice> out = new ArrayList<>();
    for (SwitchClass sc : idx.switchClasses()) {
      if (!sc.fabricName().equals(fabric)) {
        continue;
      }
      boolean match = leaves ? sc.isLeaf() && sc.fabricClass() == FabricClass.MANAGED : sc.isSpine();
      if (match) {
        out.addAll(devicesOf(sc.switchClassId()));
      }
    }
    return byName(out);
  }

  /** §5.5 with decision #2: every leaf's uplinks without a peer zone, spread evenly over the fabric's spines. */
  private void fabricLinks() {
    for (String fabric : managedFabrics()) {
      List<SwitchDevice> leaves = devicesOfFabric(fabric, true);
      List<SwitchDevice> spines = devicesOfFabric(fabric, false);
      if (leaves.isEmpty() || spines.isEmpty()) {
        continue;
      }
      for (SwitchDevice leaf : leaves) {
        if (leaf.cls.uplinkPortsPerSwitch().orElse(-1) == 0) {
          continue;
        }
        List<ZoneLayout> uplinks = idx.zones(leaf.cls.switchClassId(), ZoneType.UPLINK);
        if (uplinks.isEmpty()) {
          if (reportedOnce.add("uplink|" + leaf.cls.switchClassId())) {
            error("missing_uplink_zone", idx.path(leaf.cls),
                "leaf class " + leaf.cls.switchClassId() + " has no uplink zone, but fabric " + fabric + " has spines to wire it to",
                "add a zone of type uplink to " + leaf.cls.switchClassId() + ", or set uplink_ports_per_switch: 0 for a leaf without spine uplinks");
          }
          continue;
        }
        List<ZoneLayout> wired = new ArrayList<>();
        for (ZoneLayout z : uplinks) {
          if (z.zone().peerZone().isEmpty()) {
            wired.add(z);
          }
        }
        spread(leaf, allocator.takeAll(leaf, wired), spines, spine -> {
          List<ZoneLayout> fabricZones = idx.zones(spine.cls.switchClassId(), ZoneType.FABRIC);
          if (fabricZones.isEmpty() && reportedOnce.add("fabric|" + spine.cls.switchClassId())) {
            error("missing_fabric_zone", idx.path(spine.cls),
                "spine class " + spine.cls.switchClassId() + " has no fabric zone for the leaves of fabric " + fabric + " to land on",
                "add a zone of type fabric to " + spine.cls.switchClassId());
          }
          return fabricZones;
        }, "fabric", false);
      }
    }
  }

  /**
   * Gives target s (sorted) base + 1 of the leaf's slots when s < remainder, else base; each target
   * draws its side from {@code zonesOf(target)}.
   */
  private void spread(SwitchDevice from, List<PortAllocator.Slot> slots, List<SwitchDevice> targets,
      Function<SwitchDevice, List<ZoneLayout>> zonesOf, String family, boolean oob) {
    int total = slots.size();
    int base = total / targets.size();
    int rem = total % targets.size();
    int pos = 0;
    for (int s = 0; s < targets.size(); s++) {
      int count = base + (s < rem ? 1 : 0);
      if (count == 0) {
        continue;
      }
      SwitchDevice target = targets.get(s);
      List<ZoneLayout> zones = zonesOf.apply(target);
      List<PortAllocator.Slot> far = zones.isEmpty() ? null : allocator.take(target, zones, count);
      if (far != null) {
        for (int j = 0; j < count; j++) {
          link(family, from, slots.get(pos + j), target, far.get(j), oob);
        }
      }
      pos += count;
    }
  }

  /** §5.6: each port of an unmanaged class's OOB zone with a peer zone goes to the peer class's switches in turn. */
  private void surrogateUplinks() {
    for (SwitchClass sc : idx.switchClasses()) {
      if (sc.fabricClass() != FabricClass.UNMANAGED) {
        continue;
      }
      List<SwitchDevice> surrogates = byName(devicesOf(sc.switchClassId()));
      for (ZoneLayout zone : idx.zones(sc.switchClassId(), ZoneType.OOB)) {
        if (zone.zone().peerZone().isEmpty() || surrogates.isEmpty()) {
          continue;
        }
        ZoneLayout peer = idx.zone(zone.zone().peerZone().get());
        List<SwitchDevice> targets = peerTargets(zone, peer);
        if (targets.isEmpty()) {
          continue;
        }
        for (SwitchDevice surrogate : surrogates) {
          int count = allocator.remaining(surrogate, zone);
          for (int p = 0; p < count; p++) {
            SwitchDevice target = targets.get(p % targets.size());
            int own = allocator.next(surrogate, zone);
            int far = allocator.next(target, peer);
            if (own >= 0 && far >= 0) {
              link("oob", surrogate, new PortAllocator.Slot(zone, own), target, new PortAllocator.Slot(peer, far), true);
            }
          }
        }
      }
    }
  }

  /** §5.7: uplink zones with a peer zone, spread evenly over the peer class's switches. */
  private void peerUplinks() {
    for (String fabric : managedFabrics()) {
      for (SwitchDevice leaf : devicesOfFabric(fabric, true)) {
        for (ZoneLayout zone : idx.zones(leaf.cls.switchClassId(), ZoneType.UPLINK)) {
          if (zone.zone().peerZone().isEmpty()) {
            continue;
          }
          ZoneLayout peer = idx.zone(zone.zone().peerZone().get());
          List<SwitchDevice> targets = peerTargets(zone, peer);
          if (!targets.isEmpty()) {
            spread(leaf, allocator.takeAll(leaf, List.of(zone)), targets, t -> List.of(peer), "peer", false);
          }
        }
      }
    }
  }

  private List<SwitchDevice> peerTargets(ZoneLayout zone, ZoneLayout peer) {
    String peerClass = peer.zone().switchClass();
    List<SwitchDevice> targets = byName(devicesOf(peerClass));
    if (targets.isEmpty() && reportedOnce.add("peer|" + zone.ref())) {
      error("peer_class_empty", zone.path() + ".peer_zone",
          "zone " + zone.ref() + " is wired to peer zone " + peer.ref() + ", but switch class " + peerClass + " has no switches",
          "give " + peerClass + " switches (override_quantity) or remove the peer_zone");
    }
    return targets;
  }

  /** §5.8: every pair of a mesh fabric's switches gets an equal share of each side's mesh ports. */
  private void meshLinks() {
    TreeSet<String> fabrics = new TreeSet<>();
    for (SwitchClass sc : idx.switchClasses()) {
      if (sc.isMesh()) {
        fabrics.add(sc.fabricName());
      }
    }
    for (String fabric : fabrics) {
      List<SwitchClass> classes = new ArrayList<>();
      int size = 0;
      for (SwitchClass sc : idx.switchClasses()) {
        if (sc.isMesh() && sc.fabricName().equals(fabric)) {
          classes.add(sc);
          size += sizing.effective(sc.switchClassId());
        }
      }
      String firstPath = idx.path(classes.get(0));
      if (size != 2 && size != 3) {
        error("mesh_size", firstPath, "a mesh fabric needs 2 or 3 switches, fabric " + fabric + " has " + size,
            "set override_quantity of the mesh classes of fabric " + fabric + " so they add up to 2 or 3");
        continue;
      }
      boolean ok = true;
      long capacity = -1;
      for (SwitchClass sc : classes) {
        List<ZoneLayout> zones = idx.zones(sc.switchClassId(), ZoneType.MESH);
        if (zones.isEmpty()) {
          error("missing_mesh_zone", idx.path(sc), "mesh class " + sc.switchClassId() + " has no mesh zone", "add a zone of type mesh to " + sc.switchClassId());
          ok = false;
          continue;
        }
        int physical = zones.stream().mapToInt(ZoneLayout::physicalCount).sum();
        if (physical < size - 1) {
          error("mesh_ports_too_few", idx.path(sc),
              "mesh class " + sc.switchClassId() + " has " + physical + " mesh port(s), " + (size - 1) + " needed to reach every peer",
              "add ports to the mesh zones of " + sc.switchClassId());
          ok = false;
        }
        long logical = zones.stream().mapToLong(ZoneLayout::capacity).sum();
        if (capacity >= 0 && logical != capacity) {
          error("mesh_capacity_mismatch", idx.path(sc),
              "mesh capacity differs between classes of fabric " + fabric + ": " + sc.switchClassId() + " has " + logical + ", others " + capacity,
              "give every mesh class of the fabric the same number of logical mesh ports");
          ok = false;
        }
        capacity = Math.max(capacity, logical);
      }
      if (!ok) {
        continue;
      }
      if (size == 3 && capacity % 2 != 0) {
        error("mesh_capacity_odd", firstPath,
            "odd mesh capacity " + capacity + " cannot be split over two peers in fabric " + fabric,
            "use an even number of logical mesh ports per switch");
        continue;
      }
      int perPair = (int) (size == 2 ? capacity : capacity / 2);
      List<SwitchDevice> devices = new ArrayList<>();
      for (SwitchClass sc : classes) {
        devices.addAll(devicesOf(sc.switchClassId()));
      }
      devices = byName(devices);
      for (int a = 0; a < devices.size(); a++) {
        for (int b = a + 1; b < devices.size(); b++) {
          SwitchDevice left = devices.get(a);
          SwitchDevice right = devices.get(b);
          List<PortAllocator.Slot> l = allocator.take(left, idx.zones(left.cls.switchClassId(), ZoneType.MESH), perPair);
          List<PortAllocator.Slot> r = allocator.take(right, idx.zones(right.cls.switchClassId(), ZoneType.MESH), perPair);
          if (l != null && r != null) {
            for (int j = 0; j < perPair; j++) {
              link("mesh", left, l.get(j), right, r.get(j), false);
            }
          }
        }
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private ObjectKey owned(ObjectKind kind, String path) {
    return ObjectKey.owned(planId, kind, path);
  }

  private void error(String code, String path, String message, String hint) {
    problems.add(Problem.error(code, plan.locate(path), path, message, hint));
  }

  private static FieldMap.Builder fields(Object... pairs) {
    FieldMap.Builder m = FieldMap.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
