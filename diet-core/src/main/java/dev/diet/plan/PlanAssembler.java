package dev.diet.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link Plan} from the parsed tree of a version-1 plan file: reads every section with
 * its types, applies the format's defaults and save-time normalisation, and checks
 * {@code expected.counts}. Reference and model rules are left to preflight.
 */
final class PlanAssembler {
  /** The one {@code apiVersion} the original knows besides v1 (decision Q3: not read yet). */
  static final String V2_API_VERSION = "diet/v2";

  private final ReadContext ctx;

  private PlanAssembler(ReadContext ctx) {
    this.ctx = ctx;
  }

  /** The plan, or empty when the tree is not a plan at all (the problems say why). */
  static Optional<Plan> assemble(SourceNode root, ReadContext ctx) {
    return new PlanAssembler(ctx).plan(root);
  }

  private Optional<Plan> plan(SourceNode root) {
    if (!root.isMapping()) {
      ctx.error(
          "invalid_type",
          root.location(),
          "",
          "a plan file must be a mapping of sections (meta, plan, switch_classes, ...), found " + root.describe(),
          "start the file with meta: and plan: sections");
      return Optional.empty();
    }
    Section top = new Section(ctx, "", root);
    if (top.mentions("apiVersion")) {
      String version = top.text("apiVersion").orElse("");
      ctx.error(
          "unsupported_version",
          top.locationOf("apiVersion"),
          "apiVersion",
          V2_API_VERSION.equals(version.strip())
              ? "this file uses DIET format " + V2_API_VERSION + "; this DIET reads format v1 only"
              : "unknown format apiVersion '" + Section.abbreviate(version) + "'; this DIET reads format v1 only",
          "write the plan in format v1: meta, reference_data, plan, switch_classes, ... at the top level, without apiVersion");
      return Optional.empty();
    }

    PlanMeta meta = meta(top);
    ReferenceData referenceData = top.section("reference_data").map(this::referenceData).orElse(ReferenceData.builder().build());
    PlanInfo info = info(top);
    requireKey(top, "switch_classes");
    requireKey(top, "server_classes");
    requireKey(top, "server_connections");

    Plan.Builder plan =
        Plan.builder()
            .meta(meta)
            .info(info)
            .referenceData(referenceData)
            .sourceName(ctx.sourceName());
    for (Section s : top.sections("switch_classes")) {
      plan.addSwitchClasses(switchClass(s));
    }
    for (Section s : top.sections("switch_port_zones")) {
      plan.addPortZones(zone(s));
    }
    for (Section s : top.sections("server_classes")) {
      plan.addServerClasses(serverClass(s));
    }
    for (Section s : top.sections("server_nics")) {
      plan.addServerNics(nic(s));
    }
    for (Section s : top.sections("server_connections")) {
      plan.addServerConnections(connection(s));
    }
    for (Section s : top.sections("naming_templates")) {
      plan.addNamingTemplates(namingTemplate(s));
    }
    for (Section s : top.sections("mclag_domains")) {
      plan.addMclagDomains(mclagDomain(s));
    }
    Optional<Section> expected = top.section("expected");
    expected.flatMap(this::expectedCounts).ifPresent(plan::expected);
    top.ignore("contract");
    top.finish();

    Plan built = plan.putAllLocations(ctx.locations()).addAllReadWarnings(ctx.warnings()).build();
    built.expected().ifPresent(counts -> checkExpected(built, counts));
    return Optional.of(built);
  }

  private void requireKey(Section top, String key) {
    if (!top.mentions(key)) {
      top.missing(key, "missing_required");
    }
  }

  // ---- meta, plan ----------------------------------------------------------------------------

  private PlanMeta meta(Section top) {
    Optional<Section> found = top.section("meta");
    if (found.isEmpty()) {
      if (!top.has("meta")) {
        top.missing("meta", "missing_required");
      }
      return PlanMeta.builder().caseId("").name("").build();
    }
    Section s = found.get();
    PlanMeta.Builder meta =
        PlanMeta.builder()
            .caseId(s.requiredText("case_id"))
            .name(s.requiredText("name"))
            .version(s.requiredInt("version"))
            .managedBy(s.requiredText("managed_by"))
            .description(s.text("description", ""))
            .addAllTags(s.texts("tags"));
    s.finish();
    return meta.build();
  }

