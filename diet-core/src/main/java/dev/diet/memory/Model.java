package dev.diet.memory;

import dev.diet.state.Fields;
import dev.diet.state.ObjectKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tables of the in-memory NetBox and their columns, with NetBox's defaults. */
enum Model {
  SITE(ObjectKind.SITE, "dcim.site",
      req(Fields.NAME), req(Fields.SLUG), text(Fields.STATUS, "active"), text(Fields.DESCRIPTION, "")),
  MANUFACTURER(ObjectKind.MANUFACTURER, "dcim.manufacturer",
      req(Fields.NAME), req(Fields.SLUG), text(Fields.DESCRIPTION, "")),
  DEVICE_ROLE(ObjectKind.DEVICE_ROLE, "dcim.devicerole",
      req(Fields.NAME), req(Fields.SLUG), text(Fields.COLOR, "9e9e9e"), text(Fields.DESCRIPTION, "")),
  TAG(ObjectKind.TAG, "extras.tag",
      req(Fields.NAME), req(Fields.SLUG), text(Fields.COLOR, "9e9e9e"), text(Fields.DESCRIPTION, "")),
  CUSTOM_FIELD(ObjectKind.CUSTOM_FIELD, "extras.customfield",
      req(Fields.NAME), req(Fields.CF_TYPE), req(Fields.CF_OBJECT_TYPES), text(Fields.DESCRIPTION, "")),
  DEVICE_TYPE(ObjectKind.DEVICE_TYPE, "dcim.devicetype",
      ref(Fields.MANUFACTURER, ObjectKind.MANUFACTURER, true), req(Fields.MODEL), req(Fields.SLUG),
      integer(Fields.U_HEIGHT, 1), bool(Fields.IS_FULL_DEPTH, true), text(Fields.INTERFACE_TEMPLATES, ""),
      text(Fields.DESCRIPTION, "")),
  MODULE_TYPE(ObjectKind.MODULE_TYPE, "dcim.moduletype",
      ref(Fields.MANUFACTURER, ObjectKind.MANUFACTURER, true), req(Fields.MODEL), text(Fields.PROFILE, null),
      text(Fields.INTERFACE_TEMPLATES, ""), text(Fields.DESCRIPTION, "")),
  DEVICE(ObjectKind.DEVICE, "dcim.device",
      text(Fields.NAME, null), ref(Fields.SITE, ObjectKind.SITE, true), ref(Fields.ROLE, ObjectKind.DEVICE_ROLE, true),
      ref(Fields.DEVICE_TYPE, ObjectKind.DEVICE_TYPE, true), text(Fields.STATUS, "active"), text(Fields.SERIAL, ""),
      text("asset_tag", null), text(Fields.DESCRIPTION, ""), text("comments", "")),
  MODULE_BAY(ObjectKind.MODULE_BAY, "dcim.modulebay",
      ref(Fields.DEVICE, ObjectKind.DEVICE, true), req(Fields.NAME), text(Fields.LABEL, ""), text("position", ""),
      text(Fields.DESCRIPTION, "")),
  MODULE(ObjectKind.MODULE, "dcim.module",
      ref(Fields.DEVICE, ObjectKind.DEVICE, true), ref(Fields.MODULE_BAY, ObjectKind.MODULE_BAY, true),
      ref(Fields.MODULE_TYPE, ObjectKind.MODULE_TYPE, true), text(Fields.STATUS, "active"), text(Fields.SERIAL, ""),
      text("asset_tag", null), text(Fields.DESCRIPTION, "")),
  INTERFACE(ObjectKind.INTERFACE, "dcim.interface",
      ref(Fields.DEVICE, ObjectKind.DEVICE, true), ref(Fields.MODULE, ObjectKind.MODULE, false), req(Fields.NAME),
      req(Fields.TYPE), bool(Fields.ENABLED, true), text(Fields.LABEL, ""), integer("mtu", null),
      text(Fields.DESCRIPTION, "")),
  CABLE(ObjectKind.CABLE, "dcim.cable",
      ref(Fields.A_END, ObjectKind.INTERFACE, true), ref(Fields.B_END, ObjectKind.INTERFACE, true),
      text(Fields.STATUS, "connected"), text(Fields.TYPE, ""), text(Fields.LABEL, ""), text(Fields.COLOR, ""),
      integer("length", null), text(Fields.DESCRIPTION, "")),
  IP_ADDRESS(null, "ipam.ipaddress",
      req("address"), text(Fields.STATUS, "active"), ref("assigned_interface", ObjectKind.INTERFACE, false),
      text(Fields.DESCRIPTION, ""));

  /** Type of a column's values; references hold the target row's id as a Long. */
  enum Type {
    STRING,
    INTEGER,
    BOOLEAN,
    REF
  }

  /** One column: its name, type, the kind a reference points at, whether it is required, its default. */
  static final class Column {
    final String name;
    final Type type;
    final ObjectKind target;
    final boolean required;
    final Object defaultValue;

    Column(String name, Type type, ObjectKind target, boolean required, Object defaultValue) {
      this.name = name;
      this.type = type;
      this.target = target;
      this.required = required;
      this.defaultValue = defaultValue;
    }
  }

  private final ObjectKind kind;
  private final String contentType;
  private final Map<String, Column> columns;

  Model(ObjectKind kind, String contentType, Column... columns) {
    this.kind = kind;
    this.contentType = contentType;
    Map<String, Column> m = new LinkedHashMap<>();
    for (Column c : columns) {
      m.put(c.name, c);
    }
    this.columns = Collections.unmodifiableMap(m);
  }

  ObjectKind kind() {
    return kind;
  }

  String contentType() {
    return contentType;
  }

  Map<String, Column> columns() {
    return columns;
  }

  Column column(String name) {
    return columns.get(name);
  }

  boolean isReference() {
    return kind != null && kind.isReference();
  }

  /** Tables whose rows may carry DIET's ownership mark. */
  boolean isOwnable() {
    return kind != null && !kind.isReference();
  }

  static Model of(ObjectKind kind) {
    return valueOf(kind.name());
  }

  private static Column req(String name) {
    return new Column(name, Type.STRING, null, true, null);
  }

  private static Column text(String name, String defaultValue) {
    return new Column(name, Type.STRING, null, false, defaultValue);
  }

  private static Column integer(String name, Integer defaultValue) {
    return new Column(name, Type.INTEGER, null, false, defaultValue);
  }

  private static Column bool(String name, Boolean defaultValue) {
    return new Column(name, Type.BOOLEAN, null, false, defaultValue);
  }

  private static Column ref(String name, ObjectKind target, boolean required) {
    return new Column(name, Type.REF, target, required, null);
  }
}
