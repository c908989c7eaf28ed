package dev.diet.netbox.jdbc;

import dev.diet.state.Fields;
import dev.diet.state.ObjectKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the desired-state vocabulary maps onto NetBox's tables: per kind, its table and content type,
 * and per field its column, value type, the kind a reference points at, whether it is required and
 * the value NetBox gives it when unset. Fields marked {@code special} live outside the row
 * (templates, object types, cable ends, module-type profile).
 */
final class Vocab {
  /** Value type of a field. */
  enum Type {
    TEXT,
    INTEGER,
    BOOLEAN,
    REF
  }

  /** One field of a kind. */
  static final class Field {
    final String name;
    final String column;
    final Type type;
    final ObjectKind target;
    final boolean required;
    final Object defaultValue;
    final boolean special;

    Field(String name, String column, Type type, ObjectKind target, boolean required, Object defaultValue, boolean special) {
      this.name = name;
      this.column = column;
      this.type = type;
      this.target = target;
      this.required = required;
      this.defaultValue = defaultValue;
      this.special = special;
    }
  }

  private static final Map<ObjectKind, Map<String, Field>> FIELDS = new EnumMap<>(ObjectKind.class);
  private static final Map<ObjectKind, String> TABLES = new EnumMap<>(ObjectKind.class);

  static {
    kind(ObjectKind.SITE, "dcim_site", req(Fields.NAME), req(Fields.SLUG), text(Fields.STATUS, "active"), text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.MANUFACTURER, "dcim_manufacturer", req(Fields.NAME), req(Fields.SLUG), text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.DEVICE_ROLE, "dcim_devicerole", req(Fields.NAME), req(Fields.SLUG), text(Fields.COLOR, "9e9e9e"),
        text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.TAG, "extras_tag", req(Fields.NAME), req(Fields.SLUG), text(Fields.COLOR, "9e9e9e"), text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.CUSTOM_FIELD, "extras_customfield", req(Fields.NAME),
        new Field(Fields.CF_TYPE, "type", Type.TEXT, null, true, null, false),
        new Field(Fields.CF_OBJECT_TYPES, null, Type.TEXT, null, true, null, true), text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.DEVICE_TYPE, "dcim_devicetype", ref(Fields.MANUFACTURER, ObjectKind.MANUFACTURER, true), req(Fields.MODEL),
        req(Fields.SLUG), new Field(Fields.U_HEIGHT, Fields.U_HEIGHT, Type.INTEGER, null, false, 1, false),
        new Field(Fields.IS_FULL_DEPTH, Fields.IS_FULL_DEPTH, Type.BOOLEAN, null, false, true, false), templates(),
        text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.MODULE_TYPE, "dcim_moduletype", ref(Fields.MANUFACTURER, ObjectKind.MANUFACTURER, true), req(Fields.MODEL),
        new Field(Fields.PROFILE, null, Type.TEXT, null, false, null, true), templates(), text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.DEVICE, "dcim_device", text(Fields.NAME, null), ref(Fields.SITE, ObjectKind.SITE, true),
        ref(Fields.ROLE, ObjectKind.DEVICE_ROLE, true), ref(Fields.DEVICE_TYPE, ObjectKind.DEVICE_TYPE, true),
        text(Fields.STATUS, "active"), text(Fields.SERIAL, ""), text("asset_tag", null), text(Fields.DESCRIPTION, ""),
        text("comments", ""));
    kind(ObjectKind.MODULE_BAY, "dcim_modulebay", ref(Fields.DEVICE, ObjectKind.DEVICE, true), req(Fields.NAME),
        text(Fields.LABEL, ""), text("position", ""), text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.MODULE, "dcim_module", ref(Fields.DEVICE, ObjectKind.DEVICE, true), ref(Fields.MODULE_BAY, ObjectKind.MODULE_BAY, true),
        ref(Fields.MODULE_TYPE, ObjectKind.MODULE_TYPE, true), text(Fields.STATUS, "active"), text(Fields.SERIAL, ""),
        text("asset_tag", null), text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.INTERFACE, "dcim_interface", ref(Fields.DEVICE, ObjectKind.DEVICE, true), ref(Fields.MODULE, ObjectKind.MODULE, false),
        req(Fields.NAME), req(Fields.TYPE), new Field(Fields.ENABLED, Fields.ENABLED, Type.BOOLEAN, null, false, true, false),
        text(Fields.LABEL, ""), new Field("mtu", "mtu", Type.INTEGER, null, false, null, false), text(Fields.DESCRIPTION, ""));
    kind(ObjectKind.CABLE, "dcim_cable", new Field(Fields.A_END, null, Type.REF, ObjectKind.INTERFACE, true, null, true),
        new Field(Fields.B_END, null, Type.REF, ObjectKind.INTERFACE, true, null, true), text(Fields.STATUS, "connected"),
        text(Fields.TYPE, ""), text(Fields.LABEL, ""), text(Fields.COLOR, ""),
        new Field("length", "length", Type.INTEGER, null, false, null, false), text(Fields.DESCRIPTION, ""));
  }

  private Vocab() {}

  static Map<String, Field> fields(ObjectKind kind) {
    return FIELDS.get(kind);
  }

  static Field field(ObjectKind kind, String name) {
    return FIELDS.get(kind).get(name);
  }

  static String table(ObjectKind kind) {
    return TABLES.get(kind);
  }

  private static void kind(ObjectKind kind, String table, Field... fields) {
    Map<String, Field> m = new LinkedHashMap<>();
    for (Field f : fields) {
      m.put(f.name, f);
    }
    FIELDS.put(kind, Collections.unmodifiableMap(m));
    TABLES.put(kind, table);
  }

  private static Field req(String name) {
    return new Field(name, name, Type.TEXT, null, true, null, false);
  }

  private static Field text(String name, String defaultValue) {
    return new Field(name, name, Type.TEXT, null, false, defaultValue, false);
  }

  private static Field ref(String name, ObjectKind target, boolean required) {
    return new Field(name, name + "_id", Type.REF, target, required, null, false);
  }

  private static Field templates() {
    return new Field(Fields.INTERFACE_TEMPLATES, null, Type.TEXT, null, false, "", true);
  }
}
