package dev.diet.preflight;

import dev.diet.plan.Plan;
import dev.diet.plan.RedundancyType;
import dev.diet.plan.SwitchClass;
import dev.diet.plan.TopologyMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Switch-class rules the original runs only in its forms: counts are not negative, a mesh class
 * has 2 or 3 switches, mesh and spine classes exclude each other within a fabric, the classes of
 * a fabric agree on the topology mode, and MCLAG/ESLAG overrides have a count the scheme allows.
 */
final class SwitchClassCheck implements PlanCheck {

  @Override
  public void check(Plan plan, Problems problems) {
    List<SwitchClass> classes = plan.switchClasses();
    Map<String, List<Integer>> fabrics = new LinkedHashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      SwitchClass c = classes.get(i);
      String path = "switch_classes[" + i + "]";
      fabrics.computeIfAbsent(c.fabricName(), f -> new ArrayList<>()).add(i);
      c.overrideQuantity().ifPresent(q -> Ranges.between(problems, path + ".override_quantity", "override_quantity", q, 0, Ranges.MAX_SWITCHES, "a fixed switch count"));
      c.uplinkPortsPerSwitch().ifPresent(u -> Ranges.between(problems, path + ".uplink_ports_per_switch", "uplink_ports_per_switch", u, 0, Ranges.MAX_PORTS, "an uplink count; 0 marks a leaf that is not wired to spines"));
      if (c.isMesh()) {
        int q = c.overrideQuantity().orElse(-1);
        if (q != 2 && q != 3) {
          problems.error(
              "mesh_size",
              c.overrideQuantity().isPresent() ? path + ".override_quantity" : path + ".topology_mode",
              "mesh class " + c.switchClassId() + (q < 0 ? " has no override_quantity" : " has override_quantity " + q) + "; a mesh needs 2 or 3 switches",
              "set override_quantity: 2 or 3, or use topology_mode spine-leaf");
        }
      }
      redundancy(problems, c, path);
    }
    for (Map.Entry<String, List<Integer>> fabric : fabrics.entrySet()) {
      fabricRules(problems, classes, fabric.getKey(), fabric.getValue());
    }
  }

  private static void redundancy(Problems problems, SwitchClass c, String path) {
    String at = path + ".override_quantity";
    if (c.overrideQuantity().isPresent()) {
      int q = c.overrideQuantity().get();
      if (c.redundancyType().filter(RedundancyType.MCLAG::equals).isPresent() && (q < 2 || q % 2 != 0)) {
        problems.error("redundancy_quantity", at, "MCLAG class " + c.switchClassId() + " has override_quantity " + q + "; MCLAG needs an even count of at least 2", "use 2, 4, 6, ...");
      } else if (c.redundancyType().filter(RedundancyType.ESLAG::equals).isPresent() && (q < 2 || q > 4)) {
        problems.error("redundancy_quantity", at, "ESLAG class " + c.switchClassId() + " has override_quantity " + q + "; ESLAG allows 2 to 4 switches", "use 2, 3 or 4");
      } else if (c.redundancyType().isEmpty() && c.mclagPair() && q % 2 != 0) {
        problems.error("redundancy_quantity", at, "class " + c.switchClassId() + " sets mclag_pair but override_quantity " + q + " is odd", "use an even count, or drop mclag_pair");
      }
    }
    if (c.redundancyType().isPresent() && c.redundancyGroup().isBlank()) {
      problems.warning(
          "missing_redundancy_group",
          path + ".redundancy_type",
          "class " + c.switchClassId() + " sets redundancy_type " + c.redundancyType().get().wire() + " without a redundancy_group",
          "add redundancy_group: <switch group name>; exports need it, generation does not");
    }
  }

  private static void fabricRules(Problems problems, List<SwitchClass> classes, String fabric, List<Integer> members) {
    Integer meshAt = null;
    Integer spineAt = null;
    Integer referenceAt = null;
    for (int i : members) {
      SwitchClass c = classes.get(i);
      String path = "switch_classes[" + i + "]";
      if (c.isMesh() && meshAt == null) {
        meshAt = i;
      }
      if (c.isSpine() && spineAt == null) {
        spineAt = i;
      }
      if (!c.isSpine() && referenceAt == null) {
        referenceAt = i;
      }
    }
    if (meshAt != null && spineAt != null) {
      String message =
          meshAt.equals(spineAt)
              ? "spine class " + classes.get(spineAt).switchClassId() + " of fabric " + fabric + " uses topology_mode mesh; a mesh fabric has no spines"
              : "fabric " + fabric + " has mesh class " + classes.get(meshAt).switchClassId() + " and spine class " + classes.get(spineAt).switchClassId() + "; a mesh fabric has no spines";
      problems.error(
          "mesh_with_spine",
          "switch_classes[" + Math.max(meshAt, spineAt) + "]",
          message,
          "use topology_mode spine-leaf with the spine, or remove the spine class from this fabric");
    }
    if (referenceAt == null) {
      return;
    }
    SwitchClass reference = classes.get(referenceAt);
    for (int i : members) {
      SwitchClass c = classes.get(i);
      if (i == referenceAt || mode(c) == mode(reference)) {
        continue;
      }
      problems.error(
          "topology_mismatch",
          "switch_classes[" + i + "]" + (c.topologyMode().isPresent() ? ".topology_mode" : ""),
          "class " + c.switchClassId() + " uses topology_mode " + mode(c).wire() + " but class " + reference.switchClassId() + " of the same fabric " + fabric + " uses " + mode(reference).wire(),
          "give every class of fabric " + fabric + " the same topology_mode");
    }
  }

  private static TopologyMode mode(SwitchClass c) {
    return c.topologyMode().orElse(TopologyMode.SPINE_LEAF);
  }
}
