package dev.diet.netbox.rest.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * List requests: NetBox's filters (field equality, {@code __ie}, {@code <fk>_id}, {@code <fk>} by
 * slug, {@code id}, {@code cf_<name>}), limit/offset pagination with a maximum page size, and
 * {@code brief} / {@code fields}. Unknown filters are refused with 400 so client mistakes surface.
 */
final class Queries {
  static final int DEFAULT_LIMIT = 50;
  private static final Set<String> CONTROL = Set.of("limit", "offset", "brief", "fields", "ordering");

  private final Schema schema;
  private final Database db;
  private final Renderer renderer;
  private final String base;
  private final int maxLimit;

  Queries(Schema schema, Database db, Renderer renderer, String base, int maxLimit) {
    this.schema = schema;
    this.db = db;
    this.renderer = renderer;
    this.base = base;
    this.maxLimit = maxLimit;
  }

  static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  ObjectNode list(Resource r, Map<String, List<String>> params) {
    List<Predicate<ObjectNode>> filters = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (!CONTROL.contains(e.getKey())) {
        filters.add(filter(r, e.getKey(), e.getValue()));
      }
    }
    List<ObjectNode> matches = new ArrayList<>();
    for (ObjectNode rec : db.all(r.path)) {
      if (filters.stream().allMatch(f -> f.test(rec))) {
        matches.add(rec);
      }
    }
    int limit = intParam(params, "limit", DEFAULT_LIMIT);
    limit = limit <= 0 || limit > maxLimit ? maxLimit : limit;
    int offset = Math.max(0, intParam(params, "offset", 0));
    boolean brief = params.containsKey("brief") && !"false".equalsIgnoreCase(params.get("brief").get(0));
    Set<String> fields = new LinkedHashSet<>();
    params.getOrDefault("fields", List.of()).forEach(v -> fields.addAll(List.of(v.split(","))));

    ObjectNode page = JsonNodeFactory.instance.objectNode();
    page.put("count", matches.size());
    page.put("next", offset + limit < matches.size() ? link(r, params, offset + limit, limit) : null);
    page.put("previous", offset > 0 ? link(r, params, Math.max(0, offset - limit), limit) : null);
    ArrayNode results = page.putArray("results");
    for (int i = offset; i < Math.min(matches.size(), offset + limit); i++) {
      results.add(render(r, matches.get(i), brief, fields));
    }
    return page;
  }

  ObjectNode render(Resource r, ObjectNode rec, boolean brief, Set<String> fields) {
    if (brief) {
      return renderer.brief(r, rec);
    }
    ObjectNode full = renderer.full(r, rec);
    return fields.isEmpty() ? full : Renderer.select(full, fields);
  }

  private String link(Resource r, Map<String, List<String>> params, int offset, int limit) {
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (e.getKey().equals("offset") || e.getKey().equals("limit")) {
        continue;
      }
      for (String v : e.getValue()) {
        q.append(enc(e.getKey())).append('=').append(enc(v)).append('&');
      }
    }
    q.append("limit=").append(limit).append("&offset=").append(offset);
    return base + "/api/" + r.path + "/?" + q;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int intParam(Map<String, List<String>> params, String name, int dflt) {
    List<String> v = params.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.get(0));
    } catch (NumberFormatException e) {
      throw ApiError.field(name, "A valid integer is required.");
    }
  }

  private Predicate<ObjectNode> filter(Resource r, String param, List<String> values) {
    Set<String> wanted = new HashSet<>(values);
    if (param.equals("id")) {
      return rec -> wanted.contains(rec.get("id").asText());
    }
    if (param.startsWith("cf_")) {
      // NetBox's default filter logic for a custom field is "loose": case-insensitive containment.
      String name = param.substring(3);
      boolean exact = false;
      for (ObjectNode cf : db.all(Schema.CUSTOM_FIELDS)) {
        if (cf.path("name").asText().equals(name)) {
          exact = "exact".equals(cf.path("filter_logic").asText());
        }
      }
      if (exact) {
        return rec -> {
          JsonNode v = rec.path("custom_fields").get(name);
          return v != null && !v.isNull() && wanted.contains(v.asText());
        };
      }
      List<String> lowered = new ArrayList<>();
      values.forEach(v -> lowered.add(v.toLowerCase(Locale.ROOT)));
      return rec -> {
        JsonNode v = rec.path("custom_fields").get(name);
        if (v == null || v.isNull()) {
          return false;
        }
        String text = v.asText().toLowerCase(Locale.ROOT);
        return lowered.stream().anyMatch(text::contains);
      };
    }
    boolean ignoreCase = param.endsWith("__ie");
    String name = ignoreCase ? param.substring(0, param.length() - 4) : param;
    if (r.path.equals(Schema.IP_ADDRESSES) && (name.equals("interface_id") || name.equals("device_id"))) {
      return rec -> {
        JsonNode target = rec.get("assigned_object_id");
        if (target == null || target.isNull()) {
          return false;
        }
        if (name.equals("interface_id")) {
          return wanted.contains(target.asText());
        }
        ObjectNode iface = db.get(Schema.INTERFACES, target.asLong());
        return iface != null && wanted.contains(iface.get("device").asText());
      };
    }
    if (r.path.equals(Schema.CUSTOM_FIELDS) && name.equals("object_type")) {
      return rec -> {
        for (JsonNode t : rec.withArray("object_types")) {
          if (wanted.contains(t.asText())) {
            return true;
          }
        }
        return false;
      };
    }
    if (name.endsWith("_id") && r.fields.containsKey(name.substring(0, name.length() - 3))) {
      String fk = name.substring(0, name.length() - 3);
      return rec -> rec.hasNonNull(fk) && wanted.contains(rec.get(fk).asText());
    }
    Resource.Field f = r.fields.get(name);
    if (f == null) {
      throw ApiError.detail(400, "unknown filter '" + param + "' for /api/" + r.path + "/");
    }
    if (f.type == Resource.Type.FK) {
      Resource target = schema.get(f.target);
      String natural = target.fields.containsKey("slug") ? "slug" : "name";
      Set<String> ids = new HashSet<>();
      for (String v : values) {
        boolean found = false;
        for (ObjectNode t : db.all(target.path)) {
          if (v.equals(t.path(natural).asText())) {
            ids.add(t.get("id").asText());
            found = true;
          }
        }
        if (!found) {
          throw ApiError.field(name, "Select a valid choice. " + v + " is not one of the available choices.");
        }
      }
      return rec -> rec.hasNonNull(name) && ids.contains(rec.get(name).asText());
    }
    Set<String> folded = new HashSet<>();
    values.forEach(v -> folded.add(ignoreCase ? v.toLowerCase(Locale.ROOT) : v));
    return rec -> {
      JsonNode v = rec.get(name);
      if (v == null || v.isNull()) {
        return false;
      }
      String text = ignoreCase ? v.asText().toLowerCase(Locale.ROOT) : v.asText();
      return folded.contains(text);
    };
  }
}
