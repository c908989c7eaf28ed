package dev.diet.netbox.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The image of one table row during an apply: its columns by name, new or read from the database. */
final class Row {
  final String table;
  final long id;
  final boolean isNew;
  final Map<String, Object> cols;
  boolean deleted;

  Row(String table, long id, boolean isNew, Map<String, Object> cols) {
    this.table = table;
    this.id = id;
    this.isNew = isNew;
    this.cols = cols;
  }

  static Row fresh(String table, long id) {
    Map<String, Object> cols = new LinkedHashMap<>();
    cols.put("id", id);
    return new Row(table, id, true, cols);
  }

  Object get(String column) {
    return cols.get(column);
  }

  Long ref(String column) {
    Object v = cols.get(column);
    return v == null ? null : ((Number) v).longValue();
  }

  String text(String column) {
    Object v = cols.get(column);
    return v == null ? null : v.toString();
  }

  ObjectNode cf() {
    return (ObjectNode) cols.get("custom_field_data");
  }

  /** The DIET key this row carries, or null. */
  String ownerKey() {
    ObjectNode cf = cf();
    JsonNode k = cf == null ? null : cf.get("diet_key");
    return k == null || k.isNull() ? null : k.asText();
  }

  String ownerPlan() {
    ObjectNode cf = cf();
    JsonNode k = cf == null ? null : cf.get("diet_plan");
    return k == null || k.isNull() ? null : k.asText();
  }

  Row copy() {
    Map<String, Object> c = new LinkedHashMap<>(cols);
    ObjectNode cf = cf();
    if (cf != null) {
      c.put("custom_field_data", cf.deepCopy());
    }
    Row r = new Row(table, id, isNew, c);
    r.deleted = deleted;
    return r;
  }
}
