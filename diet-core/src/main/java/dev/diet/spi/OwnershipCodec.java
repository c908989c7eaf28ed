package dev.diet.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.diff.Ownership;
import dev.diet.state.ObjectKey;
import dev.diet.state.Ref;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads and writes the {@link OwnershipFields#STATE} JSON every backend stores on owned objects. */
public final class OwnershipCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int VERSION = 1;

  private OwnershipCodec() {}

  /** The JSON text for {@code ownership}'s applied and seen values. */
  public static String toJson(Ownership ownership) {
    return toNode(ownership).toString();
  }

  /** The same as a Jackson tree, for backends that embed it in a larger document. */
  public static ObjectNode toNode(Ownership ownership) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("v", VERSION);
    root.set("applied", values(ownership.applied()));
    root.set("seen", values(ownership.seen()));
    if (!ownership.released().isEmpty()) {
      ArrayNode released = root.putArray("released");
      ownership.released().forEach(released::add);
    }
    ownership.planFingerprint().ifPresent(fp -> root.put("fp", fp));
    return root;
  }

  /** Rebuilds the mark of the object carrying {@code planId}, {@code key} and this JSON. */
  public static Ownership fromJson(String planId, String key, String json) {
    try {
      return fromNode(planId, key, json == null || json.isBlank() ? null : MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("ownership state of " + key + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Rebuilds a mark from a Jackson tree; a missing tree means no values were recorded. */
  public static Ownership fromNode(String planId, String key, JsonNode state) {
    Map<String, Object> applied = new LinkedHashMap<>();
    Map<String, Object> seen = new LinkedHashMap<>();
    Set<String> released = new TreeSet<>();
    String fp = null;
    if (state != null && state.isObject()) {
      read(state.get("applied"), applied);
      read(state.get("seen"), seen);
      JsonNode r = state.get("released");
      if (r != null && r.isArray()) {
        r.forEach(n -> released.add(n.asText()));
      }
      JsonNode f = state.get("fp");
      fp = f == null || f.isNull() ? null : f.asText();
    }
    return new Ownership(planId, ObjectKey.parse(key), applied, seen, released, fp);
  }

  /** The JSON form of one field value. */
  public static JsonNode valueNode(Object v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v == null) {
      return f.nullNode();
    } else if (v instanceof String) {
      return f.textNode((String) v);
    } else if (v instanceof Integer) {
      return f.numberNode((Integer) v);
    } else if (v instanceof Boolean) {
      return f.booleanNode((Boolean) v);
    } else if (v instanceof Ref) {
      return f.objectNode().put("ref", ((Ref) v).key().toString());
    }
    throw new IllegalArgumentException("cannot store a value of type " + v.getClass().getName());
  }

  /** The field value a JSON node stands for (inverse of {@link #valueNode}). */
  public static Object fromValueNode(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    } else if (n.isTextual()) {
      return n.asText();
    } else if (n.isIntegralNumber()) {
      return n.asInt();
    } else if (n.isBoolean()) {
      return n.asBoolean();
    } else if (n.isObject() && n.has("ref")) {
      return Ref.to(ObjectKey.parse(n.get("ref").asText()));
    }
    return n.toString();
  }

  private static ObjectNode values(Map<String, Object> values) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      node.set(e.getKey(), valueNode(e.getValue()));
    }
    return node;
  }

  private static void read(JsonNode node, Map<String, Object> into) {
    if (node == null || !node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      into.put(e.getKey(), fromValueNode(e.getValue()));
    }
  }
}