  private PlanInfo info(Section top) {
    Optional<Section> found = top.section("plan");
    if (found.isEmpty()) {
      if (!top.has("plan")) {
        top.missing("plan", "missing_required");
      }
      return PlanInfo.builder().name("").build();
    }
    Section s = found.get();
    PlanInfo.Builder info =
        PlanInfo.builder()
            .name(s.requiredText("name"))
            .description(s.text("description", ""))
            .customerName(s.text("customer_name", ""))
            .notes(s.text("notes", ""));
    s.requiredEnum("status", PlanStatus.class).ifPresent(info::status);
    s.ignore("mesh_ip_pool");
    s.finish();
    return info.build();
  }

  // ---- reference data ------------------------------------------------------------------------

  private ReferenceData referenceData(Section s) {
    ReferenceData.Builder data = ReferenceData.builder();
    Map<String, String> manufacturerNames = new HashMap<>();
    for (Section m : s.sections("manufacturers")) {
      Manufacturer.Builder b = Manufacturer.builder().id(m.requiredText("id")).name(m.requiredText("name"));
      m.text("slug").ifPresent(b::slug);
      m.finish();
      Manufacturer built = b.build();
      manufacturerNames.putIfAbsent(built.id(), built.name());
      data.addManufacturers(built);
    }
    for (Section d : s.sections("device_types")) {
      DeviceType.Builder b =
          DeviceType.builder()
              .id(d.requiredText("id"))
              .manufacturer(d.requiredText("manufacturer"))
              .model(d.requiredText("model"))
              .addAllInterfaceTemplates(interfaceTemplates(d));
      d.text("slug").ifPresent(b::slug);
      d.integer("u_height").ifPresent(b::uHeight);
      d.bool("is_full_depth").ifPresent(b::isFullDepth);
      d.finish();
      data.addDeviceTypes(b.build());
    }
    for (Section e : s.sections("device_type_extensions")) {
      DeviceTypeExtension.Builder b =
          DeviceTypeExtension.builder()
              .id(e.requiredText("id"))
              .deviceType(e.requiredText("device_type"))
              .mclagCapable(e.bool("mclag_capable", false))
              .addAllHedgehogRoles(e.enumValues("hedgehog_roles", HedgehogRole.class))
              .addAllSupportedBreakouts(e.texts("supported_breakouts"))
              .nativeSpeed(e.integer("native_speed"))
              .uplinkPorts(e.integer("uplink_ports"))
              .hedgehogProfileName(e.text("hedgehog_profile_name"))
              .notes(e.text("notes", ""));
      e.finish();
      data.addDeviceTypeExtensions(b.build());
    }
    for (Section o : s.sections("breakout_options")) {
      BreakoutOption.Builder b =
          BreakoutOption.builder()
              .id(o.requiredText("id"))
              .breakoutId(o.requiredText("breakout_id"))
              .fromSpeed(o.integer("from_speed", 0))
              .logicalPorts(o.integer("logical_ports", 1))
              .logicalSpeed(o.integer("logical_speed", 0));
      o.ignore("optic_type");
      o.finish();
      data.addBreakoutOptions(b.build());
    }
    for (Section m : s.sections("module_types")) {
      String manufacturer = m.requiredText("manufacturer");
      String model = m.requiredText("model");
      ModuleType.Builder b =
          ModuleType.builder()
              .id(m.requiredText("id"))
              .manufacturer(manufacturer)
              .model(model)
              .putAllAttributeData(m.plainMap("attribute_data"))
              .addAllInterfaceTemplates(interfaceTemplates(m))
              .profile(Optional.ofNullable(manufacturerNames.get(manufacturer)).flatMap(name -> Catalogue.seededProfile(name, model)));
      m.finish();
      data.addModuleTypes(b.build());
    }
    s.finish();
    return data.build();
  }

  private List<InterfaceTemplate> interfaceTemplates(Section owner) {
    List<InterfaceTemplate> out = new ArrayList<>();
    for (Section t : owner.sections("interface_templates")) {
      InterfaceTemplate.Builder b = InterfaceTemplate.builder().name(t.requiredText("name"));
      t.text("type").filter(type -> !type.isBlank()).ifPresent(b::type);
      t.finish();
      out.add(b.build());
    }
    return out;
  }

  // ---- switch side ---------------------------------------------------------------------------

