package dev.diet.generate;

import com.google.common.collect.ImmutableMap;
import dev.diet.plan.DeviceCategory;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.NamingTemplate;
import dev.diet.plan.Plan;
import dev.diet.plan.ServerClass;
import dev.diet.plan.SwitchClass;
import dev.diet.plan.WireEnum;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Device names of a plan: the plan's naming template for the device's category when it has one,
 * else the defaults {@code <slug(class id)>-<index:03d>} for servers and {@code -<index:02d>} for
 * switches. Preflight and the generator both name devices through here, so they agree.
 */
public final class DeviceNames {
  /** Site slug used when none is given (the original's default site). */
  public static final String DEFAULT_SITE = "hedgehog";

  /** Class ids are few and named once per device: slugs are remembered (up to a bound, for odd inputs). */
  private static final int SLUG_CACHE_LIMIT = 4096;
  private static final Map<String, String> SLUGS = new ConcurrentHashMap<>();

  private DeviceNames() {}

  /** Name of server {@code index} (1-based) of {@code serverClass}. */
  public static String serverName(Plan plan, ServerClass serverClass, int index, String site) {
    Optional<NamingTemplate> template = plan.namingTemplate(DeviceCategory.SERVER);
    if (template.isEmpty()) {
      return slug(serverClass.serverClassId()) + "-" + zeroPadded(index, 3);
    }
    return NameTemplate.parse(template.get().pattern()).render(serverContext(serverClass, index, site));
  }

  /** Name of switch {@code index} (1-based) of {@code switchClass}. */
  public static String switchName(Plan plan, SwitchClass switchClass, int index, String site) {
    Optional<NamingTemplate> template = plan.namingTemplate(switchClass.category());
    if (template.isEmpty()) {
      return slug(switchClass.switchClassId()) + "-" + zeroPadded(index, 2);
    }
    return NameTemplate.parse(template.get().pattern()).render(switchContext(switchClass, index, site));
  }

  /** The fields a template may use for a server: fabric and role are empty, rack is always 0. */
  public static Map<String, Object> serverContext(ServerClass serverClass, int index, String site) {
    return context(site, serverClass.serverClassId(), DeviceCategory.SERVER, "", "", index);
  }

  /** The fields a template may use for a switch; rack is always 0. */
  public static Map<String, Object> switchContext(SwitchClass switchClass, int index, String site) {
    return context(
        site,
        switchClass.switchClassId(),
        switchClass.category(),
        switchClass.fabricName(),
        switchClass.hedgehogRole().map(HedgehogRole::wire).orElse(""),
        index);
  }

  private static Map<String, Object> context(String site, String classId, WireEnum category, String fabric, String role, int index) {
    return ImmutableMap.<String, Object>builder()
        .put("site", site)
        .put("class", classId)
        .put("category", category.wire())
        .put("fabric", fabric)
        .put("role", role)
        .put("rack", 0)
        .put("index", index)
        .build();
  }

  /**
   * Slug as NetBox (Django) makes it: NFKD, ASCII only, lower case, only {@code [a-z0-9_]},
   * whitespace and {@code -} kept, runs of whitespace and {@code -} become one {@code -}, leading
   * and trailing {@code -} and {@code _} stripped. Underscores survive: {@code conv_leaf}.
   */
  public static String slug(String text) {
    String cached = SLUGS.get(text);
    if (cached != null) {
      return cached;
    }
    String slug = computeSlug(text);
    if (SLUGS.size() < SLUG_CACHE_LIMIT) {
      SLUGS.put(text, slug);
    }
    return slug;
  }

  /** {@code String.format("%0<width>d", value)} for the non-negative indexes names use, without the formatter. */
  static String zeroPadded(int value, int width) {
    String digits = Integer.toString(value);
    if (value < 0 || digits.length() >= width) {
      return value < 0 ? String.format(Locale.ROOT, "%0" + width + "d", value) : digits;
    }
    return "0".repeat(width - digits.length()) + digits;
  }

  private static String computeSlug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
    String kept = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\s-]", "");
    return kept.replaceAll("[-\\s]+", "-").replaceAll("^[-_]+|[-_]+$", "");
  }
}
