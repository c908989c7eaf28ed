package dev.diet.generate;

import dev.diet.plan.BreakoutOption;
import dev.diet.plan.DeviceType;
import dev.diet.plan.DeviceTypeExtension;
import dev.diet.plan.Distribution;
import dev.diet.plan.FabricClass;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.InterfaceTemplate;
import dev.diet.plan.Manufacturer;
import dev.diet.plan.ModuleType;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanInfo;
import dev.diet.plan.PlanMeta;
import dev.diet.plan.PortType;
import dev.diet.plan.PortZone;
import dev.diet.plan.RedundancyType;
import dev.diet.plan.ReferenceData;
import dev.diet.plan.ServerClass;
import dev.diet.plan.ServerConnection;
import dev.diet.plan.ServerNic;
import dev.diet.plan.SwitchClass;
import dev.diet.plan.TopologyMode;
import dev.diet.plan.ZoneType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Plans built in code for generator tests: the four worked examples and small variations. */
final class TestPlans {
  private TestPlans() {}

  /** Fluent assembly of a plan; reference data uses manufacturer {@code acme} unless told otherwise. */
  static final class Builder {
    private final String caseId;
    private final ReferenceData.Builder ref = ReferenceData.builder();
    private final List<SwitchClass> switchClasses = new ArrayList<>();
    private final List<PortZone> zones = new ArrayList<>();
    private final List<ServerClass> servers = new ArrayList<>();
    private final List<ServerNic> nics = new ArrayList<>();
    private final List<ServerConnection> connections = new ArrayList<>();

    Builder(String caseId) {
      this.caseId = caseId;
      ref.addManufacturers(Manufacturer.builder().id("acme").name("Acme").slug("acme").build());
    }

    /** A device type of manufacturer acme with templates {@code E1/from..E1/to} of one type (none when to < from). */
    Builder switchType(String id, String model, int from, int to, String type) {
      DeviceType.Builder dt = DeviceType.builder().id(id).manufacturer("acme").model(model);
      for (int p = from; p <= to; p++) {
        dt.addInterfaceTemplates(InterfaceTemplate.of("E1/" + p, type));
      }
      ref.addDeviceTypes(dt.build());
      return this;
    }

    Builder serverType(String id) {
      ref.addDeviceTypes(DeviceType.builder().id(id).manufacturer("acme").model("Server " + id).build());
      return this;
    }

    Builder extension(String id, String deviceType, int nativeSpeed, String... supported) {
      ref.addDeviceTypeExtensions(
          DeviceTypeExtension.builder().id(id).deviceType(deviceType).nativeSpeed(nativeSpeed).addSupportedBreakouts(supported).build());
      return this;
    }

    Builder breakout(String id, String breakoutId, int from, int lanes, int speed) {
      ref.addBreakoutOptions(BreakoutOption.builder().id(id).breakoutId(breakoutId).fromSpeed(from).logicalPorts(lanes).logicalSpeed(speed).build());
      return this;
    }

    Builder nicType(String id, String... ports) {
      ModuleType.Builder mt = ModuleType.builder().id(id).manufacturer("acme").model("NIC " + id);
      for (String p : ports) {
        mt.addInterfaceTemplates(InterfaceTemplate.of(p, "other"));
      }
      ref.addModuleTypes(mt.build());
      return this;
    }

    Builder switchClass(SwitchClass.Builder sc) {
      switchClasses.add(sc.build());
      return this;
    }

    Builder zone(PortZone.Builder z) {
      zones.add(z.build());
      return this;
    }

    Builder servers(String id, String deviceType, int quantity) {
      servers.add(ServerClass.builder().serverClassId(id).serverDeviceType(deviceType).quantity(quantity).build());
      return this;
    }

    Builder nic(String serverClass, String nicId, String moduleType) {
      nics.add(ServerNic.builder().serverClass(serverClass).nicId(nicId).moduleType(moduleType).build());
      return this;
    }

    Builder connection(ServerConnection.Builder c) {
      connections.add(c.build());
      return this;
    }

    Plan build() {
      return Plan.builder()
          .meta(PlanMeta.builder().caseId(caseId).name(caseId).build())
          .info(PlanInfo.builder().name(caseId).build())
          .referenceData(ref.build())
          .switchClasses(switchClasses)
          .portZones(zones)
          .serverClasses(servers)
          .serverNics(nics)
          .serverConnections(connections)
          .build();
    }
  }