  private SwitchClass switchClass(Section s) {
    String id = aliased(s, "switch_class_id", "id");
    String fabricName = aliased(s, "fabric_name", "fabric");
    SwitchClass.Builder b =
        SwitchClass.builder()
            .switchClassId(id)
            .fabricName(fabricName)
            .deviceTypeExtension(s.requiredText("device_type_extension"))
            .hedgehogRole(s.enumValue("hedgehog_role", HedgehogRole.class))
            .uplinkPortsPerSwitch(s.integer("uplink_ports_per_switch"))
            .overrideQuantity(s.integer("override_quantity"))
            .notes(s.text("notes", ""));
    s.enumValue("fabric_class", FabricClass.class).ifPresent(b::fabricClass);
    boolean mclagPair = s.bool("mclag_pair", false);
    b.mclagPair(mclagPair);
    Optional<String> mode = s.text("topology_mode").map(String::strip).filter(t -> !t.isEmpty());
    if (mode.isPresent() && mode.get().equals("prefer-mesh")) {
      ctx.error("invalid_value", s.locationOf("topology_mode"), s.pathOf("topology_mode"), "topology_mode prefer-mesh is no longer supported", "use mesh (with override_quantity 2 or 3) or spine-leaf");
    } else if (mode.isPresent()) {
      b.topologyMode(s.parseEnum(mode.get(), TopologyMode.class, s.pathOf("topology_mode"), s.locationOf("topology_mode")));
    }
    Optional<RedundancyType> redundancy = s.enumValue("redundancy_type", RedundancyType.class);
    String group = s.text("redundancy_group", "").strip();
    // The original's save-time normalisation of the deprecated mclag_pair flag.
    if (mclagPair && redundancy.isEmpty()) {
      redundancy = Optional.of(RedundancyType.MCLAG);
      if (group.isEmpty()) {
        group = defaultMclagGroup(id);
      }
    }
    b.redundancyType(redundancy).redundancyGroup(group);
    if (!group.isEmpty()) {
      b.addGroups(group);
    }
    s.ignore("groups");
    s.finish();
    return b.build();
  }

