package dev.diet.netbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.diff.Ownership;
import dev.diet.spi.OwnershipCodec;
import dev.diet.spi.OwnershipFields;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The desired-state vocabulary in NetBox's REST JSON: endpoints per kind, the fields observe
 * reports, request payloads (references as ids, custom fields, cable terminations) and values read
 * back from responses (choices, nested objects, decimals).
 */
final class Wire {
  static final String INTERFACE_TEMPLATES = "api/dcim/interface-templates/";
  static final String IP_ADDRESSES = "api/ipam/ip-addresses/";
  static final String STATUS = "api/status/";
  static final Set<String> OWNERSHIP = Set.of(OwnershipFields.PLAN, OwnershipFields.KEY, OwnershipFields.STATE);
  static final List<ObjectKind> OWNABLE =
      List.of(ObjectKind.DEVICE, ObjectKind.MODULE_BAY, ObjectKind.MODULE, ObjectKind.INTERFACE, ObjectKind.CABLE);

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Map<ObjectKind, String> ENDPOINTS = new EnumMap<>(ObjectKind.class);
  private static final Map<ObjectKind, List<String>> OBSERVED = new EnumMap<>(ObjectKind.class);

  static {
    endpoint(ObjectKind.SITE, "api/dcim/sites/", Fields.NAME, Fields.SLUG, Fields.STATUS, Fields.DESCRIPTION);
    endpoint(ObjectKind.MANUFACTURER, "api/dcim/manufacturers/", Fields.NAME, Fields.SLUG, Fields.DESCRIPTION);
    endpoint(ObjectKind.DEVICE_ROLE, "api/dcim/device-roles/", Fields.NAME, Fields.SLUG, Fields.COLOR, Fields.DESCRIPTION);
    endpoint(ObjectKind.TAG, "api/extras/tags/", Fields.NAME, Fields.SLUG, Fields.COLOR, Fields.DESCRIPTION);
    endpoint(ObjectKind.CUSTOM_FIELD, "api/extras/custom-fields/", Fields.NAME, Fields.CF_TYPE, Fields.CF_OBJECT_TYPES, Fields.DESCRIPTION);
    endpoint(ObjectKind.DEVICE_TYPE, "api/dcim/device-types/", Fields.MANUFACTURER, Fields.MODEL, Fields.SLUG, Fields.U_HEIGHT,
        Fields.IS_FULL_DEPTH, Fields.INTERFACE_TEMPLATES, Fields.DESCRIPTION);
    endpoint(ObjectKind.MODULE_TYPE, "api/dcim/module-types/", Fields.MANUFACTURER, Fields.MODEL, Fields.PROFILE,
        Fields.INTERFACE_TEMPLATES, Fields.DESCRIPTION);
    endpoint(ObjectKind.DEVICE, "api/dcim/devices/", Fields.NAME, Fields.SITE, Fields.ROLE, Fields.DEVICE_TYPE, Fields.STATUS,
        Fields.SERIAL, "asset_tag", Fields.DESCRIPTION, "comments");
    endpoint(ObjectKind.MODULE_BAY, "api/dcim/module-bays/", Fields.DEVICE, Fields.NAME, Fields.LABEL, "position", Fields.DESCRIPTION);
    endpoint(ObjectKind.MODULE, "api/dcim/modules/", Fields.DEVICE, Fields.MODULE_BAY, Fields.MODULE_TYPE, Fields.STATUS,
        Fields.SERIAL, "asset_tag", Fields.DESCRIPTION);
    endpoint(ObjectKind.INTERFACE, "api/dcim/interfaces/", Fields.DEVICE, Fields.MODULE, Fields.NAME, Fields.TYPE, Fields.ENABLED,
        Fields.LABEL, "mtu", Fields.DESCRIPTION);
    endpoint(ObjectKind.CABLE, "api/dcim/cables/", Fields.A_END, Fields.B_END, Fields.STATUS, Fields.TYPE, Fields.LABEL,
        Fields.COLOR, "length", Fields.DESCRIPTION);
  }

  private Wire() {}

