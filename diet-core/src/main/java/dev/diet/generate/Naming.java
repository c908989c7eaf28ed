package dev.diet.generate;

import dev.diet.plan.DeviceCategory;
import dev.diet.plan.ServerClass;
import dev.diet.plan.SwitchClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Device names (§6 of the generation rules) for a whole run: the plan's template for the device
 * category, parsed once, else {@code <slug(class)>-<index>} padded to 3 digits for servers and 2
 * for switches. Slugs and template fields come from {@link DeviceNames}, which preflight uses, so
 * both name every device alike. Also the boot MAC derived from a name.
 */
final class Naming {
  private final String siteSlug;
  private final Map<DeviceCategory, NameTemplate> templates;

  /** {@code templates} holds the plan's parsed templates by category. */
  Naming(String siteSlug, Map<DeviceCategory, NameTemplate> templates) {
    this.siteSlug = siteSlug;
    this.templates = new EnumMap<>(DeviceCategory.class);
    this.templates.putAll(templates);
  }

  String switchName(SwitchClass sc, String slug, int index) {
    NameTemplate t = templates.get(sc.category());
    if (t == null) {
      return slug + "-" + pad(index, 2);
    }
    return t.render(DeviceNames.switchContext(sc, index, siteSlug));
  }

  String serverName(ServerClass sc, String slug, int index) {
    NameTemplate t = templates.get(DeviceCategory.SERVER);
    if (t == null) {
      return slug + "-" + pad(index, 3);
    }
    return t.render(DeviceNames.serverContext(sc, index, siteSlug));
  }

  private static String pad(int index, int width) {
    String digits = Integer.toString(index);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /**
   * {@code 02} followed by bytes 1..5 of SHA-256 over the UTF-8 device name, as lower-case hex
   * pairs joined by colons: a locally administered unicast address that is stable per name.
   */
  static String bootMac(String deviceName) {
    byte[] digest = sha256().digest(deviceName.getBytes(StandardCharsets.UTF_8));
    StringBuilder mac = new StringBuilder(17).append("02");
    for (int i = 1; i <= 5; i++) {
      mac.append(':').append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
    }
    return mac.toString();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** {@code lab-east} → {@code Lab East}: dashes become spaces, then Python's {@code str.title()}. */
  static String title(String slug) {
    String spaced = slug.replace('-', ' ');
    StringBuilder out = new StringBuilder(spaced.length());
    boolean previousCased = false;
    for (int i = 0; i < spaced.length(); i++) {
      char c = spaced.charAt(i);
      boolean cased = Character.isLetter(c);
      out.append(cased ? (previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
      previousCased = cased;
    }
    return out.toString();
  }
}
