package dev.diet.netbox.jdbc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diet.diff.Ownership;
import dev.diet.spi.OwnershipCodec;
import dev.diet.spi.OwnershipFields;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row's {@code custom_field_data}, decoded in a single streaming pass: the ownership mark's
 * plan and key, its state as an {@link Ownership} (the format {@link OwnershipCodec} writes), and
 * every other custom field as {@code cf.<name>}. Observe decodes one per owned row.
 */
final class CustomData {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  String plan;
  String key;
  private Map<String, Object> applied;
  private Map<String, Object> seen;
  private Set<String> released;
  private String fingerprint;
  final Map<String, Object> fields = new LinkedHashMap<>();

  private CustomData() {}

  static CustomData parse(String json) throws IOException {
    CustomData d = new CustomData();
    if (json == null) {
      return d;
    }
    try (JsonParser p = MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("custom_field_data is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case OwnershipFields.PLAN:
            d.plan = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
            break;
          case OwnershipFields.KEY:
            d.key = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
            break;
          case OwnershipFields.STATE:
            d.state(p, t);
            break;
          default:
            d.fields.put(Fields.customField(name), value(p, t));
        }
      }
    }
    return d;
  }

  /** The mark this row carries (its plan and key must be set). */
  Ownership ownership() {
    return new Ownership(plan, ObjectKey.parse(key), applied == null ? Map.of() : applied, seen == null ? Map.of() : seen,
        released == null ? Set.of() : released, fingerprint);
  }

  private void state(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "applied":
          applied = values(p, v);
          break;
        case "seen":
          seen = values(p, v);
          break;
        case "released":
          released = new TreeSet<>();
          if (v == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              released.add(p.getValueAsString());
            }
          }
          break;
        case "fp":
          fingerprint = v == JsonToken.VALUE_NULL ? null : p.getValueAsString();
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private static Map<String, Object> values(JsonParser p, JsonToken t) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return out;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      out.put(name, value(p, p.nextToken()));
    }
    return out;
  }

  /** A field value as {@link OwnershipCodec#fromValueNode} reads it. */
  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NUMBER_INT:
        return p.getValueAsInt();
      default:
        JsonNode tree = p.readValueAsTree();
        return OwnershipCodec.fromValueNode(tree);
    }
  }
}
