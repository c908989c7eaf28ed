package dev.diet.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code diet generate --json} form of a generated graph (schema {@value #SCHEMA}, documented
 * in docs/generate-json.md): references between objects are rendered as names, every list is
 * sorted by key, every map by field name, so equal graphs give byte-identical text.
 */
public final class GenerateJson {
  /** Value of the top-level {@code schema} field; changes only with an incompatible change. */
  public static final String SCHEMA = "diet.generate/v1";

  private static final JsonFactory FACTORY = new JsonFactory();

  private final DesiredState state;
  private final Map<ObjectKey, DesiredObject> devices = new HashMap<>();
  private final Map<ObjectKey, DesiredObject> bays = new HashMap<>();
  private final Map<ObjectKey, DesiredObject> modules = new HashMap<>();
  private final Map<ObjectKey, DesiredObject> interfaces = new HashMap<>();

  private GenerateJson(DesiredState state) {
    this.state = state;
    for (DesiredObject o : state.objects()) {
      switch (o.kind()) {
        case DEVICE:
          devices.put(o.key(), o);
          break;
        case MODULE_BAY:
          bays.put(o.key(), o);
          break;
        case MODULE:
          modules.put(o.key(), o);
          break;
        case INTERFACE:
          interfaces.put(o.key(), o);
          break;
        default:
          break;
      }
    }
  }

  /** Writes {@code state} as one JSON document followed by a newline. */
  public static void write(DesiredState state, Writer out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      new GenerateJson(state).write(json);
    }
    out.write('\n');
    out.flush();
  }

  /** The JSON text of {@code state}. */
  public static String toJson(DesiredState state) {
    StringWriter out = new StringWriter();
    try {
      write(state, out);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }

  private void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("schema", SCHEMA);
    json.writeStringField("plan", state.planId());
    json.writeStringField("fingerprint", state.fingerprint());
    DesiredObject site = state.objects(ObjectKind.SITE).stream().findFirst().orElse(null);
    json.writeStringField("site", site == null ? null : (String) site.field(Fields.SLUG));
    json.writeObjectFieldStart("counts");
    json.writeNumberField("devices", state.counts().devices());
    json.writeNumberField("interfaces", state.counts().interfaces());
    json.writeNumberField("cables", state.counts().cables());
    json.writeEndObject();
    json.writeObjectFieldStart("switch_quantities");
    for (Map.Entry<String, Integer> e : state.switchQuantities().entrySet()) {
      json.writeNumberField(e.getKey(), e.getValue());
    }
    json.writeEndObject();

    json.writeArrayFieldStart("reference");
    for (DesiredObject o : state.objects()) {
      if (o.key().isReference()) {
        json.writeStartObject();
        json.writeStringField("key", o.key().toString());
        json.writeStringField("kind", o.kind().wire());
        json.writeObjectFieldStart("fields");
        for (Map.Entry<String, Object> f : o.fields().entrySet()) {
          json.writeFieldName(f.getKey());
          value(json, f.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
      }
    }
    json.writeEndArray();

    json.writeArrayFieldStart("devices");
    for (DesiredObject d : state.objects(ObjectKind.DEVICE)) {
      json.writeStartObject();
      json.writeStringField("key", d.key().toString());
      json.writeStringField("name", (String) d.field(Fields.NAME));
      json.writeStringField("role", refPath(d.field(Fields.ROLE)));
      json.writeStringField("device_type", refPath(d.field(Fields.DEVICE_TYPE)));
      json.writeStringField("site", refPath(d.field(Fields.SITE)));
      json.writeStringField("status", (String) d.field(Fields.STATUS));
      customFieldsAndTags(json, d);
      json.writeEndObject();
    }
    json.writeEndArray();

    json.writeArrayFieldStart("module_bays");
    for (DesiredObject b : state.objects(ObjectKind.MODULE_BAY)) {
      json.writeStartObject();
      json.writeStringField("key", b.key().toString());
      json.writeStringField("device", deviceName(b.field(Fields.DEVICE)));
      json.writeStringField("name", (String) b.field(Fields.NAME));
      json.writeStringField("label", (String) b.field(Fields.LABEL));
      json.writeEndObject();
    }
    json.writeEndArray();

    json.writeArrayFieldStart("modules");
    for (DesiredObject m : state.objects(ObjectKind.MODULE)) {
      json.writeStartObject();
      json.writeStringField("key", m.key().toString());
      json.writeStringField("device", deviceName(m.field(Fields.DEVICE)));
      json.writeStringField("module_bay", bayName(m.field(Fields.MODULE_BAY)));
      json.writeStringField("module_type", refPath(m.field(Fields.MODULE_TYPE)));
      json.writeStringField("status", (String) m.field(Fields.STATUS));
      json.writeStringField("serial", (String) m.field(Fields.SERIAL));
      customFieldsAndTags(json, m);
      json.writeEndObject();
    }
    json.writeEndArray();

    json.writeArrayFieldStart("interfaces");
    for (DesiredObject i : state.objects(ObjectKind.INTERFACE)) {
      json.writeStartObject();
      json.writeStringField("key", i.key().toString());
      json.writeStringField("device", deviceName(i.field(Fields.DEVICE)));
      json.writeStringField("name", (String) i.field(Fields.NAME));
      json.writeStringField("type", (String) i.field(Fields.TYPE));
      json.writeBooleanField("enabled", Boolean.TRUE.equals(i.field(Fields.ENABLED)));
      Object module = i.field(Fields.MODULE);
      json.writeStringField("module_bay", module == null ? null : bayName(modules.get(((Ref) module).key()).field(Fields.MODULE_BAY)));
      customFieldsAndTags(json, i);
      json.writeEndObject();
    }
    json.writeEndArray();

    json.writeArrayFieldStart("cables");
    for (DesiredObject c : state.objects(ObjectKind.CABLE)) {
      json.writeStartObject();
      json.writeStringField("key", c.key().toString());
      end(json, "a", c.field(Fields.A_END));
      end(json, "b", c.field(Fields.B_END));
      json.writeStringField("status", (String) c.field(Fields.STATUS));
      customFieldsAndTags(json, c);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void end(JsonGenerator json, String name, Object ref) throws IOException {
    DesiredObject iface = interfaces.get(((Ref) ref).key());
    json.writeObjectFieldStart(name);
    json.writeStringField("device", deviceName(iface.field(Fields.DEVICE)));
    json.writeStringField("interface", (String) iface.field(Fields.NAME));
    json.writeEndObject();
  }

  private void customFieldsAndTags(JsonGenerator json, DesiredObject o) throws IOException {
    json.writeObjectFieldStart("custom_fields");
    for (Map.Entry<String, Object> f : o.fields().entrySet()) {
      if (Fields.isCustomField(f.getKey())) {
        json.writeFieldName(f.getKey().substring(Fields.CUSTOM_FIELD_PREFIX.length()));
        value(json, f.getValue());
      }
    }
    json.writeEndObject();
    json.writeArrayFieldStart("tags");
    for (String tag : o.tags()) {
      json.writeString(tag);
    }
    json.writeEndArray();
  }

  private String deviceName(Object ref) {
    return (String) devices.get(((Ref) ref).key()).field(Fields.NAME);
  }

  private String bayName(Object ref) {
    return (String) bays.get(((Ref) ref).key()).field(Fields.NAME);
  }

  /** Reference data is named by its natural key: a role by slug, a module type by manufacturer/model. */
  private static String refPath(Object ref) {
    return ref == null ? null : ((Ref) ref).key().path();
  }

  private static void value(JsonGenerator json, Object v) throws IOException {
    if (v == null) {
      json.writeNull();
    } else if (v instanceof Integer) {
      json.writeNumber((Integer) v);
    } else if (v instanceof Boolean) {
      json.writeBoolean((Boolean) v);
    } else if (v instanceof Ref) {
      json.writeString(((Ref) v).key().toString());
    } else {
      json.writeString(v.toString());
    }
  }
}
