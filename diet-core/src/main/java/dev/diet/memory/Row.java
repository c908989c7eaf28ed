package dev.diet.memory;

import dev.diet.diff.Ownership;
import dev.diet.spi.OwnershipFields;
import java.time.Instant;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One row of the in-memory NetBox. Rows are replaced, never changed in place, once stored: the store
 * keeps the original of every row an apply touches so it can roll back.
 */
final class Row {
  final Model model;
  final long id;
  final TreeMap<String, Object> values = new TreeMap<>();
  final TreeMap<String, Object> custom = new TreeMap<>();
  final TreeSet<String> tags = new TreeSet<>();
  /** The cable attached to an interface, or null. */
  Long cable;
  Instant created;
  Instant lastUpdated;
  /** The decoded ownership mark, filled by the first observe of this (stored, never changed) row. */
  Ownership decodedMark;

  Row(Model model, long id) {
    this.model = model;
    this.id = id;
  }

  Row copy() {
    Row r = new Row(model, id);
    r.values.putAll(values);
    r.custom.putAll(custom);
    r.tags.addAll(tags);
    r.cable = cable;
    r.created = created;
    r.lastUpdated = lastUpdated;
    return r;
  }

  Object get(String column) {
    return values.get(column);
  }

  Long ref(String column) {
    return (Long) values.get(column);
  }

  String text(String column) {
    return (String) values.get(column);
  }

  /** The owning plan's id, or null for an unowned row. */
  String ownerPlan() {
    Object v = custom.get(OwnershipFields.PLAN);
    return v instanceof String && !((String) v).isEmpty() ? (String) v : null;
  }

  /** The ObjectKey text of an owned row, or null. */
  String ownerKey() {
    Object v = custom.get(OwnershipFields.KEY);
    return v instanceof String && !((String) v).isEmpty() ? (String) v : null;
  }

  String describe() {
    Object name = values.get("name");
    return model.contentType() + "#" + id + (name == null ? "" : " '" + name + "'");
  }
}