  private static void endpoint(ObjectKind kind, String path, String... observed) {
    ENDPOINTS.put(kind, path);
    OBSERVED.put(kind, List.of(observed));
  }

  static String endpoint(ObjectKind kind) {
    return ENDPOINTS.get(kind);
  }

  /** Fields observe reports for a kind (besides custom fields). */
  static List<String> observedFields(ObjectKind kind) {
    return OBSERVED.get(kind);
  }

  /** Kinds whose fields hold a reference of this name. */
  static ObjectKind refKind(String field) {
    switch (field) {
      case Fields.SITE:
        return ObjectKind.SITE;
      case Fields.ROLE:
        return ObjectKind.DEVICE_ROLE;
      case Fields.MANUFACTURER:
        return ObjectKind.MANUFACTURER;
      case Fields.DEVICE_TYPE:
        return ObjectKind.DEVICE_TYPE;
      case Fields.MODULE_TYPE:
        return ObjectKind.MODULE_TYPE;
      case Fields.DEVICE:
        return ObjectKind.DEVICE;
      case Fields.MODULE_BAY:
        return ObjectKind.MODULE_BAY;
      case Fields.MODULE:
        return ObjectKind.MODULE;
      case Fields.A_END:
      case Fields.B_END:
        return ObjectKind.INTERFACE;
      default:
        return null;
    }
  }

  // ---- writing -------------------------------------------------------------------------------

  /** Thrown when a reference's target has no NetBox id (it was not created). */
  static final class Unresolved extends RuntimeException {
    final ObjectKey key;

    Unresolved(ObjectKey key) {
      super(key.toString(), null, false, false);
      this.key = key;
    }
  }

  /**
   * The request body for these fields; {@code ids} gives the NetBox id of a referenced key (null
   * when unknown, which throws {@link Unresolved}). Interface templates are left out (their own endpoint).
   */
  static ObjectNode payload(ObjectKind kind, Map<String, Object> fields, Function<ObjectKey, Long> ids) {
    ObjectNode out = F.objectNode();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      String field = e.getKey();
      Object v = e.getValue();
      if (Fields.isCustomField(field)) {
        out.withObjectProperty("custom_fields").set(field.substring(Fields.CUSTOM_FIELD_PREFIX.length()), OwnershipCodec.valueNode(v));
      } else if (field.equals(Fields.INTERFACE_TEMPLATES)) {
        continue;
      } else if (field.equals(Fields.CF_TYPE)) {
        out.set("type", OwnershipCodec.valueNode(v));
      } else if (field.equals(Fields.CF_OBJECT_TYPES)) {
        ArrayNode types = out.putArray("object_types");
        if (v != null) {
          Arrays.stream(((String) v).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(types::add);
        }
      } else if (field.equals(Fields.A_END) || field.equals(Fields.B_END)) {
        ArrayNode ends = out.putArray(field.equals(Fields.A_END) ? "a_terminations" : "b_terminations");
        ends.addObject().put("object_type", ObjectKind.INTERFACE.contentType()).put("object_id", id((Ref) v, ids));
      } else if (field.equals(Fields.PROFILE)) {
        out.set(field, v == null ? F.nullNode() : F.objectNode().put("name", (String) v));
      } else if (v instanceof Ref) {
        out.put(field, id((Ref) v, ids));
      } else {
        out.set(field, OwnershipCodec.valueNode(v));
      }
    }
    if (kind == ObjectKind.MODULE) {
      out.put("replicate_components", false);
    }
    if (kind == ObjectKind.CUSTOM_FIELD && OWNERSHIP.contains(String.valueOf(fields.get(Fields.NAME)))) {
      // NetBox filters custom fields "loose" (contains, ignoring case) unless told otherwise.
      out.put("filter_logic", "exact");
    }
    return out;
  }

