package dev.diet.preflight;

import dev.diet.plan.Plan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The plan's identity, that it has classes at all, and that every id is declared once. */
final class StructureCheck implements PlanCheck {
  static final Pattern CASE_ID = Pattern.compile("^[a-z0-9_]+$");

  @Override
  public void check(Plan plan, Problems problems) {
    if (!CASE_ID.matcher(plan.meta().caseId()).matches()) {
      problems.error(
          "invalid_format",
          "meta.case_id",
          "case_id '" + plan.meta().caseId() + "' may hold only a-z, 0-9 and _",
          "use lower-case letters, digits and underscores, e.g. lab_two_tor; it becomes the ownership mark in NetBox");
    }
    if (!"yaml".equals(plan.meta().managedBy())) {
      problems.error("invalid_value", "meta.managed_by", "managed_by is '" + plan.meta().managedBy() + "', must be yaml", "write managed_by: yaml");
    }
    if (plan.serverClasses().isEmpty() || plan.switchClasses().isEmpty()) {
      String missing = plan.serverClasses().isEmpty() ? "server_classes" : "switch_classes";
      problems.error(
          "no_classes",
          missing,
          "a plan needs at least one server class and at least one switch class; " + missing + " is empty",
          "declare the servers and the switches they connect to");
    }

    unique(plan, problems, "reference_data.manufacturers", plan.referenceData().manufacturers(), m -> m.id(), "id", "manufacturer");
    unique(plan, problems, "reference_data.device_types", plan.referenceData().deviceTypes(), d -> d.id(), "id", "device type");
    unique(plan, problems, "reference_data.device_type_extensions", plan.referenceData().deviceTypeExtensions(), e -> e.id(), "id", "device type extension");
    unique(plan, problems, "reference_data.device_type_extensions", plan.referenceData().deviceTypeExtensions(), e -> e.deviceType(), "device_type", "extension of device type");
    unique(plan, problems, "reference_data.breakout_options", plan.referenceData().breakoutOptions(), b -> b.id(), "id", "breakout option");
    unique(plan, problems, "reference_data.breakout_options", plan.referenceData().breakoutOptions(), b -> b.breakoutId(), "breakout_id", "breakout id");
    unique(plan, problems, "reference_data.module_types", plan.referenceData().moduleTypes(), m -> m.id(), "id", "module type");
    unique(plan, problems, "switch_classes", plan.switchClasses(), c -> c.switchClassId(), "switch_class_id", "switch class");
    unique(plan, problems, "switch_port_zones", plan.portZones(), z -> z.ref(), "zone_name", "zone");
    unique(plan, problems, "server_classes", plan.serverClasses(), c -> c.serverClassId(), "server_class_id", "server class");
    unique(plan, problems, "server_nics", plan.serverNics(), n -> n.serverClass() + "/" + n.nicId(), "nic_id", "NIC");
    unique(plan, problems, "server_connections", plan.serverConnections(), c -> c.serverClass() + "/" + c.connectionId(), "connection_id", "connection");
    unique(plan, problems, "naming_templates", plan.namingTemplates(), t -> t.deviceCategory().wire(), "device_category", "naming template for category");
    unique(plan, problems, "mclag_domains", plan.mclagDomains(), d -> d.domainId(), "domain_id", "MCLAG domain");
    unique(plan, problems, "mclag_domains", plan.mclagDomains(), d -> d.switchGroupName(), "switch_group_name", "switch group name");
  }

  private static <T> void unique(Plan plan, Problems problems, String list, List<T> items, Function<T, String> key, String field, String what) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String k = key.apply(items.get(i));
      Integer earlier = first.putIfAbsent(k, i);
      if (earlier != null) {
        String earlierPath = list + "[" + earlier + "]";
        problems.error(
            "duplicate_id",
            list + "[" + i + "]." + field,
            what + " '" + k + "' is declared twice (first at " + earlierPath + ", line " + plan.locate(earlierPath).line() + ")",
            "give each entry its own " + field + ", or remove one of them");
      }
    }
  }
}
