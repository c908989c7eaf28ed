package dev.diet.netbox.rest.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fake's tables: one id-ordered map of stored objects per endpoint, unique indexes, id
 * sequences that (like PostgreSQL's) never go back, and an undo journal for all-or-nothing requests.
 */
final class Database {
  private final Schema schema;
  private final Map<String, TreeMap<Long, ObjectNode>> tables = new HashMap<>();
  private final Map<String, Long> sequences = new HashMap<>();
  private final Map<Resource.Unique, Map<String, Long>> indexes = new HashMap<>();
  private final Deque<Object[]> journal = new ArrayDeque<>();
  private boolean inTransaction;

  Database(Schema schema) {
    this.schema = schema;
    for (Resource r : schema.all()) {
      tables.put(r.path, new TreeMap<>());
      for (Resource.Unique u : r.uniques) {
        indexes.put(u, new HashMap<>());
      }
    }
  }

  long nextId(String path) {
    return sequences.merge(path, 1L, Long::sum);
  }

  ObjectNode get(String path, long id) {
    return tables.get(path).get(id);
  }

  Collection<ObjectNode> all(String path) {
    return tables.get(path).values();
  }

  /** The id of another object that holds the same values for {@code unique}, or null. */
  Long conflicting(Resource r, Resource.Unique unique, ObjectNode candidate) {
    String key = indexKey(unique, candidate);
    if (key == null) {
      return null;
    }
    Long other = indexes.get(unique).get(key);
    return other == null || other == candidate.path("id").asLong() ? null : other;
  }

  void put(String path, ObjectNode node) {
    long id = node.get("id").asLong();
    ObjectNode previous = tables.get(path).put(id, node);
    Resource r = schema.get(path);
    if (previous != null) {
      unindex(r, previous);
    }
    index(r, node);
    if (inTransaction) {
      journal.push(new Object[] {path, id, previous});
    }
  }

  void remove(String path, long id) {
    ObjectNode previous = tables.get(path).remove(id);
    if (previous == null) {
      return;
    }
    unindex(schema.get(path), previous);
    if (inTransaction) {
      journal.push(new Object[] {path, id, previous});
    }
  }

  void begin() {
    journal.clear();
    inTransaction = true;
  }

  void commit() {
    journal.clear();
    inTransaction = false;
  }

  void rollback() {
    inTransaction = false;
    while (!journal.isEmpty()) {
      Object[] entry = journal.pop();
      String path = (String) entry[0];
      long id = (Long) entry[1];
      ObjectNode previous = (ObjectNode) entry[2];
      ObjectNode current = tables.get(path).remove(id);
      if (current != null) {
        unindex(schema.get(path), current);
      }
      if (previous != null) {
        tables.get(path).put(id, previous);
        index(schema.get(path), previous);
      }
    }
  }

  private void index(Resource r, ObjectNode node) {
    for (Resource.Unique u : r.uniques) {
      String key = indexKey(u, node);
      if (key != null) {
        indexes.get(u).put(key, node.get("id").asLong());
      }
    }
  }

  private void unindex(Resource r, ObjectNode node) {
    for (Resource.Unique u : r.uniques) {
      String key = indexKey(u, node);
      if (key != null) {
        indexes.get(u).remove(key, node.get("id").asLong());
      }
    }
  }

  /** The index key of a node for a constraint; null when a field is empty (NULLs never collide). */
  private static String indexKey(Resource.Unique u, ObjectNode node) {
    StringBuilder key = new StringBuilder();
    for (String f : u.fields) {
      JsonNode v = node.get(f);
      if (v == null || v.isNull()) {
        return null;
      }
      key.append(u.ignoreCase ? v.asText().toLowerCase(Locale.ROOT) : v.asText()).append('\u0000');
    }
    return key.toString();
  }
}