  static Builder plan(String caseId) {
    return new Builder(caseId);
  }

  static SwitchClass.Builder switchClass(String id, String fabric, HedgehogRole role, String extension) {
    return SwitchClass.builder().switchClassId(id).fabricName(fabric).fabricClass(FabricClass.MANAGED).hedgehogRole(role).deviceTypeExtension(extension);
  }

  static PortZone.Builder zone(String switchClass, String name, ZoneType type, String spec, String breakout) {
    PortZone.Builder z = PortZone.builder().switchClass(switchClass).zoneName(name).zoneType(type).portSpec(spec);
    return breakout == null ? z : z.breakoutOption(breakout);
  }

  static ServerConnection.Builder connection(String serverClass, String id, String nic, int ppc, Distribution d, String target, int speed) {
    ServerConnection.Builder c = ServerConnection.builder()
        .serverClass(serverClass)
        .connectionId(id)
        .nic(nic)
        .portsPerConnection(ppc)
        .targetZone(target)
        .speed(speed)
        .portType(PortType.DATA);
    return d == null ? c : c.distribution(d);
  }

  // ---- edits: each replaces (or, when the function returns null, removes) one entry in place ------

  static Plan editSwitchClass(Plan p, String id, UnaryOperator<SwitchClass> f) {
    return p.withSwitchClasses(edit(p.switchClasses(), s -> s.switchClassId().equals(id), f));
  }

  static Plan editZone(Plan p, String ref, UnaryOperator<PortZone> f) {
    return p.withPortZones(edit(p.portZones(), z -> z.ref().equals(ref), f));
  }

  static Plan editServerClass(Plan p, String id, UnaryOperator<ServerClass> f) {
    return p.withServerClasses(edit(p.serverClasses(), s -> s.serverClassId().equals(id), f));
  }

  static Plan editConnection(Plan p, String serverClass, String id, UnaryOperator<ServerConnection> f) {
    return p.withServerConnections(edit(p.serverConnections(), c -> c.serverClass().equals(serverClass) && c.connectionId().equals(id), f));
  }

