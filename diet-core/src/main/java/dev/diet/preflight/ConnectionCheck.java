package dev.diet.preflight;

import dev.diet.plan.BreakoutOption;
import dev.diet.plan.ConnectionType;
import dev.diet.plan.Distribution;
import dev.diet.plan.ModuleType;
import dev.diet.plan.Plan;
import dev.diet.plan.PortType;
import dev.diet.plan.PortZone;
import dev.diet.plan.ServerConnection;
import dev.diet.plan.ServerNic;
import dev.diet.plan.SwitchClass;
import dev.diet.plan.ZoneType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The connection rules of the plan model: id format, counts and speeds in range, the target
 * zone's type against the port type, bonded alternating connections need a redundant switch
 * class, rail-optimized ones a rail, the NIC ports used exist (always, decision 12), and the
 * speed is one the zone's breakout lanes give.
 */
final class ConnectionCheck implements PlanCheck {
  static final Pattern CONNECTION_ID = Pattern.compile("^[a-zA-Z0-9_-]+$");

  @Override
  public void check(Plan plan, Problems problems) {
    List<ServerConnection> connections = plan.serverConnections();
    for (int i = 0; i < connections.size(); i++) {
      ServerConnection c = connections.get(i);
      String path = "server_connections[" + i + "]";
      if (!CONNECTION_ID.matcher(c.connectionId()).matches()) {
        problems.error("invalid_format", path + ".connection_id", "connection_id '" + c.connectionId() + "' may hold only letters, digits, _ and -", "e.g. fe or be-rail-0");
      }
      Ranges.between(problems, path + ".port_index", "port_index", c.portIndex(), 0, Ranges.MAX_PORTS, "the first NIC port used, counting from 0");
      boolean ppcOk = Ranges.between(problems, path + ".ports_per_connection", "ports_per_connection", c.portsPerConnection(), 1, Ranges.MAX_PORTS, "the ports (and cables) per server");
      boolean speedOk = Ranges.atLeast(problems, path + ".speed", "speed", c.speed(), 1, "the link speed in Gbps, e.g. 200");
      c.rail().ifPresent(r -> Ranges.between(problems, path + ".rail", "rail", r, 0, Ranges.MAX_PORTS, "the rail number, counting from 0"));
      if (c.is(Distribution.RAIL_OPTIMIZED) && c.rail().isEmpty()) {
        problems.error("missing_rail", path + ".distribution", "rail-optimized connection " + c.connectionId() + " has no rail", "add rail: <0..R-1>");
      }
      PortZone zone = plan.zonesByRef().get(c.targetZone());
      if (zone != null) {
        zoneType(problems, c, zone, path);
        if (speedOk) {
          speed(plan, problems, c, zone, path);
        }
      }
      SwitchClass target = plan.switchClassesById().get(c.targetSwitchClass());
      if (target != null && c.is(Distribution.ALTERNATING) && isBonded(c.hedgehogConnType()) && target.redundancyType().isEmpty()) {
        problems.error(
            "needs_redundancy",
            path + ".hedgehog_conn_type",
            "connection " + c.connectionId() + " is " + c.hedgehogConnType().wire() + " and alternating, but switch class " + target.switchClassId() + " sets no redundancy_type",
            "set redundancy_type (mclag or eslag) on " + target.switchClassId() + ", or use hedgehog_conn_type unbundled");
      }
      if (ppcOk) {
        nicPorts(plan, problems, c, path);
      }
    }
  }

  private static boolean isBonded(ConnectionType type) {
    return type == ConnectionType.BUNDLED || type == ConnectionType.MCLAG || type == ConnectionType.ESLAG;
  }

  private static void zoneType(Problems problems, ServerConnection c, PortZone zone, String path) {
    boolean ipmi = c.portType().filter(PortType.IPMI::equals).isPresent();
    if (ipmi && zone.zoneType() != ZoneType.OOB) {
      problems.error("wrong_zone_type", path + ".target_zone", "an ipmi connection needs an oob zone; " + zone.ref() + " is a " + zone.zoneType().wire() + " zone", "target an oob zone, or change port_type");
    } else if (!ipmi && zone.zoneType() == ZoneType.OOB) {
      problems.error("wrong_zone_type", path + ".target_zone", "only ipmi connections may use oob zone " + zone.ref(), "set port_type: ipmi, or target a server zone");
    } else if (!ipmi && zone.zoneType() != ZoneType.SERVER) {
      problems.error("wrong_zone_type", path + ".target_zone", "zone " + zone.ref() + " is a " + zone.zoneType().wire() + " zone, which is not a connection target", "target a server zone (or an oob zone for ipmi)");
    }
  }

  private static void speed(Plan plan, Problems problems, ServerConnection c, PortZone zone, String path) {
    Optional<BreakoutOption> breakout = zone.breakoutOption().map(plan.breakoutsById()::get);
    if (breakout.isEmpty() || breakout.get().logicalSpeed() < 1) {
      return;
    }
    int lane = breakout.get().logicalSpeed();
    if (c.speed() > lane) {
      problems.error(
          "speed_exceeds_lane",
          path + ".speed",
          "connection " + c.connectionId() + " asks " + c.speed() + "G but zone " + zone.ref() + " gives " + lane + "G lanes (breakout " + breakout.get().breakoutId() + ")",
          "use speed " + lane + ", or a breakout option whose lanes run at " + c.speed() + "G");
    } else if (c.speed() < lane) {
      problems.warning(
          "speed_below_lane",
          path + ".speed",
          "connection " + c.connectionId() + " runs at " + c.speed() + "G on " + lane + "G lanes of zone " + zone.ref(),
          "check the speed; the switch interface type follows the connection speed");
    }
  }

  private static void nicPorts(Plan plan, Problems problems, ServerConnection c, String path) {
    Optional<ServerNic> nic = plan.nicsOf(c.serverClass()).stream().filter(n -> n.nicId().equals(c.nic())).findFirst();
    ModuleType module = nic.map(n -> plan.moduleTypesById().get(n.moduleType())).orElse(null);
    if (module == null || module.interfaceTemplates().isEmpty() || c.portIndex() < 0) {
      return;
    }
    int ports = module.interfaceTemplates().size();
    if (c.portIndex() >= ports) {
      problems.error(
          "nic_port_out_of_range",
          path + ".port_index",
          "port_index " + c.portIndex() + " is beyond NIC " + c.nic() + ", which has " + ports + " port" + (ports == 1 ? "" : "s") + " (0.." + (ports - 1) + ")",
          "use a port_index below " + ports + ", or a NIC module type with more ports");
    } else if ((long) c.portIndex() + c.portsPerConnection() > ports) {
      problems.error(
          "nic_port_out_of_range",
          path + ".ports_per_connection",
          "connection " + c.connectionId() + " uses NIC ports " + c.portIndex() + ".." + ((long) c.portIndex() + c.portsPerConnection() - 1) + " but NIC " + c.nic() + " has " + ports + " (0.." + (ports - 1) + ")",
          "use at most " + (ports - c.portIndex()) + " port" + (ports - c.portIndex() == 1 ? "" : "s") + " per connection from port_index " + c.portIndex());
    }
  }
}
