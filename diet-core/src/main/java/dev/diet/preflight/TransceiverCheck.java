package dev.diet.preflight;

import com.google.common.collect.ImmutableSet;
import dev.diet.plan.Manufacturer;
import dev.diet.plan.ModuleType;
import dev.diet.plan.Plan;
import dev.diet.plan.PortZone;
import dev.diet.plan.ServerConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Module types used as transceivers carry the {@code Network Transceiver} profile (plan files
 * cannot set it, so they must match a seeded transceiver), and their medium agrees with their
 * reach class: a DAC is not optical fibre, an SR/LR/DR optic is not copper.
 */
final class TransceiverCheck implements PlanCheck {
  private static final Set<String> FIBRE = ImmutableSet.of("MMF", "SMF");
  private static final Set<String> COPPER_ASSEMBLIES = ImmutableSet.of("DAC", "ACC");
  private static final Set<String> OPTICAL_REACH = ImmutableSet.of("SR", "LR", "DR");

  @Override
  public void check(Plan plan, Problems problems) {
    Map<String, String> usedAt = new LinkedHashMap<>();
    List<PortZone> zones = plan.portZones();
    for (int i = 0; i < zones.size(); i++) {
      String path = "switch_port_zones[" + i + "].transceiver_module_type";
      zones.get(i).transceiverModuleType().ifPresent(t -> profile(plan, problems, t, path, usedAt));
    }
    List<ServerConnection> connections = plan.serverConnections();
    for (int i = 0; i < connections.size(); i++) {
      String path = "server_connections[" + i + "].transceiver_module_type";
      connections.get(i).transceiverModuleType().ifPresent(t -> profile(plan, problems, t, path, usedAt));
    }
    List<ModuleType> modules = plan.referenceData().moduleTypes();
    for (int i = 0; i < modules.size(); i++) {
      if (usedAt.containsKey(modules.get(i).id())) {
        mediumAgainstReach(problems, modules.get(i), "reference_data.module_types[" + i + "]");
      }
    }
  }

  private static void profile(Plan plan, Problems problems, String moduleId, String path, Map<String, String> usedAt) {
    ModuleType module = plan.moduleTypesById().get(moduleId);
    if (module == null) {
      return;
    }
    usedAt.putIfAbsent(moduleId, path);
    if (!module.isTransceiver()) {
      String maker = Optional.ofNullable(plan.manufacturersById().get(module.manufacturer())).map(Manufacturer::name).orElse(module.manufacturer());
      problems.error(
          "not_a_transceiver",
          path,
          "module type " + moduleId + " (" + maker + " " + module.model() + ") is not a transceiver",
          "plan files cannot set the Network Transceiver profile; use a seeded transceiver, e.g. manufacturer name Generic with model QSFP112-200GBASE-SR2");
    }
  }

  private static void mediumAgainstReach(Problems problems, ModuleType module, String path) {
    String medium = String.valueOf(module.attributeData().getOrDefault("medium", ""));
    String reach = String.valueOf(module.attributeData().getOrDefault("reach_class", ""));
    if (reach.equals("DAC") && FIBRE.contains(medium)) {
      problems.error("transceiver_mismatch", path + ".attribute_data", "transceiver " + module.id() + " has reach_class DAC but medium " + medium, "a DAC is a copper assembly: set medium DAC, or an optical reach_class");
    } else if (OPTICAL_REACH.contains(reach) && COPPER_ASSEMBLIES.contains(medium)) {
      problems.error("transceiver_mismatch", path + ".attribute_data", "transceiver " + module.id() + " has optical reach_class " + reach + " but medium " + medium, "set medium MMF or SMF, or reach_class DAC");
    }
  }
}
