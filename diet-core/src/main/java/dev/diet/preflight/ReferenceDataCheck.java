package dev.diet.preflight;

import dev.diet.plan.BreakoutOption;
import dev.diet.plan.DeviceType;
import dev.diet.plan.DeviceTypeExtension;
import dev.diet.plan.Plan;
import java.util.List;

/** Numbers in reference data are in range: breakout speeds and lanes, native speeds, heights. */
final class ReferenceDataCheck implements PlanCheck {
  /** More lanes than any switch port splits into (8 today), low enough that lanes times ports stays small. */
  static final int MAX_LANES = 64;

  @Override
  public void check(Plan plan, Problems problems) {
    List<BreakoutOption> breakouts = plan.referenceData().breakoutOptions();
    for (int i = 0; i < breakouts.size(); i++) {
      BreakoutOption b = breakouts.get(i);
      String path = "reference_data.breakout_options[" + i + "]";
      Ranges.atLeast(problems, path + ".from_speed", "from_speed", b.fromSpeed(), 1, "the native port speed in Gbps, e.g. 800");
      Ranges.between(problems, path + ".logical_ports", "logical_ports", b.logicalPorts(), 1, MAX_LANES, "lanes per physical port; 1 means no breakout");
      Ranges.atLeast(problems, path + ".logical_speed", "logical_speed", b.logicalSpeed(), 1, "the speed of each lane in Gbps, e.g. 200");
    }
    List<DeviceTypeExtension> extensions = plan.referenceData().deviceTypeExtensions();
    for (int i = 0; i < extensions.size(); i++) {
      DeviceTypeExtension e = extensions.get(i);
      String path = "reference_data.device_type_extensions[" + i + "]";
      e.nativeSpeed().ifPresent(s -> Ranges.atLeast(problems, path + ".native_speed", "native_speed", s, 1, "the port speed in Gbps, e.g. 800"));
      e.uplinkPorts().ifPresent(u -> Ranges.between(problems, path + ".uplink_ports", "uplink_ports", u, 0, Ranges.MAX_PORTS, "a port count"));
    }
    List<DeviceType> types = plan.referenceData().deviceTypes();
    for (int i = 0; i < types.size(); i++) {
      Ranges.atLeast(problems, "reference_data.device_types[" + i + "].u_height", "u_height", types.get(i).uHeight(), 0, "rack units, e.g. 1");
    }
  }
}
