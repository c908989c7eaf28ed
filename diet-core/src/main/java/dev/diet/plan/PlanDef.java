package dev.diet.plan;

import com.google.common.collect.ImmutableMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A whole DIET plan as read from one plan file: reference data plus the plan's classes, zones,
 * NICs, connections and naming templates. References between entities are the file's symbolic ids.
 */
@Value.Immutable
public abstract class PlanDef {
  public abstract PlanMeta meta();

  public abstract PlanInfo info();

  public abstract ReferenceData referenceData();

  public abstract List<SwitchClass> switchClasses();

  public abstract List<PortZone> portZones();

  public abstract List<ServerClass> serverClasses();

  public abstract List<ServerNic> serverNics();

  public abstract List<ServerConnection> serverConnections();

  public abstract List<MclagDomain> mclagDomains();

  /** Our extension of the format: plan-specific naming templates, one per device category. */
  public abstract List<NamingTemplate> namingTemplates();

  public abstract Optional<ExpectedCounts> expected();

  /**
   * Where each value stood in the file, by object path such as {@code switch_port_zones[3].port_spec}
   * or {@code switch_port_zones[3]} for a whole entry. Not part of the plan's value.
   */
  @Value.Auxiliary
  public abstract Map<String, SourceLocation> locations();

  /**
   * Warnings the reader found (unknown or ignored keys), in file order; preflight reports them with
   * its own problems. Not part of the plan's value.
   */
  @Value.Auxiliary
  public abstract List<Problem> readWarnings();

  /** Name of the file the plan was read from, or {@code <plan>}. */
  @Value.Default
  @Value.Auxiliary
  public String sourceName() {
    return "<plan>";
  }

  /** The plan id written onto every owned NetBox object: {@code meta.case_id}. */
  public String id() {
    return meta().caseId();
  }

  /** Location of {@code path}, or of its nearest enclosing object, or {@link SourceLocation#UNKNOWN}. */
  public SourceLocation locate(String path) {
    String p = path;
    while (true) {
      SourceLocation loc = locations().get(p);
      if (loc != null) {
        return loc;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return new SourceLocation(sourceName(), 1, 1);
      }
      p = p.substring(0, cut);
    }
  }

  // ---- lookups by symbolic id -------------------------------------------------------------

  @Value.Lazy
  public Map<String, SwitchClass> switchClassesById() {
    return index(switchClasses(), SwitchClass::switchClassId);
  }

  @Value.Lazy
  public Map<String, PortZone> zonesByRef() {
    return index(portZones(), PortZone::ref);
  }

  @Value.Lazy
  public Map<String, ServerClass> serverClassesById() {
    return index(serverClasses(), ServerClass::serverClassId);
  }

  @Value.Lazy
  public Map<String, DeviceType> deviceTypesById() {
    return index(referenceData().deviceTypes(), DeviceType::id);
  }

  @Value.Lazy
  public Map<String, DeviceTypeExtension> extensionsById() {
    return index(referenceData().deviceTypeExtensions(), DeviceTypeExtension::id);
  }

  @Value.Lazy
  public Map<String, ModuleType> moduleTypesById() {
    return index(referenceData().moduleTypes(), ModuleType::id);
  }

  @Value.Lazy
  public Map<String, Manufacturer> manufacturersById() {
    return index(referenceData().manufacturers(), Manufacturer::id);
  }

  /** Breakout options by case-local id (the plan's own rows only). */
  @Value.Lazy
  public Map<String, BreakoutOption> breakoutsById() {
    return index(referenceData().breakoutOptions(), BreakoutOption::id);
  }

  /**
   * The global breakout catalogue sizing searches: the built-in rows, with the plan's rows added
   * or replacing built-in rows of the same breakout id, in catalogue order.
   */
  @Value.Lazy
  public List<BreakoutOption> breakoutCatalogue() {
    Map<String, BreakoutOption> byId = new java.util.LinkedHashMap<>();
    for (BreakoutOption b : Catalogue.BREAKOUTS) {
      byId.put(b.breakoutId(), b);
    }
    for (BreakoutOption b : referenceData().breakoutOptions()) {
      byId.put(b.breakoutId(), b);
    }
    return byId.values().stream()
        .sorted(BreakoutOption.CATALOGUE_ORDER)
        .collect(com.google.common.collect.ImmutableList.toImmutableList());
  }

  /** Zones of a switch class in priority, then zone-name order. */
  public List<PortZone> zonesOf(String switchClassId) {
    return portZones().stream()
        .filter(z -> z.switchClass().equals(switchClassId))
        .sorted(Comparator.comparingInt(PortZone::priority).thenComparing(PortZone::zoneName))
        .collect(Collectors.toList());
  }

  /** Zones of one type of a switch class in priority, then zone-name order. */
  public List<PortZone> zonesOf(String switchClassId, ZoneType type) {
    return zonesOf(switchClassId).stream().filter(z -> z.zoneType() == type).collect(Collectors.toList());
  }

  /** Connections of a server class in connection-id order. */
  public List<ServerConnection> connectionsOf(String serverClassId) {
    return serverConnections().stream()
        .filter(c -> c.serverClass().equals(serverClassId))
        .sorted(Comparator.comparing(ServerConnection::connectionId))
        .collect(Collectors.toList());
  }

  /** NICs of a server class in nic-id order. */
  public List<ServerNic> nicsOf(String serverClassId) {
    return serverNics().stream()
        .filter(n -> n.serverClass().equals(serverClassId))
        .sorted(Comparator.comparing(ServerNic::nicId))
        .collect(Collectors.toList());
  }

  /** The plan's naming template for a category, if it declares one. */
  public Optional<NamingTemplate> namingTemplate(DeviceCategory category) {
    return namingTemplates().stream().filter(t -> t.deviceCategory() == category).findFirst();
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
    Map<String, T> map = new java.util.LinkedHashMap<>();
    for (T item : items) {
      map.putIfAbsent(id.apply(item), item);
    }
    return ImmutableMap.copyOf(map);
  }
}
