package dev.diet.netbox.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NetBox's natural-order keys: {@code Interface._name} is the interface name in this form. */
final class Naturalize {
  private static final Pattern INTERFACE = Pattern.compile(
      "^(?<type>[^\\d.:]+)?(?:(?<slot>\\d+)/)?(?:(?<subslot>\\d+)/)?(?:(?<position>\\d+)/)?(?:(?<subposition>\\d+)/)?"
          + "(?<id>\\d+)?(?::(?<channel>\\d+))?(?:\\.(?<vc>\\d+))?(?<remainder>.*)$",
      Pattern.DOTALL);
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private Naturalize() {}

  /** The sort key NetBox stores in {@code _name}: slots padded to 4 digits, then type, ids padded to 6. */
  static String interfaceName(String value, int maxLength) {
    Matcher m = INTERFACE.matcher(value);
    if (!m.matches()) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    for (String part : new String[] {"slot", "subslot", "position", "subposition"}) {
      String v = m.group(part);
      out.append(v == null ? "9999" : pad(v, 4));
    }
    if (m.group("type") != null) {
      out.append(m.group("type"));
    }
    for (String part : new String[] {"id", "channel", "vc"}) {
      String v = m.group(part);
      out.append(v == null ? "......" : pad(v, 6));
    }
    String remainder = m.group("remainder");
    if (remainder != null && !remainder.isEmpty() && out.length() < maxLength) {
      out.append(natural(remainder, maxLength - out.length()));
    }
    return out.length() > maxLength ? out.substring(0, maxLength) : out.toString();
  }

  /** Every run of digits padded to 8 places. */
  static String natural(String value, int maxLength) {
    StringBuilder out = new StringBuilder();
    Matcher m = DIGITS.matcher(value);
    int last = 0;
    while (m.find()) {
      out.append(value, last, m.start()).append(pad(m.group(), 8));
      last = m.end();
    }
    out.append(value.substring(last));
    return out.length() > maxLength ? out.substring(0, maxLength) : out.toString();
  }

  private static String pad(String digits, int width) {
    if (digits.length() >= width) {
      return digits;
    }
    return "0".repeat(width - digits.length()) + digits;
  }
}