  /** The three ownership custom fields for a mark, or cleared (null) when {@code ownership} is null. */
  static void mark(ObjectNode payload, Ownership ownership) {
    ObjectNode cf = payload.withObjectProperty("custom_fields");
    if (ownership == null) {
      OWNERSHIP.forEach(cf::putNull);
    } else {
      cf.put(OwnershipFields.PLAN, ownership.planId());
      cf.put(OwnershipFields.KEY, ownership.key().toString());
      cf.set(OwnershipFields.STATE, OwnershipCodec.toNode(ownership));
    }
  }

  static ArrayNode tags(Set<String> slugs) {
    ArrayNode out = F.arrayNode();
    slugs.forEach(s -> out.addObject().put("slug", s));
    return out;
  }

  private static long id(Ref ref, Function<ObjectKey, Long> ids) {
    Long id = ids.apply(ref.key());
    if (id == null) {
      throw new Unresolved(ref.key());
    }
    return id;
  }

  /** Interface templates as NetBox objects: {@code name=type} lines for the type with this id. */
  static List<ObjectNode> templates(String text, String typeField, long typeId) {
    List<ObjectNode> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String line : text.split("\n")) {
      int eq = line.lastIndexOf('=');
      if (eq > 0) {
        out.add(F.objectNode().put(typeField, typeId).put("name", line.substring(0, eq)).put("type", line.substring(eq + 1)));
      }
    }
    return out;
  }

  // ---- reading -------------------------------------------------------------------------------

  /** A plain value from a response: choices by value, decimals as integers when whole. */
  static Object value(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isObject() && v.has("value")) {
      return value(v.get("value"));
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.asInt();
    }
    if (v.isNumber()) {
      double d = v.asDouble();
      return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? Integer.valueOf((int) d) : v.asText();
    }
    return v.toString();
  }

  /** A custom field's value as the vocabulary holds it. */
  static Object customValue(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual() || v.isBoolean() || (v.isIntegralNumber() && v.canConvertToInt())) {
      return value(v);
    }
    return v.toString();
  }

  /** The natural key of reference data from its (full or nested) JSON. */
  static String naturalKey(ObjectKind kind, JsonNode n) {
    switch (kind) {
      case CUSTOM_FIELD:
        return n.path("name").asText();
      case MODULE_TYPE:
        return n.path("manufacturer").path("slug").asText() + "/" + n.path("model").asText();
      default:
        return n.path("slug").asText();
    }
  }

  /** Custom-field values of an object, ownership fields left out, nulls dropped. */
  static void customFields(JsonNode obj, Map<String, Object> into) {
    JsonNode cf = obj.path("custom_fields");
    for (Map.Entry<String, JsonNode> e : cf.properties()) {
      if (!OWNERSHIP.contains(e.getKey()) && !e.getValue().isNull()) {
        into.put(Fields.customField(e.getKey()), customValue(e.getValue()));
      }
    }
  }

  static Set<String> tagSlugs(JsonNode obj) {
    Set<String> out = new TreeSet<>();
    obj.path("tags").forEach(t -> out.add(t.path("slug").asText()));
    return out;
  }

  /** The object's ownership mark, or null when it carries none. */
  static Ownership ownership(JsonNode obj) {
    JsonNode cf = obj.path("custom_fields");
    String plan = cf.path(OwnershipFields.PLAN).asText("");
    String key = cf.path(OwnershipFields.KEY).asText("");
    if (plan.isEmpty() || key.isEmpty() || cf.path(OwnershipFields.PLAN).isNull()) {
      return null;
    }
    JsonNode state = cf.path(OwnershipFields.STATE);
    if (state.isTextual()) {
      return OwnershipCodec.fromJson(plan, key, state.asText());
    }
    return OwnershipCodec.fromNode(plan, key, state.isObject() ? state : null);
  }

  /** The {@code diet_key} an object carries, or null. */
  static String carriedKey(JsonNode obj) {
    JsonNode k = obj.path("custom_fields").path(OwnershipFields.KEY);
    return k.isTextual() && !k.asText().isEmpty() ? k.asText() : null;
  }

  static String carriedPlan(JsonNode obj) {
    JsonNode k = obj.path("custom_fields").path(OwnershipFields.PLAN);
    return k.isTextual() && !k.asText().isEmpty() ? k.asText() : null;
  }
}
