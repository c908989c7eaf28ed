package dev.diet.netbox.rest.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates, updates and deletes stored objects with NetBox's rules: required fields and defaults,
 * related objects that must exist, uniqueness, tags and custom fields that must be defined, one
 * cable per interface, module bays on the module's device, interface templates instantiated when
 * a device (or a module, unless {@code replicate_components} is false) is created, and the
 * cascades of a delete. Errors are {@link Invalid} (per object) or {@link ApiError}.
 */
final class Writer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Schema schema;
  private final Database db;

  Writer(Schema schema, Database db) {
    this.schema = schema;
    this.db = db;
  }

  ObjectNode create(Resource r, JsonNode in) {
    if (!in.isObject()) {
      throw Invalid.of("non_field_errors", "Invalid data. Expected a dictionary, but got " + in.getNodeType() + ".");
    }
    ObjectNode rec = F.objectNode();
    rec.put("id", 0L);
    ObjectNode errors = F.objectNode();
    for (Resource.Field f : r.fields.values()) {
      if (in.has(f.name)) {
        put(rec, f, in.get(f.name), errors);
      } else if (f.required) {
        errors.putArray(f.name).add("This field is required.");
      } else {
        rec.set(f.name, defaultNode(f));
      }
    }
    if (r.tagged) {
      rec.set("tags", tags(in.get("tags"), errors));
      rec.set("custom_fields", customFields(r, F.objectNode(), in.get("custom_fields"), errors));
    }
    if (r.path.equals(Schema.CABLES)) {
      rec.set("a_terminations", terminations(in.get("a_terminations"), "a_terminations", errors));
      rec.set("b_terminations", terminations(in.get("b_terminations"), "b_terminations", errors));
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    checkRules(r, rec);
    rec.put("id", db.nextId(r.path));
    String now = Instant.now().toString();
    rec.put("created", now);
    rec.put("last_updated", now);
    db.put(r.path, rec);
    afterCreate(r, rec, in);
    return rec;
  }

  ObjectNode update(Resource r, long id, JsonNode in) {
    ObjectNode current = db.get(r.path, id);
    if (current == null) {
      throw Invalid.of("id", "No " + r.label() + " matches the given query (id " + id + ").");
    }
    ObjectNode rec = current.deepCopy();
    ObjectNode errors = F.objectNode();
    for (Resource.Field f : r.fields.values()) {
      if (in.has(f.name)) {
        put(rec, f, in.get(f.name), errors);
      }
    }
    if (r.tagged) {
      if (in.has("tags")) {
        rec.set("tags", tags(in.get("tags"), errors));
      }
      if (in.has("custom_fields")) {
        rec.set("custom_fields", customFields(r, rec.withObjectProperty("custom_fields"), in.get("custom_fields"), errors));
      }
    }
    if (r.path.equals(Schema.CABLES) && (in.has("a_terminations") || in.has("b_terminations"))) {
      errors.putArray("non_field_errors").add("Changing a cable's terminations in place is not supported by this test server.");
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    checkRules(r, rec);
    rec.put("last_updated", Instant.now().toString());
    db.put(r.path, rec);
    return rec;
  }

  /** Deletes an object with NetBox's cascades; reference data in use is refused with 409. */
  void delete(Resource r, long id) {
    ObjectNode rec = db.get(r.path, id);
    if (rec == null) {
      return;
    }
    switch (r.path) {
      case Schema.DEVICES:
        for (ObjectNode m : children(Schema.MODULES, "device", id)) {
          delete(schema.get(Schema.MODULES), m.get("id").asLong());
        }
        for (ObjectNode i : children(Schema.INTERFACES, "device", id)) {
          delete(schema.get(Schema.INTERFACES), i.get("id").asLong());
        }
        for (ObjectNode b : children(Schema.MODULE_BAYS, "device", id)) {
          db.remove(Schema.MODULE_BAYS, b.get("id").asLong());
        }
        break;
      case Schema.MODULE_BAYS:
        for (ObjectNode m : children(Schema.MODULES, "module_bay", id)) {
          delete(schema.get(Schema.MODULES), m.get("id").asLong());
        }
        break;
      case Schema.MODULES:
        for (ObjectNode i : children(Schema.INTERFACES, "module", id)) {
          delete(schema.get(Schema.INTERFACES), i.get("id").asLong());
        }
        break;
      case Schema.INTERFACES:
        if (rec.hasNonNull("cable")) {
          delete(schema.get(Schema.CABLES), rec.get("cable").asLong());
        }
        for (ObjectNode ip : children(Schema.IP_ADDRESSES, "assigned_object_id", id)) {
          db.remove(Schema.IP_ADDRESSES, ip.get("id").asLong());
        }
        break;
      case Schema.CABLES:
        for (String side : List.of("a_terminations", "b_terminations")) {
          for (JsonNode end : rec.withArray(side)) {
            ObjectNode iface = db.get(Schema.INTERFACES, end.asLong());
            if (iface != null) {
              ObjectNode copy = iface.deepCopy();
              copy.putNull("cable");
              copy.put("cable_end", "");
              db.put(Schema.INTERFACES, copy);
            }
          }
        }
        break;
      case Schema.DEVICE_TYPES:
        for (ObjectNode t : children(Schema.INTERFACE_TEMPLATES, "device_type", id)) {
          db.remove(Schema.INTERFACE_TEMPLATES, t.get("id").asLong());
        }
        refuseIfUsed(r, id);
        break;
      case Schema.MODULE_TYPES:
        for (ObjectNode t : children(Schema.INTERFACE_TEMPLATES, "module_type", id)) {
          db.remove(Schema.INTERFACE_TEMPLATES, t.get("id").asLong());
        }
        refuseIfUsed(r, id);
        break;
      default:
        refuseIfUsed(r, id);
        break;
    }
    db.remove(r.path, id);
  }

  private void refuseIfUsed(Resource r, long id) {
    for (Resource other : schema.all()) {
      for (Resource.Field f : other.fields.values()) {
        if (f.type == Resource.Type.FK && f.target.equals(r.path) && !children(other.path, f.name, id).isEmpty()) {
          throw ApiError.detail(409, "Unable to delete object. " + other.label() + " objects depend on this " + r.label() + ".");
        }
      }
    }
  }

  private List<ObjectNode> children(String path, String field, long id) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode rec : db.all(path)) {
      JsonNode v = rec.get(field);
      if (v != null && !v.isNull() && v.asLong() == id) {
        out.add(rec);
      }
    }
    return out;
  }

  private void put(ObjectNode rec, Resource.Field f, JsonNode v, ObjectNode errors) {
    if (v == null || v.isNull()) {
      if (f.required) {
        errors.putArray(f.name).add("This field may not be null.");
      } else {
        rec.putNull(f.name);
      }
      return;
    }
    switch (f.type) {
      case TEXT:
      case CHOICE:
        if (!v.isTextual()) {
          errors.putArray(f.name).add("Not a valid string.");
        } else if (f.required && v.asText().isEmpty()) {
          errors.putArray(f.name).add("This field may not be blank.");
        } else {
          rec.put(f.name, v.asText());
        }
        break;
      case INTEGER:
        if (!v.canConvertToInt()) {
          errors.putArray(f.name).add("A valid integer is required.");
        } else {
          rec.put(f.name, v.asInt());
        }
        break;
      case DECIMAL:
        if (!v.isNumber()) {
          errors.putArray(f.name).add("A valid number is required.");
        } else {
          rec.put(f.name, v.asDouble());
        }
        break;
      case BOOLEAN:
        if (!v.isBoolean()) {
          errors.putArray(f.name).add("Must be a valid boolean.");
        } else {
          rec.put(f.name, v.asBoolean());
        }
        break;
      case FK:
        Long id = lookup(schema.get(f.target), v);
        if (id == null) {
          errors.putArray(f.name).add("Related object not found using the provided attributes: " + v);
        } else {
          rec.put(f.name, id);
        }
        break;
      case STRING_LIST:
        if (!v.isArray()) {
          errors.putArray(f.name).add("Expected a list of items.");
        } else {
          rec.set(f.name, v.deepCopy());
        }
        break;
      case NAMED:
        rec.put(f.name, v.isObject() ? v.path("name").asText() : v.asText());
        break;
      default:
        throw new IllegalStateException();
    }
  }

  /** An id, or a dictionary of attributes that must match exactly one object (NetBox's nested lookup). */
  private Long lookup(Resource target, JsonNode v) {
    if (v.canConvertToLong() && !v.isTextual()) {
      return db.get(target.path, v.asLong()) == null ? null : v.asLong();
    }
    if (v.isObject()) {
      Long found = null;
      for (ObjectNode rec : db.all(target.path)) {
        boolean all = true;
        for (Map.Entry<String, JsonNode> e : v.properties()) {
          if (!rec.has(e.getKey()) || !rec.get(e.getKey()).asText().equals(e.getValue().asText())) {
            all = false;
            break;
          }
        }
        if (all) {
          if (found != null) {
            return null;
          }
          found = rec.get("id").asLong();
        }
      }
      return found;
    }
    return null;
  }

  private static JsonNode defaultNode(Resource.Field f) {
    Object d = f.defaultValue;
    if (d == null) {
      return F.nullNode();
    } else if (d instanceof Boolean) {
      return F.booleanNode((Boolean) d);
    } else if (d instanceof Double) {
      return F.numberNode((Double) d);
    }
    return F.textNode(d.toString());
  }

  private ArrayNode tags(JsonNode in, ObjectNode errors) {
    ArrayNode out = F.arrayNode();
    if (in == null || in.isNull()) {
      return out;
    }
    for (JsonNode t : in) {
      Long id = lookup(schema.get(Schema.TAGS), t);
      if (id == null) {
        errors.putArray("tags").add("Related object not found using the provided attributes: " + t);
      } else {
        String slug = db.get(Schema.TAGS, id).get("slug").asText();
        boolean present = false;
        for (JsonNode s : out) {
          present |= s.asText().equals(slug);
        }
        if (!present) {
          out.add(slug);
        }
      }
    }
    return out;
  }

  private ObjectNode customFields(Resource r, ObjectNode current, JsonNode in, ObjectNode errors) {
    ObjectNode out = current.deepCopy();
    if (in == null || in.isNull()) {
      return out;
    }
    if (!in.isObject()) {
      errors.putArray("custom_fields").add("Invalid data. Expected a dictionary.");
      return out;
    }
    for (Map.Entry<String, JsonNode> e : in.properties()) {
      ObjectNode def = definition(e.getKey(), r.contentType);
      if (def == null) {
        errors.putArray("custom_fields").add("Unknown field name '" + e.getKey() + "' in custom field data.");
        continue;
      }
      JsonNode v = e.getValue();
      String type = def.path("type").asText("text");
      boolean ok = v.isNull()
          || ("text".equals(type) && v.isTextual())
          || ("integer".equals(type) && v.canConvertToInt() && !v.isTextual())
          || ("boolean".equals(type) && v.isBoolean())
          || "json".equals(type);
      if (!ok) {
        errors.putArray("custom_fields").add("Invalid value for custom field '" + e.getKey() + "': must be " + type);
        continue;
      }
      out.set(e.getKey(), v);
    }
    return out;
  }

  private ObjectNode definition(String name, String contentType) {
    for (ObjectNode cf : db.all(Schema.CUSTOM_FIELDS)) {
      if (cf.get("name").asText().equals(name)) {
        for (JsonNode t : cf.withArray("object_types")) {
          if (t.asText().equals(contentType)) {
            return cf;
          }
        }
      }
    }
    return null;
  }

  private ArrayNode terminations(JsonNode in, String side, ObjectNode errors) {
    ArrayNode out = F.arrayNode();
    if (in == null || !in.isArray() || in.isEmpty()) {
      errors.putArray(side).add("Must define A and B terminations when creating a new cable.");
      return out;
    }
    for (JsonNode t : in) {
      if (!"dcim.interface".equals(t.path("object_type").asText())) {
        errors.putArray(side).add("This test server connects interfaces only, got " + t.path("object_type").asText());
      } else if (db.get(Schema.INTERFACES, t.path("object_id").asLong()) == null) {
        errors.putArray(side).add("Interface " + t.path("object_id").asText() + " does not exist.");
      } else {
        out.add(t.path("object_id").asLong());
      }
    }
    return out;
  }

  /** Cross-object rules; each failure is reported like NetBox's model validation. */
  private void checkRules(Resource r, ObjectNode rec) {
    for (Resource.Unique u : r.uniques) {
      if (db.conflicting(r, u, rec) != null) {
        throw Invalid.of(u.fields.size() == 1 ? u.fields.get(0) : "non_field_errors", u.message);
      }
    }
    switch (r.path) {
      case Schema.MODULES:
        ObjectNode bay = db.get(Schema.MODULE_BAYS, rec.get("module_bay").asLong());
        if (bay.get("device").asLong() != rec.get("device").asLong()) {
          throw Invalid.of("module_bay", "Module bay " + bay.get("name").asText() + " does not belong to the module's device.");
        }
        break;
      case Schema.INTERFACES:
        if (rec.hasNonNull("module")) {
          ObjectNode module = db.get(Schema.MODULES, rec.get("module").asLong());
          if (module.get("device").asLong() != rec.get("device").asLong()) {
            throw Invalid.of("module", "The module must belong to the interface's device.");
          }
        }
        break;
      case Schema.INTERFACE_TEMPLATES:
        if (rec.hasNonNull("device_type") == rec.hasNonNull("module_type")) {
          throw Invalid.of("non_field_errors", "A component template must be assigned to either a device type or a module type.");
        }
        break;
      case Schema.CABLES:
        if (rec.get("id").asLong() == 0L) {
          List<Long> ends = new ArrayList<>();
          rec.withArray("a_terminations").forEach(n -> ends.add(n.asLong()));
          rec.withArray("b_terminations").forEach(n -> ends.add(n.asLong()));
          for (int i = 0; i < ends.size(); i++) {
            ObjectNode iface = db.get(Schema.INTERFACES, ends.get(i));
            if (iface.hasNonNull("cable")) {
              throw Invalid.of("non_field_errors",
                  "Duplicate termination found for dcim.interface:" + ends.get(i) + ": cable " + iface.get("cable").asLong());
            }
            if (ends.indexOf(ends.get(i)) != i) {
              throw Invalid.of("non_field_errors", "A and B terminations cannot connect to the same object.");
            }
          }
        }
        break;
      default:
        break;
    }
  }

  private void afterCreate(Resource r, ObjectNode rec, JsonNode in) {
    long id = rec.get("id").asLong();
    if (r.path.equals(Schema.DEVICES)) {
      instantiate("device_type", rec.get("device_type").asLong(), id, null);
    } else if (r.path.equals(Schema.MODULES) && in.path("replicate_components").asBoolean(true)) {
      instantiate("module_type", rec.get("module_type").asLong(), rec.get("device").asLong(), id);
    } else if (r.path.equals(Schema.CABLES)) {
      for (String side : List.of("a_terminations", "b_terminations")) {
        for (JsonNode end : rec.withArray(side)) {
          ObjectNode iface = db.get(Schema.INTERFACES, end.asLong()).deepCopy();
          iface.put("cable", id);
          iface.put("cable_end", side.startsWith("a") ? "A" : "B");
          db.put(Schema.INTERFACES, iface);
        }
      }
    }
  }

  private void instantiate(String typeField, long typeId, long deviceId, Long moduleId) {
    Resource interfaces = schema.get(Schema.INTERFACES);
    for (ObjectNode t : children(Schema.INTERFACE_TEMPLATES, typeField, typeId)) {
      ObjectNode in = F.objectNode();
      in.put("device", deviceId);
      if (moduleId != null) {
        in.put("module", moduleId);
      }
      in.set("name", t.get("name"));
      in.set("type", t.get("type"));
      in.set("enabled", t.get("enabled"));
      in.set("label", t.get("label"));
      create(interfaces, in);
    }
  }
}