  /** {@code mclag-<id>} with the id reduced to a DNS-label-like slug of at most 57 characters. */
  static String defaultMclagGroup(String switchClassId) {
    String slug = switchClassId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
    if (slug.length() > 57) {
      slug = slug.substring(0, 57).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "switch-new" : "mclag-" + slug;
  }

  private PortZone zone(Section s) {
    PortZone.Builder b =
        PortZone.builder()
            .switchClass(s.requiredText("switch_class"))
            .zoneName(s.requiredText("zone_name"))
            .zoneType(s.requiredEnum("zone_type", ZoneType.class).orElse(ZoneType.SERVER))
            .portSpec(s.requiredText("port_spec"))
            .breakoutOption(nonBlank(s.text("breakout_option")))
            .addAllPortOrder(s.ints("port_order"))
            .transceiverModuleType(nonBlank(s.text("transceiver_module_type")))
            .peerZone(nonBlank(s.text("peer_zone")));
    s.enumValue("allocation_strategy", AllocationStrategy.class).ifPresent(b::allocationStrategy);
    s.integer("priority").ifPresent(b::priority);
    s.ignoreWithWarning(
        "allocation_order",
        "allocation_order is ignored, as in the original DIET",
        "write the custom order as port_order: [ports...] (our extension)");
    s.finish();
    return b.build();
  }

  // ---- server side ---------------------------------------------------------------------------

  private ServerClass serverClass(Section s) {
    ServerClass.Builder b =
        ServerClass.builder()
            .serverClassId(aliased(s, "server_class_id", "id"))
            .serverDeviceType(s.requiredText("server_device_type"))
            .quantity(s.integer("quantity", 0))
            .gpusPerServer(s.integer("gpus_per_server", 0))
            .category(s.text("category", "").strip())
            .description(s.text("description", ""))
            .notes(s.text("notes", ""));
    s.finish();
    return b.build();
  }

  private ServerNic nic(Section s) {
    ServerNic.Builder b =
        ServerNic.builder()
            .serverClass(s.requiredText("server_class"))
            .nicId(s.requiredText("nic_id"))
            .moduleType(s.requiredText("module_type"))
            .description(s.text("description", ""));
    s.finish();
    return b.build();
  }

  private ServerConnection connection(Section s) {
    s.rejectDeprecated("target_switch_class", "target_zone: <switch_class_id>/<zone_name>");
    s.rejectDeprecated("nic_module_type", "a server_nics entry for this server class, referenced here by nic: <nic_id>");
    ServerConnection.Builder b =
        ServerConnection.builder()
            .serverClass(s.requiredText("server_class"))
            .connectionId(s.requiredText("connection_id"))
            .connectionName(s.text("connection_name", ""))
            .nic(s.requiredText("nic"))
            .portIndex(s.integer("port_index", 0))
            .portsPerConnection(s.requiredInt("ports_per_connection"))
            .distribution(s.enumValue("distribution", Distribution.class))
            .targetZone(s.requiredText("target_zone", "missing_field"))
            .speed(s.requiredInt("speed"))
            .rail(s.integer("rail"))
            .portType(s.enumValue("port_type", PortType.class))
            .transceiverModuleType(nonBlank(s.text("transceiver_module_type")));
    s.enumValue("hedgehog_conn_type", ConnectionType.class).ifPresent(b::hedgehogConnType);
    // Older documents describe the optic inline; the original ignores these keys, so do we.
    s.ignore("cage_type", "medium", "connector", "standard");
    s.finish();
    return b.build();
  }

  // ---- extensions ----------------------------------------------------------------------------

  private NamingTemplate namingTemplate(Section s) {
    NamingTemplate.Builder b =
        NamingTemplate.builder()
            .deviceCategory(s.requiredEnum("device_category", DeviceCategory.class).orElse(DeviceCategory.SERVER))
            .pattern(s.requiredText("pattern"))
            .description(s.text("description", ""));
    s.finish();
    return b.build();
  }

  private MclagDomain mclagDomain(Section s) {
    MclagDomain.Builder b =
        MclagDomain.builder()
            .domainId(s.requiredText("domain_id"))
            .switchClass(s.requiredText("switch_class"))
            .peerLinkCount(s.requiredInt("peer_link_count"))
            .sessionLinkCount(s.requiredInt("session_link_count"))
            .peerStartPort(s.integer("peer_start_port", 0))
            .sessionStartPort(s.integer("session_start_port", 0))
            .switchGroupName(s.requiredText("switch_group_name"));
    s.enumValue("redundancy_type", RedundancyType.class).ifPresent(b::redundancyType);
    s.finish();
    return b.build();
  }

  // ---- expected ------------------------------------------------------------------------------

  private Optional<ExpectedCounts> expectedCounts(Section expected) {
    Optional<Section> counts = expected.section("counts");
    expected.finish();
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    Section c = counts.get();
    ExpectedCounts built =
        ExpectedCounts.builder()
            .serverClasses(c.integer("server_classes"))
            .switchClasses(c.integer("switch_classes"))
            .connections(c.integer("connections"))
            .build();
    c.finish();
    return Optional.of(built);
  }

  private void checkExpected(Plan plan, ExpectedCounts counts) {
    assertCount(plan, "server_classes", counts.serverClasses(), plan.serverClasses().size());
    assertCount(plan, "switch_classes", counts.switchClasses(), plan.switchClasses().size());
    assertCount(plan, "connections", counts.connections(), plan.serverConnections().size());
  }

  private void assertCount(Plan plan, String key, Optional<Integer> expected, int found) {
    if (expected.isPresent() && expected.get() != found) {
      String path = "expected.counts." + key;
      ctx.error(
          "assertion_failed",
          plan.locate(path),
          path,
          expected.get() + " " + key + " expected, " + found + " found",
          "update expected.counts." + key + " or the plan's " + (key.equals("connections") ? "server_connections" : key));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A required id written under its name or a legacy alias; both given must agree. */
  private String aliased(Section s, String key, String alias) {
    boolean hasKey = s.has(key);
    boolean hasAlias = s.has(alias);
    if (hasKey && hasAlias) {
      String a = s.peekText(key).orElse("");
      String b = s.peekText(alias).orElse("");
      s.ignore(alias);
      if (!a.equals(b)) {
        ctx.error("invalid_value", s.locationOf(alias), s.pathOf(alias), alias + " '" + b + "' disagrees with " + key + " '" + a + "'", "remove " + alias + "; " + key + " is the current name");
      }
      return s.requiredText(key);
    }
    if (hasAlias) {
      s.ignore(key);
      return s.requiredText(alias);
    }
    s.ignore(alias);
    return s.requiredText(key);
  }

  private static Optional<String> nonBlank(Optional<String> text) {
    return text.map(String::strip).filter(t -> !t.isEmpty());
  }
}
