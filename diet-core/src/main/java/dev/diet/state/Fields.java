package dev.diet.state;

/**
 * Field names of the desired-state vocabulary. They follow NetBox's API field names; custom fields
 * are {@code cf.<name>}. Values are {@code String}, {@code Integer}, {@code Boolean}, {@link Ref}
 * or {@code null}.
 */
public final class Fields {
  public static final String NAME = "name";
  public static final String SLUG = "slug";
  public static final String STATUS = "status";
  public static final String SITE = "site";
  public static final String ROLE = "role";
  public static final String DEVICE_TYPE = "device_type";
  public static final String MODULE_TYPE = "module_type";
  public static final String MANUFACTURER = "manufacturer";
  public static final String MODEL = "model";
  public static final String PROFILE = "profile";
  public static final String U_HEIGHT = "u_height";
  public static final String IS_FULL_DEPTH = "is_full_depth";
  public static final String COLOR = "color";
  /** Device-type and module-type interface templates, as {@code name=type} lines joined by newlines. */
  public static final String INTERFACE_TEMPLATES = "interface_templates";
  public static final String DEVICE = "device";
  public static final String MODULE_BAY = "module_bay";
  public static final String MODULE = "module";
  public static final String LABEL = "label";
  /** Free text people write; DIET never manages it, observe reports it so edits show as unmanaged changes. */
  public static final String DESCRIPTION = "description";
  public static final String SERIAL = "serial";
  public static final String TYPE = "type";
  public static final String ENABLED = "enabled";
  /** Cable end A: a {@link Ref} to an interface. */
  public static final String A_END = "a_end";
  /** Cable end B: a {@link Ref} to an interface. */
  public static final String B_END = "b_end";
  /** Custom-field definition: the data type ({@code text}, {@code integer}, {@code json}). */
  public static final String CF_TYPE = "cf_type";
  /** Custom-field definition: the content types it applies to, comma separated. */
  public static final String CF_OBJECT_TYPES = "object_types";

  /** Prefix of custom-field values, e.g. {@code cf.hedgehog_class}. */
  public static final String CUSTOM_FIELD_PREFIX = "cf.";

  private Fields() {}

  public static String customField(String name) {
    return CUSTOM_FIELD_PREFIX + name;
  }

  public static boolean isCustomField(String field) {
    return field.startsWith(CUSTOM_FIELD_PREFIX);
  }
}
