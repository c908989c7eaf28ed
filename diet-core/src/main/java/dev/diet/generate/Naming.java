package dev.diet.generate;

import com.google.common.collect.ImmutableMap;
import dev.diet.plan.DeviceCategory;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.ServerClass;
import dev.diet.plan.SwitchClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Device names (§6 of the generation rules): the plan's template for the device category when it
 * has one, else {@code <slug(class)>-<index>} padded to 3 digits for servers and 2 for switches;
 * plus the slug rule and the boot MAC derived from a name.
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
    return t.render(context(sc.switchClassId(), sc.category(), sc.fabricName(), sc.hedgehogRole().map(HedgehogRole::wire).orElse(""), index));
  }

  String serverName(ServerClass sc, String slug, int index) {
    NameTemplate t = templates.get(DeviceCategory.SERVER);
    if (t == null) {
      return slug + "-" + pad(index, 3);
    }
    return t.render(context(sc.serverClassId(), DeviceCategory.SERVER, "", "", index));
  }

  private Map<String, Object> context(String classId, DeviceCategory category, String fabric, String role, int index) {
    return ImmutableMap.<String, Object>builder()
        .put("site", siteSlug)
        .put("class", classId)
        .put("category", category.wire())
        .put("fabric", fabric)
        .put("role", role)
        .put("rack", 0)
        .put("index", index)
        .build();
  }

  private static String pad(int index, int width) {
    String digits = Integer.toString(index);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /**
   * Django's slugify as the original applies it to class ids: NFKD, ASCII only, lower case, keep
   * {@code [a-z0-9_]}, whitespace and {@code -}; collapse runs of whitespace and {@code -} into one
   * {@code -}; strip {@code -} and {@code _} at both ends. Underscores inside survive.
   */
  static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder kept = new StringBuilder(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (c >= 128) {
        continue;
      }
      char lower = Character.toLowerCase(c);
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '_' || lower == '-' || isSpace(lower)) {
        kept.append(lower);
      }
    }
    StringBuilder out = new StringBuilder(kept.length());
    boolean inRun = false;
    for (int i = 0; i < kept.length(); i++) {
      char c = kept.charAt(i);
      if (c == '-' || isSpace(c)) {
        if (!inRun) {
          out.append('-');
          inRun = true;
        }
      } else {
        out.append(c);
        inRun = false;
      }
    }
    int start = 0;
    int end = out.length();
    while (start < end && (out.charAt(start) == '-' || out.charAt(start) == '_')) {
      start++;
    }
    while (end > start && (out.charAt(end - 1) == '-' || out.charAt(end - 1) == '_')) {
      end--;
    }
    return out.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
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
