package dev.diet.plan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One mapping of a plan file being read at an object path such as {@code switch_port_zones[3]}.
 * Typed accessors report wrong types, missing keys and bad enum values as problems and return a
 * usable placeholder, so the reader can go on and report everything at once. Keys nobody asked
 * for are warned about by {@link #finish()}.
 */
final class Section {
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9][0-9_]*");
  private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
  private static final Pattern OCTAL = Pattern.compile("[-+]?0o?[0-7_]+");
  private static final Pattern BINARY = Pattern.compile("[-+]?0b[01_]+");

  private final ReadContext ctx;
  private final String path;
  private final SourceNode node;
  private final Set<String> used = new HashSet<>();

  Section(ReadContext ctx, String path, SourceNode node) {
    this.ctx = ctx;
    this.path = path;
    this.node = node;
    ctx.locate(path, node.location());
    for (SourceNode.Entry e : node.entries().values()) {
      ctx.locate(pathOf(e.key()), e.keyLocation());
    }
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Whether {@code key} is written with a non-null value. */
  boolean has(String key) {
    SourceNode.Entry e = node.entries().get(key);
    return e != null && !e.value().isNull();
  }

  /** Whether {@code key} is written at all, even as null. */
  boolean mentions(String key) {
    return node.entries().containsKey(key);
  }

  private SourceNode value(String key) {
    used.add(key);
    SourceNode.Entry e = node.entries().get(key);
    return e == null || e.value().isNull() ? null : e.value();
  }

  private SourceLocation where(String key) {
    SourceNode.Entry e = node.entries().get(key);
    return e == null ? node.location() : e.keyLocation();
  }

  // ---- text ----------------------------------------------------------------------------------

  /** A text-like value: any scalar read as the text written ({@code port_spec: 64} is "64"). */
  Optional<String> text(String key) {
    SourceNode v = value(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isScalar()) {
      wrongType(key, v, "text");
      return Optional.empty();
    }
    return Optional.of(v.text());
  }

  String text(String key, String fallback) {
    return text(key).orElse(fallback);
  }

  /** The scalar text of {@code key} if it is a non-null scalar, without reporting anything. */
  Optional<String> peekText(String key) {
    SourceNode.Entry e = node.entries().get(key);
    return e == null || !e.value().isScalar() || e.value().isNull() ? Optional.empty() : Optional.of(e.value().text());
  }

  /** A required, non-blank text value; reports {@code missing_required} or {@code invalid_value}. */
  String requiredText(String key) {
    return requiredText(key, "missing_required");
  }

  /** Like {@link #requiredText(String)}, reporting {@code missingCode} when the key is absent. */
  String requiredText(String key, String missingCode) {
    if (!mentions(key) || node.entries().get(key).value().isNull()) {
      used.add(key);
      missing(key, missingCode);
      return "";
    }
    Optional<String> t = text(key);
    if (t.isPresent() && t.get().isBlank()) {
      ctx.error("invalid_value", where(key), pathOf(key), key + " is empty", "give " + key + " a value");
      return "";
    }
    return t.orElse("");
  }

  void missing(String key, String code) {
    String hint = path.isEmpty() ? "add a top-level " + key + ": section" : "add " + key + ": <value> to this entry";
    ctx.error(code, node.location(), pathOf(key), "required key '" + key + "' is missing", hint);
  }

  /** A list of text values; a single scalar is not accepted as a list. */
  List<String> texts(String key) {
    SourceNode v = value(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isSequence()) {
      wrongType(key, v, "a list of text values");
      return out;
    }
    for (int i = 0; i < v.items().size(); i++) {
      SourceNode item = v.items().get(i);
      String itemPath = pathOf(key) + "[" + i + "]";
      ctx.locate(itemPath, item.location());
      if (item.isScalar() && !item.isNull()) {
        out.add(item.text());
      } else {
        ctx.error("invalid_type", item.location(), itemPath, "expected text, found " + item.describe(), "write a plain value");
      }
    }
    return out;
  }

  // ---- numbers and booleans ------------------------------------------------------------------

  Optional<Integer> integer(String key) {
    SourceNode v = value(key);
    return v == null ? Optional.empty() : toInt(v, pathOf(key), where(key));
  }

  int integer(String key, int fallback) {
    return integer(key).orElse(fallback);
  }

  /** A required whole number; {@code missing_required} when the key is absent or null. */
  int requiredInt(String key) {
    if (!has(key)) {
      used.add(key);
      missing(key, "missing_required");
      return 0;
    }
    return integer(key).orElse(0);
  }

  /** A list of whole numbers. */
  List<Integer> ints(String key) {
    SourceNode v = value(key);
    List<Integer> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isSequence()) {
      wrongType(key, v, "a list of whole numbers");
      return out;
    }
    for (int i = 0; i < v.items().size(); i++) {
      SourceNode item = v.items().get(i);
      String itemPath = pathOf(key) + "[" + i + "]";
      ctx.locate(itemPath, item.location());
      toInt(item, itemPath, item.location()).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Integer> toInt(SourceNode v, String at, SourceLocation loc) {
    if (!v.isScalar() || v.scalarType() != SourceNode.ScalarType.INT) {
      ctx.error("invalid_type", loc, at, "expected a whole number, found " + v.describe(), "write a whole number without quotes, e.g. 4");
      return Optional.empty();
    }
    BigInteger value = parseYamlInt(v.text());
    if (value == null) {
      ctx.error("invalid_type", loc, at, "'" + v.text() + "' is not a whole number", "write a decimal number, e.g. 4");
      return Optional.empty();
    }
    if (value.bitLength() > 31) {
      ctx.error("invalid_value", loc, at, "number " + abbreviate(v.text()) + " is out of range", "use a number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
      return Optional.empty();
    }
    return Optional.of(value.intValue());
  }

  /** Integer text as YAML 1.1 (and JSON) write it: decimal, 0x hex, 0b binary, 0/0o octal, underscores. */
  static BigInteger parseYamlInt(String raw) {
    String t = raw.strip();
    if (t.length() > 10_000) {
      return null;
    }
    boolean negative = t.startsWith("-");
    String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    BigInteger magnitude;
    try {
      if (HEX.matcher(t).matches()) {
        magnitude = new BigInteger(unsigned.substring(2).replace("_", ""), 16);
      } else if (BINARY.matcher(t).matches()) {
        magnitude = new BigInteger(unsigned.substring(2).replace("_", ""), 2);
      } else if (OCTAL.matcher(t).matches() && unsigned.length() > 1 && unsigned.startsWith("0")) {
        String digits = unsigned.startsWith("0o") ? unsigned.substring(2) : unsigned.substring(1);
        magnitude = new BigInteger(digits.replace("_", "").isEmpty() ? "0" : digits.replace("_", ""), 8);
      } else if (DECIMAL.matcher(t).matches()) {
        magnitude = new BigInteger(unsigned.replace("_", ""));
      } else {
        return null;
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return negative ? magnitude.negate() : magnitude;
  }

  Optional<Boolean> bool(String key) {
    SourceNode v = value(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isScalar() || v.scalarType() != SourceNode.ScalarType.BOOL) {
      wrongType(key, v, "true or false");
      return Optional.empty();
    }
    String t = v.text().toLowerCase(java.util.Locale.ROOT);
    return Optional.of(t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y"));
  }

  boolean bool(String key, boolean fallback) {
    return bool(key).orElse(fallback);
  }

  // ---- enums ---------------------------------------------------------------------------------

  /** An optional enum value; blank means absent, anything else unknown is {@code invalid_enum}. */
  <E extends Enum<E> & WireEnum> Optional<E> enumValue(String key, Class<E> type) {
    Optional<String> t = text(key);
    if (t.isEmpty() || t.get().isBlank()) {
      return Optional.empty();
    }
    return parseEnum(t.get(), type, pathOf(key), where(key));
  }

  /** A required enum value. */
  <E extends Enum<E> & WireEnum> Optional<E> requiredEnum(String key, Class<E> type) {
    if (!has(key)) {
      used.add(key);
      missing(key, "missing_required");
      return Optional.empty();
    }
    Optional<E> e = enumValue(key, type);
    if (e.isEmpty() && peekText(key).map(String::isBlank).orElse(false)) {
      ctx.error("invalid_value", where(key), pathOf(key), key + " is empty", "use one of: " + WireEnum.choices(type));
    }
    return e;
  }

  /** A list of enum values. */
  <E extends Enum<E> & WireEnum> List<E> enumValues(String key, Class<E> type) {
    List<E> out = new ArrayList<>();
    List<String> words = texts(key);
    for (int i = 0; i < words.size(); i++) {
      String itemPath = pathOf(key) + "[" + i + "]";
      parseEnum(words.get(i), type, itemPath, ctx.locationOf(itemPath, where(key))).ifPresent(out::add);
    }
    return out;
  }

  <E extends Enum<E> & WireEnum> Optional<E> parseEnum(String word, Class<E> type, String at, SourceLocation loc) {
    Optional<E> e = WireEnum.parse(type, word.strip());
    if (e.isEmpty()) {
      ctx.error("invalid_enum", loc, at, "'" + abbreviate(word) + "' is not a valid value", "use one of: " + WireEnum.choices(type));
    }
    return e;
  }

  // ---- nesting -------------------------------------------------------------------------------

  /** A nested mapping, or empty when absent (a non-mapping is {@code invalid_type}). */
  Optional<Section> section(String key) {
    SourceNode v = value(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isMapping()) {
      wrongType(key, v, "a mapping of keys to values");
      return Optional.empty();
    }
    return Optional.of(new Section(ctx, pathOf(key), v));
  }

  /** A list of mappings, e.g. {@code switch_classes}; each entry located at {@code key[i]}. */
  List<Section> sections(String key) {
    SourceNode v = value(key);
    List<Section> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isSequence()) {
      wrongType(key, v, "a list of entries");
      return out;
    }
    for (int i = 0; i < v.items().size(); i++) {
      SourceNode item = v.items().get(i);
      String itemPath = pathOf(key) + "[" + i + "]";
      if (item.isMapping()) {
        out.add(new Section(ctx, itemPath, item));
      } else {
        ctx.locate(itemPath, item.location());
        ctx.error("invalid_type", item.location(), itemPath, "expected an entry with keys, found " + item.describe(), "write the entry as key: value pairs");
      }
    }
    return out;
  }

  /** A mapping of plain values (e.g. {@code attribute_data}); nested values become lists and maps. */
  Map<String, Object> plainMap(String key) {
    Optional<Section> s = section(key);
    Map<String, Object> out = new LinkedHashMap<>();
    s.ifPresent(sec -> {
      for (SourceNode.Entry e : sec.node.entries().values()) {
        sec.used.add(e.key());
        Object value = plainValue(e.value());
        if (value != null) {
          out.put(e.key(), value);
        }
      }
    });
    return out;
  }

  private static Object plainValue(SourceNode v) {
    if (v.isMapping()) {
      Map<String, Object> map = new LinkedHashMap<>();
      v.entries().values().forEach(e -> {
        Object inner = plainValue(e.value());
        if (inner != null) {
          map.put(e.key(), inner);
        }
      });
      return java.util.Collections.unmodifiableMap(map);
    }
    if (v.isSequence()) {
      List<Object> list = new ArrayList<>();
      v.items().forEach(i -> {
        Object inner = plainValue(i);
        if (inner != null) {
          list.add(inner);
        }
      });
      return java.util.Collections.unmodifiableList(list);
    }
    switch (v.scalarType()) {
      case NULL:
        return null;
      case BOOL:
        String t = v.text().toLowerCase(java.util.Locale.ROOT);
        return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
      case INT:
        BigInteger big = parseYamlInt(v.text());
        if (big == null) {
          return v.text();
        }
        return big.bitLength() <= 31 ? (Object) big.intValue() : big.bitLength() <= 63 ? (Object) big.longValue() : big;
      case FLOAT:
        try {
          return Double.valueOf(v.text().replace("_", ""));
        } catch (NumberFormatException e) {
          return v.text();
        }
      default:
        return v.text();
    }
  }

  // ---- keys that are not read ----------------------------------------------------------------

  /** Keys the format knows and deliberately ignores: accepted without a warning. */
  void ignore(String... keys) {
    for (String k : keys) {
      used.add(k);
    }
  }

  /** A key that is accepted but has no effect; warned about so the author knows. */
  void ignoreWithWarning(String key, String why, String hint) {
    if (mentions(key)) {
      used.add(key);
      ctx.warning("ignored_key", where(key), pathOf(key), why, hint);
    }
  }

  /** A key that was removed from the format: {@code deprecated_key} error naming its replacement. */
  void rejectDeprecated(String key, String replacement) {
    if (mentions(key)) {
      used.add(key);
      ctx.error("deprecated_key", where(key), pathOf(key), "'" + key + "' is no longer supported", "use " + replacement + " instead");
    }
  }

  /** Warns about every key nobody read: typos and keys this version does not know. */
  void finish() {
    for (SourceNode.Entry e : node.entries().values()) {
      if (!used.contains(e.key())) {
        ctx.warning("unknown_key", e.keyLocation(), pathOf(e.key()), "unknown key '" + abbreviate(e.key()) + "' is ignored", "check the spelling; see the plan format for the keys of this entry");
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  SourceLocation locationOf(String key) {
    return where(key);
  }

  private void wrongType(String key, SourceNode v, String expected) {
    ctx.error("invalid_type", where(key), pathOf(key), key + " must be " + expected + ", found " + v.describe(), "write " + key + " as " + expected);
  }

  static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