  private static <T> List<T> edit(List<T> items, Predicate<T> which, UnaryOperator<T> f) {
    List<T> out = new ArrayList<>();
    boolean found = false;
    for (T item : items) {
      if (which.test(item)) {
        found = true;
        T replaced = f.apply(item);
        if (replaced != null) {
          out.add(replaced);
        }
      } else {
        out.add(item);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no such entry to edit");
    }
    return out;
  }

  // ---- the worked examples of the generation rules (§11) --------------------------------------

  /** Example 1: an MCLAG leaf pair, alternating 4x200G server ports, one spine. */
  static Plan example1() {
    return plan("example_1")
        .switchType("sw", "Test Switch 64x800G", 1, 4, "800gbase-x-qsfpdd")
        .serverType("srv")
        .extension("ext", "sw", 800, "1x800g", "4x200g")
        .nicType("bf3", "p0", "p1")
        .switchClass(switchClass("fe-leaf", "frontend", HedgehogRole.SERVER_LEAF, "ext")
            .redundancyType(RedundancyType.MCLAG).uplinkPortsPerSwitch(8))
        .switchClass(switchClass("fe-spine", "frontend", HedgehogRole.SPINE, "ext").uplinkPortsPerSwitch(0))
        .zone(zone("fe-leaf", "server-downlinks", ZoneType.SERVER, "1-16", "4x200g"))
        .zone(zone("fe-leaf", "uplinks", ZoneType.UPLINK, "17-24", "1x800g"))
        .zone(zone("fe-spine", "leaf-downlinks", ZoneType.FABRIC, "1-24", "1x800g"))
        .servers("gpu-small", "srv", 4)
        .nic("gpu-small", "fe", "bf3")
        .connection(connection("gpu-small", "fe", "fe", 2, Distribution.ALTERNATING, "fe-leaf/server-downlinks", 200))
        .build();
  }

  /** Example 2: one single-port NIC per rail, rail-optimized connections on a 1x400G zone. */
  static Plan example2(String ports, int servers, int rails) {
    Builder b = plan("example_2")
        .switchType("sw", "Rail Switch", 1, 0, "other")
        .serverType("srv")
        .extension("ext", "sw", 400)
        .nicType("cx7", "port0")
        .switchClass(switchClass("be-rail-leaf", "backend", HedgehogRole.SERVER_LEAF, "ext").uplinkPortsPerSwitch(0))
        .zone(zone("be-rail-leaf", "be-server-ports", ZoneType.SERVER, ports, "1x400g"))
        .servers("gpu", "srv", servers);
    for (int r = 0; r < rails; r++) {
      b.nic("gpu", "nic-rail-" + r, "cx7");
      b.connection(connection("gpu", "BE-RAIL-" + r, "nic-rail-" + r, 1, Distribution.RAIL_OPTIMIZED, "be-rail-leaf/be-server-ports", 400).rail(r));
    }
    return b.build();
  }

  /** Example 3: OOB surrogate uplinks, same-switch IPMI and border uplinks through a peer zone. */
  static Plan example3() {
    return plan("example_3")
        .switchType("x100hw", "Switch 100G", 1, 0, "other")
        .switchType("x1ghw", "Switch 1G", 1, 0, "other")
        .serverType("srv")
        .extension("x100", "x100hw", 100, "1x100g", "4x25g")
        .extension("x1g", "x1ghw", 1, "1x1g", "1x25g")
        .breakout("b25", "1x25g", 25, 1, 25)
        .nicType("dual", "p0", "p1")
        .nicType("bmcport", "bmc0")
        .switchClass(switchClass("fe-leaf", "frontend", HedgehogRole.SERVER_LEAF, "x100").uplinkPortsPerSwitch(0))
        .switchClass(switchClass("fe-spine", "frontend", HedgehogRole.SPINE, "x100").overrideQuantity(2))
        .switchClass(switchClass("oob-leaf", "oob-mgmt", HedgehogRole.SERVER_LEAF, "x1g").fabricClass(FabricClass.UNMANAGED))
        .zone(zone("fe-leaf", "srv", ZoneType.SERVER, "1-4", "1x100g").priority(10))
        .zone(zone("fe-leaf", "shared25", ZoneType.SERVER, "5", "4x25g").priority(20))
        .zone(zone("fe-leaf", "uplinks", ZoneType.UPLINK, "9-12", "1x100g").priority(30).peerZone("fe-spine/leaf-100g"))
        .zone(zone("fe-spine", "leaf-100g", ZoneType.FABRIC, "1-8", "1x100g"))
        .zone(zone("oob-leaf", "oob-down", ZoneType.OOB, "1-8", "1x1g").priority(10))
        .zone(zone("oob-leaf", "oob-up", ZoneType.OOB, "49-50", "b25").priority(20).peerZone("fe-leaf/shared25"))
        .servers("node", "srv", 3)
        .nic("node", "fe", "dual")
        .nic("node", "bmc", "bmcport")
        .connection(connection("node", "bmc", "bmc", 1, Distribution.SAME_SWITCH, "oob-leaf/oob-down", 1).portType(PortType.IPMI))
        .connection(connection("node", "fe", "fe", 2, Distribution.ALTERNATING, "fe-leaf/srv", 100))
        .build();
  }

  /** Example 4: a two-switch frontend mesh (the bundled converged-mesh case). */
  static Plan example4() {
    return plan("example_4")
        .switchType("ds5000", "celestica-ds5000", 1, 64, "800gbase-x-osfp")
        .serverType("srv")
        .extension("ds5000_ext", "ds5000", 800, "1x800g", "2x400g", "4x200g", "8x100g")
        .nicType("bf3", "p0", "p1")
        .switchClass(switchClass("fe-leaf", "frontend", HedgehogRole.SERVER_LEAF, "ds5000_ext")
            .topologyMode(TopologyMode.MESH).overrideQuantity(2).redundancyType(RedundancyType.MCLAG))
        .zone(zone("fe-leaf", "fe-server-ports", ZoneType.SERVER, "1-63:2", "4x200g").priority(10))
        .zone(zone("fe-leaf", "fe-mesh-links", ZoneType.MESH, "2-6:2", "1x800g").priority(20))
        .servers("compute", "srv", 8)
        .nic("compute", "fe", "bf3")
        .connection(connection("compute", "fe", "fe", 2, Distribution.ALTERNATING, "fe-leaf/fe-server-ports", 200))
        .build();
  }
}
