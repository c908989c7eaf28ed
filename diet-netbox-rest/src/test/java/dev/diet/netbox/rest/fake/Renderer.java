package dev.diet.netbox.rest.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns stored objects into NetBox's JSON: full, brief (nested) and {@code fields=} selections. */
final class Renderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Schema schema;
  private final Database db;
  private final String base;
  private Map<String, List<String>> customFieldsByType;
  private Map<String, ObjectNode> tagsBySlug;

  Renderer(Schema schema, Database db, String base) {
    this.schema = schema;
    this.db = db;
    this.base = base;
  }

  ObjectNode full(Resource r, ObjectNode rec) {
    ObjectNode out = head(r, rec);
    for (Resource.Field f : r.fields.values()) {
      out.set(f.name, value(f, rec.get(f.name)));
    }
    if (r.tagged) {
      ArrayNode tags = out.putArray("tags");
      for (JsonNode slug : rec.path("tags")) {
        ObjectNode tag = tags().get(slug.asText());
        if (tag != null) {
          tags.add(brief(schema.get(Schema.TAGS), tag));
        }
      }
      ObjectNode cf = out.putObject("custom_fields");
      JsonNode stored = rec.path("custom_fields");
      for (String name : customFields(r.contentType)) {
        cf.set(name, stored.has(name) ? stored.get(name) : F.nullNode());
      }
    }
    switch (r.path) {
      case Schema.INTERFACES:
        JsonNode cable = rec.get("cable");
        out.set("cable", cable == null || cable.isNull() ? F.nullNode() : brief(schema.get(Schema.CABLES), db.get(Schema.CABLES, cable.asLong())));
        out.set("cable_end", rec.has("cable_end") ? rec.get("cable_end") : F.textNode(""));
        ArrayNode peers = out.putArray("link_peers");
        if (cable != null && !cable.isNull()) {
          ObjectNode c = db.get(Schema.CABLES, cable.asLong());
          String far = "A".equals(rec.path("cable_end").asText()) ? "b_terminations" : "a_terminations";
          for (JsonNode id : c.path(far)) {
            peers.add(brief(schema.get(Schema.INTERFACES), db.get(Schema.INTERFACES, id.asLong())));
          }
          out.put("link_peers_type", "dcim.interface");
        } else {
          out.putNull("link_peers_type");
        }
        out.put("_occupied", cable != null && !cable.isNull());
        break;
      case Schema.CABLES:
        out.set("a_terminations", terminations(rec.path("a_terminations")));
        out.set("b_terminations", terminations(rec.path("b_terminations")));
        break;
      case Schema.IP_ADDRESSES:
        JsonNode target = rec.get("assigned_object_id");
        ObjectNode iface = target == null || target.isNull() ? null : db.get(Schema.INTERFACES, target.asLong());
        out.set("assigned_object", iface == null ? F.nullNode() : brief(schema.get(Schema.INTERFACES), iface));
        break;
      default:
        break;
    }
    out.set("created", rec.get("created"));
    out.set("last_updated", rec.get("last_updated"));
    return out;
  }

  /** The nested form NetBox uses for related objects and {@code brief=true}. */
  ObjectNode brief(Resource r, ObjectNode rec) {
    ObjectNode out = head(r, rec);
    for (String f : briefFields(r)) {
      out.set(f, value(r.fields.get(f), rec.get(f)));
    }
    if (r.path.equals(Schema.INTERFACES)) {
      JsonNode cable = rec.get("cable");
      out.set("cable", cable == null || cable.isNull() ? F.nullNode() : F.objectNode().put("id", cable.asLong()));
      out.put("_occupied", cable != null && !cable.isNull());
    }
    return out;
  }

  static ObjectNode select(ObjectNode full, Set<String> fields) {
    ObjectNode out = F.objectNode();
    for (String f : fields) {
      if (full.has(f)) {
        out.set(f, full.get(f));
      }
    }
    return out;
  }

  private ObjectNode head(Resource r, ObjectNode rec) {
    long id = rec.get("id").asLong();
    ObjectNode out = F.objectNode();
    out.put("id", id);
    out.put("url", base + "/api/" + r.path + "/" + id + "/");
    JsonNode display = rec.get(r.displayField);
    out.put("display", display == null || display.isNull() ? r.label() + " " + id : display.asText());
    return out;
  }

  private static List<String> briefFields(Resource r) {
    switch (r.path) {
      case Schema.DEVICE_TYPES:
        return List.of("manufacturer", "model", "slug", "description");
      case Schema.MODULE_TYPES:
        return List.of("manufacturer", "model", "profile", "description");
      case Schema.MODULES:
        return List.of("device", "module_bay", "description");
      case Schema.INTERFACES:
        return List.of("device", "name", "description");
      case Schema.CABLES:
        return List.of("label", "description");
      case Schema.IP_ADDRESSES:
        return List.of("address", "description");
      case Schema.DEVICES:
      case Schema.MODULE_BAYS:
      case Schema.CUSTOM_FIELDS:
      case Schema.INTERFACE_TEMPLATES:
        return List.of("name", "description");
      default:
        return List.of("name", "slug", "description");
    }
  }

  private JsonNode value(Resource.Field f, JsonNode v) {
    if (v == null || v.isNull()) {
      return F.nullNode();
    }
    switch (f.type) {
      case CHOICE:
        return v.asText().isEmpty() ? F.textNode("") : F.objectNode().put("value", v.asText()).put("label", label(v.asText()));
      case FK:
        Resource target = schema.get(f.target);
        ObjectNode rec = db.get(target.path, v.asLong());
        return rec == null ? F.nullNode() : brief(target, rec);
      case NAMED:
        return F.objectNode().put("id", Math.abs(v.asText().hashCode() % 1000) + 1).put("display", v.asText()).put("name", v.asText());
      default:
        return v;
    }
  }

  private ArrayNode terminations(JsonNode ids) {
    ArrayNode out = F.arrayNode();
    for (JsonNode id : ids) {
      ObjectNode iface = db.get(Schema.INTERFACES, id.asLong());
      ObjectNode t = out.addObject().put("object_type", "dcim.interface").put("object_id", id.asLong());
      t.set("object", iface == null ? F.nullNode() : brief(schema.get(Schema.INTERFACES), iface));
    }
    return out;
  }

  private static String label(String value) {
    return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
  }

  private List<String> customFields(String contentType) {
    if (customFieldsByType == null) {
      customFieldsByType = new HashMap<>();
      for (ObjectNode cf : db.all(Schema.CUSTOM_FIELDS)) {
        for (JsonNode t : cf.withArray("object_types")) {
          customFieldsByType.computeIfAbsent(t.asText(), k -> new ArrayList<>()).add(cf.get("name").asText());
        }
      }
    }
    return customFieldsByType.getOrDefault(contentType, List.of());
  }

  private Map<String, ObjectNode> tags() {
    if (tagsBySlug == null) {
      tagsBySlug = new HashMap<>();
      for (ObjectNode t : db.all(Schema.TAGS)) {
        tagsBySlug.put(t.get("slug").asText(), t);
      }
    }
    return tagsBySlug;
  }
}
