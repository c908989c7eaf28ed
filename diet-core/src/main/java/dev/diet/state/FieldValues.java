package dev.diet.state;

import java.util.Map;

/** Rules for the values a managed field may hold, shared by desired and observed state. */
public final class FieldValues {
  private FieldValues() {}

  /** Checks every value is a String, Integer, Boolean, {@link Ref} or null. */
  public static <M extends Map<String, ?>> M checkAll(M fields) {
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      check(e.getKey(), e.getValue());
    }
    return fields;
  }

  /** Checks one value of field {@code name} is a String, Integer, Boolean, {@link Ref} or null. */
  public static void check(String name, Object v) {
    if (v != null && !(v instanceof String || v instanceof Integer || v instanceof Boolean || v instanceof Ref)) {
      throw new IllegalArgumentException(
          "field " + name + " has a value of type " + v.getClass().getName() + "; only String, Integer, Boolean, Ref or null");
    }
  }

  /** Canonical text of a value, used in previews and fingerprints: {@code null}, quoted strings, refs as {@code @key}. */
  public static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return '"' + ((String) value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return value.toString();
  }
}
