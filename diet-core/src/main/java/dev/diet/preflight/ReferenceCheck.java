package dev.diet.preflight;

import dev.diet.plan.BreakoutOption;
import dev.diet.plan.DeviceType;
import dev.diet.plan.DeviceTypeExtension;
import dev.diet.plan.MclagDomain;
import dev.diet.plan.ModuleType;
import dev.diet.plan.Plan;
import dev.diet.plan.PortZone;
import dev.diet.plan.ServerClass;
import dev.diet.plan.ServerConnection;
import dev.diet.plan.ServerNic;
import dev.diet.plan.SwitchClass;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every symbolic reference resolves: manufacturers, device types, extensions, breakouts, module
 * types, switch and server classes, zones ({@code class/zone}) and NICs of the same server class.
 * Unlike the original, an unknown {@code breakout_option} is an error, not silently "none".
 */
final class ReferenceCheck implements PlanCheck {

  @Override
  public void check(Plan plan, Problems problems) {
    Set<String> manufacturers = plan.manufacturersById().keySet();
    Set<String> deviceTypes = plan.deviceTypesById().keySet();
    Set<String> moduleTypes = plan.moduleTypesById().keySet();
    Set<String> catalogueBreakouts = plan.breakoutCatalogue().stream().map(BreakoutOption::breakoutId).collect(Collectors.toSet());

    List<DeviceType> types = plan.referenceData().deviceTypes();
    for (int i = 0; i < types.size(); i++) {
      ref(problems, "reference_data.device_types[" + i + "].manufacturer", "manufacturer", types.get(i).manufacturer(), manufacturers, "reference_data.manufacturers");
    }
    List<ModuleType> modules = plan.referenceData().moduleTypes();
    for (int i = 0; i < modules.size(); i++) {
      ref(problems, "reference_data.module_types[" + i + "].manufacturer", "manufacturer", modules.get(i).manufacturer(), manufacturers, "reference_data.manufacturers");
    }
    List<DeviceTypeExtension> extensions = plan.referenceData().deviceTypeExtensions();
    for (int i = 0; i < extensions.size(); i++) {
      String path = "reference_data.device_type_extensions[" + i + "]";
      ref(problems, path + ".device_type", "device type", extensions.get(i).deviceType(), deviceTypes, "reference_data.device_types");
      List<String> supported = extensions.get(i).supportedBreakouts();
      for (int j = 0; j < supported.size(); j++) {
        if (!catalogueBreakouts.contains(supported.get(j))) {
          problems.error(
              "unknown_reference",
              path + ".supported_breakouts[" + j + "]",
              "breakout id '" + supported.get(j) + "' is neither built in nor declared by the plan",
              "declare it under reference_data.breakout_options, or use a built-in id; " + Problems.known(catalogueBreakouts));
        }
      }
    }

    List<SwitchClass> switches = plan.switchClasses();
    for (int i = 0; i < switches.size(); i++) {
      ref(problems, "switch_classes[" + i + "].device_type_extension", "device type extension", switches.get(i).deviceTypeExtension(), plan.extensionsById().keySet(), "reference_data.device_type_extensions");
    }

    Map<String, PortZone> zones = plan.zonesByRef();
    List<PortZone> zoneList = plan.portZones();
    for (int i = 0; i < zoneList.size(); i++) {
      PortZone z = zoneList.get(i);
      String path = "switch_port_zones[" + i + "]";
      ref(problems, path + ".switch_class", "switch class", z.switchClass(), plan.switchClassesById().keySet(), "switch_classes");
      z.breakoutOption().ifPresent(b -> ref(problems, path + ".breakout_option", "breakout option", b, plan.breakoutsById().keySet(), "reference_data.breakout_options"));
      z.transceiverModuleType().ifPresent(t -> ref(problems, path + ".transceiver_module_type", "module type", t, moduleTypes, "reference_data.module_types"));
      z.peerZone().ifPresent(peer -> {
        if (peer.equals(z.ref())) {
          problems.error("invalid_value", path + ".peer_zone", "zone " + z.ref() + " names itself as its peer zone", "name the zone on the other switch class these ports are wired to");
        } else {
          zoneRef(problems, path + ".peer_zone", peer, zones.keySet());
        }
      });
    }

    List<ServerClass> servers = plan.serverClasses();
    for (int i = 0; i < servers.size(); i++) {
      ref(problems, "server_classes[" + i + "].server_device_type", "device type", servers.get(i).serverDeviceType(), deviceTypes, "reference_data.device_types");
    }
    List<ServerNic> nics = plan.serverNics();
    for (int i = 0; i < nics.size(); i++) {
      ref(problems, "server_nics[" + i + "].server_class", "server class", nics.get(i).serverClass(), plan.serverClassesById().keySet(), "server_classes");
      ref(problems, "server_nics[" + i + "].module_type", "module type", nics.get(i).moduleType(), moduleTypes, "reference_data.module_types");
    }
    List<ServerConnection> connections = plan.serverConnections();
    for (int i = 0; i < connections.size(); i++) {
      ServerConnection c = connections.get(i);
      String path = "server_connections[" + i + "]";
      boolean classKnown = ref(problems, path + ".server_class", "server class", c.serverClass(), plan.serverClassesById().keySet(), "server_classes");
      if (classKnown) {
        Set<String> ownNics = plan.nicsOf(c.serverClass()).stream().map(ServerNic::nicId).collect(Collectors.toSet());
        if (!ownNics.contains(c.nic())) {
          problems.error(
              "unknown_reference",
              path + ".nic",
              "server class " + c.serverClass() + " declares no NIC '" + c.nic() + "'",
              "add a server_nics entry {server_class: " + c.serverClass() + ", nic_id: " + c.nic() + ", module_type: ...}, or use one of its NICs; " + Problems.known(ownNics));
        }
      }
      zoneRef(problems, path + ".target_zone", c.targetZone(), zones.keySet());
      c.transceiverModuleType().ifPresent(t -> ref(problems, path + ".transceiver_module_type", "module type", t, moduleTypes, "reference_data.module_types"));
    }
    List<MclagDomain> domains = plan.mclagDomains();
    for (int i = 0; i < domains.size(); i++) {
      ref(problems, "mclag_domains[" + i + "].switch_class", "switch class", domains.get(i).switchClass(), plan.switchClassesById().keySet(), "switch_classes");
    }
  }

  private static boolean ref(Problems problems, String path, String what, String id, Collection<String> known, String section) {
    if (known.contains(id)) {
      return true;
    }
    problems.error("unknown_reference", path, "unknown " + what + " '" + id + "'", "declare it under " + section + ", or use one that is declared; " + Problems.known(known));
    return false;
  }

  private static void zoneRef(Problems problems, String path, String ref, Collection<String> zones) {
    if (zones.contains(ref)) {
      return;
    }
    if (ref.indexOf('/') < 0) {
      problems.error("unknown_reference", path, "zone reference '" + ref + "' is not of the form <switch_class_id>/<zone_name>", "write it as class/zone, e.g. fe-leaf/server-downlinks; " + Problems.known(zones));
    } else {
      problems.error("unknown_reference", path, "unknown zone '" + ref + "'", "declare it under switch_port_zones, or use a declared zone; " + Problems.known(zones));
    }
  }
}
