package dev.diet.bench;

import dev.diet.diff.Ownership;
import dev.diet.netbox.jdbc.CopyText;
import dev.diet.spi.OwnershipCodec;
import dev.diet.spi.OwnershipFields;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The physical limit the apply benchmarks are compared with: the rows a full apply leaves in
 * NetBox's own tables (objects with their ownership marks in custom_field_data, interface
 * templates, cable terminations and paths, tag assignments, the search cache NetBox indexes, one
 * change-log entry per object with its data), written with PostgreSQL's COPY in one transaction,
 * ids assigned by the writer. Columns the plan does not set get the type's empty
 * value (NetBox has no database defaults). No checks, no observe, no diff: nothing a real client
 * could skip.
 */
public final class CopyBaseline {
  private static final Map<ObjectKind, String> TABLES = new EnumMap<>(Map.ofEntries(
      Map.entry(ObjectKind.SITE, "dcim_site"),
      Map.entry(ObjectKind.MANUFACTURER, "dcim_manufacturer"),
      Map.entry(ObjectKind.DEVICE_ROLE, "dcim_devicerole"),
      Map.entry(ObjectKind.TAG, "extras_tag"),
      Map.entry(ObjectKind.CUSTOM_FIELD, "extras_customfield"),
      Map.entry(ObjectKind.DEVICE_TYPE, "dcim_devicetype"),
      Map.entry(ObjectKind.MODULE_TYPE, "dcim_moduletype"),
      Map.entry(ObjectKind.DEVICE, "dcim_device"),
      Map.entry(ObjectKind.MODULE_BAY, "dcim_modulebay"),
      Map.entry(ObjectKind.MODULE, "dcim_module"),
      Map.entry(ObjectKind.INTERFACE, "dcim_interface"),
      Map.entry(ObjectKind.CABLE, "dcim_cable")));

  /** The fields NetBox's search index caches per table, with their weights (NetBox 4.4's search indexes). */
  private static final Map<String, String[][]> SEARCH = Map.ofEntries(
      Map.entry("dcim_site", new String[][] {{"name", "100"}, {"slug", "110"}, {"facility", "100"}, {"description", "500"},
          {"physical_address", "2000"}, {"shipping_address", "2000"}, {"comments", "5000"}}),
      Map.entry("dcim_manufacturer", new String[][] {{"name", "100"}, {"slug", "110"}, {"description", "500"}}),
      Map.entry("dcim_devicerole", new String[][] {{"name", "100"}, {"slug", "110"}, {"description", "500"}, {"comments", "5000"}}),
      Map.entry("extras_tag", new String[][] {{"name", "100"}, {"slug", "110"}, {"description", "500"}}),
      Map.entry("extras_customfield", new String[][] {{"name", "100"}, {"label", "110"}, {"description", "500"}, {"comments", "5000"}}),
      Map.entry("dcim_devicetype", new String[][] {{"model", "100"}, {"part_number", "200"}, {"description", "500"}, {"comments", "5000"}}),
      Map.entry("dcim_moduletype", new String[][] {{"model", "100"}, {"part_number", "200"}, {"description", "500"}, {"comments", "5000"}}),
      Map.entry("dcim_device", new String[][] {{"asset_tag", "50"}, {"serial", "60"}, {"name", "100"}, {"description", "500"},
          {"comments", "5000"}}),
      Map.entry("dcim_modulebay", new String[][] {{"name", "100"}, {"label", "200"}, {"description", "500"}}),
      Map.entry("dcim_module", new String[][] {{"asset_tag", "50"}, {"serial", "60"}, {"description", "500"}, {"comments", "5000"}}),
      Map.entry("dcim_interface", new String[][] {{"name", "100"}, {"label", "200"}, {"description", "500"}, {"mtu", "2000"}}),
      Map.entry("dcim_cable", new String[][] {{"label", "100"}, {"description", "500"}, {"comments", "5000"}}));

  private final Connection db;
  private final String now = Instant.now().toString();
  private final Map<String, Map<String, String>> notNullColumns = new HashMap<>();
  private final Map<String, Integer> contentTypes = new HashMap<>();
  private final Map<ObjectKey, Long> ids = new HashMap<>();
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private long rows;

  private CopyBaseline(Connection db) {
    this.db = db;
  }

