package dev.diet.generate;

import dev.diet.plan.SwitchClass;
import dev.diet.state.ObjectKey;
import dev.diet.state.Ref;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One generated switch during a run: identity, name, zones and the interface names already used. */
final class SwitchDevice {
  final int id;
  final SwitchClass cls;
  final int index;
  final String name;
  final ObjectKey key;
  final Ref ref;
  /** {@code switch/<class>/<n>/}, the prefix of its interfaces' key paths. */
  final String portPathPrefix;
  final List<ZoneLayout> zones;
  /** Interface templates of its device type: name to type. */
  final Map<String, String> templates;
  /** Names handed out so far; tracked only when zones of the class share interface names. */
  final Set<String> usedNames;

  SwitchDevice(int id, SwitchClass cls, int index, String name, ObjectKey key, List<ZoneLayout> zones, Map<String, String> templates, boolean trackNames) {
    this.id = id;
    this.cls = cls;
    this.index = index;
    this.name = name;
    this.key = key;
    this.ref = Ref.to(key);
    this.portPathPrefix = "switch/" + cls.switchClassId() + "/" + index + "/";
    this.zones = zones;
    this.templates = templates;
    this.usedNames = trackNames ? new HashSet<>() : null;
  }

  @Override
  public String toString() {
    return name;
  }
}
