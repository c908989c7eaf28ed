package dev.diet.preflight;

import dev.diet.generate.DeviceNames;
import dev.diet.generate.NameTemplate;
import dev.diet.generate.NameTemplateException;
import dev.diet.plan.NamingTemplate;
import dev.diet.plan.Plan;
import dev.diet.plan.ServerClass;
import dev.diet.plan.SwitchClass;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * No two devices of a plan get the same name (decision 8). NetBox compares device names without
 * case within a site, so this does too. Server counts are in the plan; switch counts come from
 * sizing, so before sizing a class is checked with its override, or with one switch (every
 * cross-class clash of default names shows at index 1). The generator runs this check again with
 * the sized counts through {@link #withSwitchCounts(ToIntFunction)}.
 */
public final class NameCollisionCheck implements PlanCheck {
  /** Names checked per class at most; a plan with more devices in one class is not realistic. */
  static final int MAX_NAMES_PER_CLASS = 100_000;

  private final ToIntFunction<SwitchClass> switchCount;

  private NameCollisionCheck(ToIntFunction<SwitchClass> switchCount) {
    this.switchCount = switchCount;
  }

  /** Before sizing: a switch class counts its override, or one switch. */
  public static NameCollisionCheck beforeSizing() {
    return new NameCollisionCheck(c -> c.overrideQuantity().orElse(1));
  }

  /** After sizing: {@code switchCount} gives each switch class its effective quantity. */
  public static NameCollisionCheck withSwitchCounts(ToIntFunction<SwitchClass> switchCount) {
    return new NameCollisionCheck(switchCount);
  }

  private static final class Owner {
    final String what;
    final String path;
    final int index;

    Owner(String what, String path, int index) {
      this.what = what;
      this.path = path;
      this.index = index;
    }
  }

  @Override
  public void check(Plan plan, Problems problems) {
    if (!templatesRender(plan)) {
      return;
    }
    Map<String, Owner> names = new HashMap<>();
    Set<String> reportedPairs = new HashSet<>();
    // Classes declared twice are reported as duplicate_id; their names are checked once.
    Set<String> seenSwitches = new HashSet<>();
    List<SwitchClass> switches = plan.switchClasses();
    for (int i = 0; i < switches.size(); i++) {
      SwitchClass c = switches.get(i);
      if (!seenSwitches.add(c.switchClassId())) {
        continue;
      }
      String path = "switch_classes[" + i + "].switch_class_id";
      int count = Math.min(Math.max(switchCount.applyAsInt(c), 0), MAX_NAMES_PER_CLASS);
      for (int index = 1; index <= count; index++) {
        String name = DeviceNames.switchName(plan, c, index, DeviceNames.DEFAULT_SITE);
        if (!claim(problems, names, reportedPairs, name, new Owner("switch class " + c.switchClassId(), path, index))) {
          break;
        }
      }
    }
    Set<String> seenServers = new HashSet<>();
    List<ServerClass> servers = plan.serverClasses();
    for (int i = 0; i < servers.size(); i++) {
      ServerClass c = servers.get(i);
      if (!seenServers.add(c.serverClassId())) {
        continue;
      }
      String path = "server_classes[" + i + "].server_class_id";
      int count = Math.min(Math.max(c.quantity(), 0), MAX_NAMES_PER_CLASS);
      for (int index = 1; index <= count; index++) {
        String name = DeviceNames.serverName(plan, c, index, DeviceNames.DEFAULT_SITE);
        if (!claim(problems, names, reportedPairs, name, new Owner("server class " + c.serverClassId(), path, index))) {
          break;
        }
      }
    }
  }

  /** Records {@code name} for {@code owner}; false once a clash is reported, to stop at the first. */
  private static boolean claim(Problems problems, Map<String, Owner> names, Set<String> reportedPairs, String name, Owner owner) {
    if (name.length() > NamingTemplateCheck.MAX_NAME_LENGTH) {
      problems.error(
          "name_too_long",
          owner.path,
          "device " + owner.index + " of " + owner.what + " would be named '" + NamingTemplateCheck.shorten(name) + "' (" + name.length() + " characters); NetBox allows " + NamingTemplateCheck.MAX_NAME_LENGTH,
          "shorten the class id or the naming template");
      return false;
    }
    Owner earlier = names.putIfAbsent(name.toLowerCase(Locale.ROOT), owner);
    if (earlier == null) {
      return true;
    }
    if (reportedPairs.add(earlier.what + "|" + owner.what)) {
      String message =
          earlier.what.equals(owner.what)
              ? "devices " + earlier.index + " and " + owner.index + " of " + owner.what + " would both be named '" + name + "'"
              : "device name '" + name + "' of " + owner.what + " is also the name of device " + earlier.index + " of " + earlier.what;
      String hint =
          earlier.what.equals(owner.what)
              ? "put {index} into the naming template so every device gets its own name"
              : "rename one of the classes, or use naming templates that keep them apart; NetBox refuses two devices with one name in a site";
      problems.error("name_collision", owner.path, message, hint);
    }
    return false;
  }

  /** Broken templates are reported by {@link NamingTemplateCheck}; names cannot be checked then. */
  private static boolean templatesRender(Plan plan) {
    for (NamingTemplate t : plan.namingTemplates()) {
      try {
        NameTemplate.parse(t.pattern());
      } catch (NameTemplateException e) {
        return false;
      }
    }
    return true;
  }
}