  /** Writes every object of {@code desired} into the NetBox database behind {@code db}; returns the rows written. */
  public static long write(Connection db, DesiredState desired) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      CopyBaseline copy = new CopyBaseline(db);
      copy.run(desired);
      db.commit();
      return copy.rows;
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(auto);
    }
  }

  private void run(DesiredState desired) throws SQLException {
    readCatalog();
    long next = 1;
    for (DesiredObject o : desired.objects()) {
      ids.put(o.key(), next++);
    }
    long templateId = 1;
    long terminationId = 1;
    long taggedId = 1;
    long changeId = 1;
    String requestId = UUID.randomUUID().toString();
    Map<ObjectKey, Long> pathOf = new HashMap<>();
    Map<ObjectKey, String[]> cableEnds = new HashMap<>();
    for (DesiredObject o : desired.objects(ObjectKind.CABLE)) {
      long cable = ids.get(o.key());
      for (String end : List.of(Fields.A_END, Fields.B_END)) {
        ObjectKey port = ((Ref) o.field(end)).key();
        cableEnds.put(port, new String[] {Long.toString(cable), end.equals(Fields.A_END) ? "A" : "B"});
      }
    }
    for (DesiredObject o : desired.objects()) {
      String table = TABLES.get(o.kind());
      long id = ids.get(o.key());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", id);
      if (!o.key().isReference()) {
        Ownership mark = new Ownership(desired.planId(), o.key(), o.fields(), Map.of(), Set.of(), desired.fingerprint());
        row.put("custom_field_data", "{\"" + OwnershipFields.PLAN + "\":" + json(desired.planId()) + ",\"" + OwnershipFields.KEY + "\":"
            + json(o.key().toString()) + ",\"" + OwnershipFields.STATE + "\":" + json(OwnershipCodec.toJson(mark)) + "}");
      }
      for (Map.Entry<String, Object> f : o.fields().entrySet()) {
        String column = f.getKey();
        Object value = f.getValue();
        if (value instanceof Ref) {
          column = column + "_id";
          value = ids.get(((Ref) value).key());
        }
        if (column.equals(Fields.CF_TYPE)) {
          column = "type";
        }
        if (notNullColumns.get(table).containsKey(column) || nullableColumn(table, column)) {
          row.put(column, value);
        }
      }
      if (o.kind() == ObjectKind.INTERFACE && cableEnds.containsKey(o.key())) {
        String[] end = cableEnds.get(o.key());
        row.put("cable_id", end[0]);
        row.put("cable_end", end[1]);
        row.put("_name", o.field(Fields.NAME));
        row.put("_path_id", pathOf.computeIfAbsent(o.key(), k -> pathIds.next()));
      }
      if (o.kind() == ObjectKind.CUSTOM_FIELD) {
        row.put("label", o.field(Fields.NAME));
      }
      if (o.kind() == ObjectKind.CABLE) {
        row.put("status", "connected");
        int ifaceCt = contentTypes.get("dcim.interface");
        String a = ifaceCt + ":" + ids.get(((Ref) o.field(Fields.A_END)).key());
        String b = ifaceCt + ":" + ids.get(((Ref) o.field(Fields.B_END)).key());
        String c = contentTypes.get("dcim.cable") + ":" + id;
        for (String end : List.of(Fields.A_END, Fields.B_END)) {
          boolean isA = end.equals(Fields.A_END);
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("id", pathOf.computeIfAbsent(((Ref) o.field(end)).key(), k -> pathIds.next()));
          p.put("_nodes", "{" + (isA ? a : b) + "," + c + "," + (isA ? b : a) + "}");
          p.put("is_active", Boolean.TRUE);
          p.put("is_split", Boolean.FALSE);
          p.put("path", "[[\"" + (isA ? a : b) + "\"], [\"" + c + "\"], [\"" + (isA ? b : a) + "\"]]");
          p.put("is_complete", Boolean.TRUE);
          table("dcim_cablepath").add(p);
        }
        for (String end : List.of(Fields.A_END, Fields.B_END)) {
          Map<String, Object> t = new LinkedHashMap<>();
          t.put("id", terminationId++);
          t.put("cable_end", end.equals(Fields.A_END) ? "A" : "B");
          t.put("termination_id", ids.get(((Ref) o.field(end)).key()));
          t.put("termination_type_id", contentTypes.get("dcim.interface"));
          t.put("cable_id", id);
          table("dcim_cabletermination").add(t);
        }
      }
      if (o.field(Fields.INTERFACE_TEMPLATES) instanceof String && !((String) o.field(Fields.INTERFACE_TEMPLATES)).isEmpty()) {
        for (String line : ((String) o.field(Fields.INTERFACE_TEMPLATES)).split("\n")) {
          int eq = line.lastIndexOf('=');
          Map<String, Object> t = new LinkedHashMap<>();
          t.put("id", templateId++);
          t.put("name", line.substring(0, eq));
          t.put("_name", line.substring(0, eq));
          t.put("type", line.substring(eq + 1));
          t.put("enabled", Boolean.TRUE);
          t.put(o.kind() == ObjectKind.DEVICE_TYPE ? "device_type_id" : "module_type_id", id);
          table("dcim_interfacetemplate").add(t);
        }
      }
      table(table).add(row);
      for (String[] f : SEARCH.getOrDefault(table, new String[0][])) {
        Object v = row.get(f[0]);
        if (v != null && !"".equals(v)) {
          Map<String, Object> cv = new LinkedHashMap<>();
          cv.put("id", UUID.randomUUID());
          cv.put("timestamp", now);
          cv.put("object_id", id);
          cv.put("field", f[0]);
          cv.put("type", v instanceof Number ? "int" : "str");
          cv.put("value", v);
          cv.put("weight", Integer.parseInt(f[1]));
          cv.put("object_type_id", contentTypes.get(o.kind().contentType()));
          table("extras_cachedvalue").add(cv);
        }
      }
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("id", changeId++);
      change.put("time", now);
      change.put("user_name", "diet");
      change.put("request_id", requestId);
      change.put("action", "create");
      change.put("changed_object_id", id);
      change.put("object_repr", String.valueOf(o.field(Fields.NAME) != null ? o.field(Fields.NAME) : o.key().path()));
      change.put("postchange_data", json(row));
      change.put("changed_object_type_id", contentTypes.get(o.kind().contentType()));
      table("core_objectchange").add(change);
      for (String tag : o.tags()) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", taggedId++);
        t.put("object_id", id);
        t.put("content_type_id", contentTypes.get(o.kind().contentType()));
        t.put("tag_id", ids.get(ObjectKey.reference(ObjectKind.TAG, tag)));
        table("extras_taggeditem").add(t);
      }
    }
    for (Table t : tables.values()) {
      rows += t.copy();
    }
    try (Statement st = db.createStatement()) {
      for (String table : tables.keySet()) {
        if (!"bigint".equals(notNullColumns.get(table).get("id"))) {
          continue;
        }
        st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table + "))");
      }
    }
  }

  private final Iterator<Long> pathIds = LongStream.iterate(1, i -> i + 1).iterator();
  private final Map<String, Set<String>> nullable = new HashMap<>();

  /** A row as the change log's JSON: custom_field_data embedded as JSON, the rest as strings, numbers and booleans. */
  private static String json(Map<String, Object> row) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(json(e.getKey())).append(": ");
      Object v = e.getValue();
      if (v == null) {
        out.append("null");
      } else if (e.getKey().equals("custom_field_data") || v instanceof Number || v instanceof Boolean) {
        out.append(v);
      } else {
        out.append(json(v.toString()));
      }
    }
    return out.append('}').toString();
  }

  private boolean nullableColumn(String table, String column) {
    return nullable.get(table).contains(column);
  }

  private void readCatalog() throws SQLException {
    try (Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery(
          "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'")) {
        while (rs.next()) {
          String table = rs.getString(1);
          if (rs.getString(4).equals("NO")) {
            notNullColumns.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
          } else {
            nullable.computeIfAbsent(table, t -> new java.util.HashSet<>()).add(rs.getString(2));
          }
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT id, app_label, model FROM django_content_type")) {
        while (rs.next()) {
          contentTypes.put(rs.getString(2) + "." + rs.getString(3), rs.getInt(1));
        }
      }
    }
  }

  private Table table(String name) {
    return tables.computeIfAbsent(name, n -> new Table(n, notNullColumns.get(n)));
  }

  /** The rows of one table, written with one COPY; NOT NULL columns not given get the type's empty value. */
  private final class Table {
    private final String name;
    private final Map<String, String> notNull;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();

    Table(String name, Map<String, String> notNull) {
      this.name = name;
      this.notNull = notNull;
      columns.addAll(notNull.keySet());
    }

    void add(Map<String, Object> row) {
      for (String c : row.keySet()) {
        if (!columns.contains(c)) {
          columns.add(c);
        }
      }
      rows.add(row);
    }

    long copy() throws SQLException {
      StringBuilder sql = new StringBuilder("COPY ").append(name).append(" (");
      for (int i = 0; i < columns.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append('"').append(columns.get(i)).append('"');
      }
      sql.append(") FROM STDIN");
      CopyIn in = db.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
      try {
        StringBuilder line = new StringBuilder(1024);
        for (Map<String, Object> row : rows) {
          line.setLength(0);
          for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
              line.append('\t');
            }
            String column = columns.get(i);
            Object v = row.containsKey(column) ? row.get(column) : emptyValue(notNull.get(column));
            text(line, v);
          }
          line.append('\n');
          byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(bytes, 0, bytes.length);
        }
        return in.endCopy();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
    }

    private Object emptyValue(String type) {
      if (type == null) {
        return null;
      }
      switch (type) {
        case "boolean":
          return Boolean.FALSE;
        case "integer":
        case "bigint":
        case "smallint":
        case "numeric":
          return 0;
        case "jsonb":
          return "{}";
        case "timestamp with time zone":
          return now;
        case "ARRAY":
          return "{}";
        case "uuid":
          return UUID.randomUUID();
        default:
          return "";
      }
    }
  }

  /** COPY text format: \N for null, backslash escapes for the special characters. */
  private static void text(StringBuilder out, Object v) {
    if (v == null) {
      out.append("\\N");
      return;
    }
    if (v instanceof Boolean) {
      out.append((Boolean) v ? 't' : 'f');
      return;
    }
    CopyText.append(out, v.toString());
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

}
