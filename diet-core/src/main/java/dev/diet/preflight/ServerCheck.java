package dev.diet.preflight;

import com.google.common.collect.ImmutableSet;
import dev.diet.plan.ModuleType;
import dev.diet.plan.Plan;
import dev.diet.plan.ServerClass;
import dev.diet.plan.ServerNic;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Server classes and their NICs: counts in range, known categories, NIC ids and ports. */
final class ServerCheck implements PlanCheck {
  static final Pattern NIC_ID = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]*$");
  private static final Set<String> CATEGORIES = ImmutableSet.of("", "gpu", "storage", "infrastructure");

  @Override
  public void check(Plan plan, Problems problems) {
    List<ServerClass> classes = plan.serverClasses();
    for (int i = 0; i < classes.size(); i++) {
      ServerClass c = classes.get(i);
      String path = "server_classes[" + i + "]";
      Ranges.between(problems, path + ".quantity", "quantity", c.quantity(), 0, Ranges.MAX_SERVERS, "the number of servers of this class");
      Ranges.atLeast(problems, path + ".gpus_per_server", "gpus_per_server", c.gpusPerServer(), 0, "informational, a count");
      if (!CATEGORIES.contains(c.category())) {
        problems.warning(
            "unknown_category",
            path + ".category",
            "category '" + c.category() + "' of server class " + c.serverClassId() + " is not one of gpu, storage, infrastructure",
            "categories are informational; use gpu, storage or infrastructure to keep exports consistent");
      }
    }
    List<ServerNic> nics = plan.serverNics();
    for (int i = 0; i < nics.size(); i++) {
      ServerNic n = nics.get(i);
      String path = "server_nics[" + i + "]";
      if (!NIC_ID.matcher(n.nicId()).matches()) {
        problems.error(
            "invalid_format",
            path + ".nic_id",
            "nic_id '" + n.nicId() + "' must start with a letter or digit and hold only letters, digits, _ and -",
            "it becomes a module-bay name and an interface-name prefix, e.g. fe or be-rail-0");
      }
      ModuleType module = plan.moduleTypesById().get(n.moduleType());
      if (module != null && module.interfaceTemplates().isEmpty()) {
        problems.error(
            "nic_without_ports",
            path + ".module_type",
            "NIC module type " + module.id() + " has no interface templates, so NIC " + n.nicId() + " has no ports",
            "list the NIC's ports under interface_templates of module type " + module.id());
      }
    }
  }
}
