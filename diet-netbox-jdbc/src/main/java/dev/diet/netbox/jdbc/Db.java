package dev.diet.netbox.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * One connection's writes and reads for an apply: statements of the same text are batched until a
 * read or another statement needs them flushed; new rows are buffered per table and written at the
 * end, by COPY on PostgreSQL and by JDBC batches on H2.
 */
final class Db {
  /** A varchar[] value (PostgreSQL); stored as its literal text on H2. */
  static final class TextArray {
    final String[] values;

    TextArray(String... values) {
      this.values = values;
    }

    String literal() {
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append('"').append(values[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
      return b.append('}').toString();
    }
  }

  /** A value computed only when its row is written (large text not kept in memory for long). */
  interface Deferred {
    Object get();
  }

  /** Reads one row of a result set. */
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static final int BATCH = 2000;
  private static final int COPY_PIECE = 1 << 16;

  final Connection connection;
  final Dialect dialect;
  private String pendingSql;
  private PreparedStatement pending;
  private int pendingCount;
  private final Map<String, Buffer> buffers = new LinkedHashMap<>();

  private static final class Buffer {
    final String[] columns;
    final List<Object[]> rows = new ArrayList<>();
    final List<Iterable<Object[]>> later = new ArrayList<>();

    Buffer(String[] columns) {
      this.columns = columns;
    }

    boolean isEmpty() {
      return rows.isEmpty() && later.isEmpty();
    }

    /** The buffered rows, then the rows of each deferred source as it produces them. */
    Iterable<Object[]> all() {
      List<Iterable<Object[]>> parts = new ArrayList<>();
      parts.add(rows);
      parts.addAll(later);
      return () -> parts.stream().flatMap(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false)).iterator();
    }

    void clear() {
      rows.clear();
      later.clear();
    }
  }

  Db(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  // ---- reads ---------------------------------------------------------------------------------

  void query(String sql, List<?> params, RowReader reader) throws SQLException {
    flush();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setFetchSize(5000);
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  /**
   * Runs {@code sqlWithIn} once per chunk of {@code ids}, with {@code (?,?,...)} in place of {@code
   * IN_LIST}; a null reader runs it as an update.
   */
  void queryIn(String sqlWithIn, List<?> before, Collection<Long> ids, RowReader reader) throws SQLException {
    List<Long> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += 1000) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + 1000));
      StringBuilder in = new StringBuilder("(");
      for (int i = 0; i < chunk.size(); i++) {
        in.append(i == 0 ? "?" : ",?");
      }
      in.append(')');
      List<Object> params = new ArrayList<>(before);
      params.addAll(chunk);
      if (reader == null) {
        flush();
        try (PreparedStatement ps = connection.prepareStatement(sqlWithIn.replace("IN_LIST", in))) {
          bind(ps, params);
          ps.executeUpdate();
        }
      } else {
        query(sqlWithIn.replace("IN_LIST", in), params, reader);
      }
    }
  }

  Long queryLong(String sql, Object... params) throws SQLException {
    Long[] out = {null};
    query(sql, List.of(params), rs -> {
      if (out[0] == null) {
        long v = rs.getLong(1);
        out[0] = rs.wasNull() ? null : v;
      }
    });
    return out[0];
  }

  long[] allocateIds(String table, int n) throws SQLException {
    long[] ids = new long[n];
    if (n == 0) {
      return ids;
    }
    int[] i = {0};
    query(dialect.allocateIds(table), List.of(n), rs -> ids[i[0]++] = rs.getLong(1));
    return ids;
  }

  // ---- batched statements --------------------------------------------------------------------

  void exec(String sql, Object... params) throws SQLException {
    if (!sql.equals(pendingSql)) {
      flush();
      pending = connection.prepareStatement(sql);
      pendingSql = sql;
    }
    bind(pending, java.util.Arrays.asList(params));
    pending.addBatch();
    if (++pendingCount >= BATCH) {
      pending.executeBatch();
      pendingCount = 0;
    }
  }

  /** {@code UPDATE table SET col = ?, ... WHERE id = ?} for the given columns, batched. */
  void update(String table, long id, Map<String, Object> set) throws SQLException {
    if (set.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
    List<Object> params = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<String, Object> e : set.entrySet()) {
      sql.append(first ? "" : ", ").append(quote(e.getKey())).append(" = ")
          .append(e.getValue() instanceof JsonNode ? dialect.jsonParameter() : "?");
      params.add(e.getValue());
      first = false;
    }
    sql.append(" WHERE id = ?");
    params.add(id);
    exec(sql.toString(), params.toArray());
  }

  void flush() throws SQLException {
    if (pending != null) {
      try {
        if (pendingCount > 0) {
          pending.executeBatch();
        }
      } finally {
        pending.close();
        pending = null;
        pendingSql = null;
        pendingCount = 0;
      }
    }
  }

  // ---- buffered inserts ----------------------------------------------------------------------

  /** Buffers a new row; every row of a table must name the same columns in the same order. */
  void insert(String table, String[] columns, Object[] values) {
    buffer(table, columns).rows.add(values);
  }

  /**
   * Queues rows that are computed only while their table is written: they are garbage as soon as
   * they are sent, instead of all living (and being copied by the collector) until the end.
   */
  void insertLater(String table, String[] columns, Iterable<Object[]> rows) {
    buffer(table, columns).later.add(rows);
  }

  private Buffer buffer(String table, String[] columns) {
    Buffer b = buffers.computeIfAbsent(table, t -> new Buffer(columns));
    if (b.columns != columns && !java.util.Arrays.equals(b.columns, columns)) {
      throw new IllegalStateException("rows of " + table + " with different columns");
    }
    return b;
  }

  /** Writes every buffered row, table by table in first-use order; calls back after each table. */
  void flushInserts(java.util.function.Consumer<String> afterTable) throws SQLException {
    flush();
    for (Map.Entry<String, Buffer> e : buffers.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      if (dialect == Dialect.POSTGRES) {
        copy(e.getKey(), e.getValue());
      } else {
        batchInsert(e.getKey(), e.getValue());
      }
      e.getValue().clear();
      afterTable.accept(e.getKey());
    }
  }

  /** One COPY per table, streamed in small pieces so the server parses while the rest is generated. */
  private void copy(String table, Buffer b) throws SQLException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    StringBuilder cols = new StringBuilder();
    for (String c : b.columns) {
      cols.append(cols.length() == 0 ? "" : ",").append(quote(c));
    }
    CopyIn in = copy.copyIn("COPY " + table + " (" + cols + ") FROM STDIN");
    try {
      StringBuilder text = new StringBuilder(COPY_PIECE * 2);
      for (Object[] row : b.all()) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            text.append('\t');
          }
          copyValue(text, row[i]);
        }
        text.append('\n');
        if (text.length() >= COPY_PIECE) {
          byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(bytes, 0, bytes.length);
          text.setLength(0);
        }
      }
      if (text.length() > 0) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
      }
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private void copyValue(StringBuilder out, Object value) {
    Object v = value instanceof Deferred ? ((Deferred) value).get() : value;
    if (v == null) {
      out.append("\\N");
      return;
    }
    String s;
    if (v instanceof Boolean) {
      out.append((Boolean) v ? 't' : 'f');
      return;
    } else if (v instanceof Long || v instanceof Integer) {
      out.append(v);
      return;
    } else if (v instanceof OffsetDateTime) {
      s = timestamp((OffsetDateTime) v);
    } else if (v instanceof TextArray) {
      s = ((TextArray) v).literal();
    } else if (v instanceof JsonNode && !(v instanceof com.fasterxml.jackson.databind.node.TextNode)) {
      s = JsonText.of((JsonNode) v);
    } else {
      s = v.toString();
    }
    CopyText.append(out, s);
  }

  private OffsetDateTime lastTimestamp;
  private String lastTimestampText;

  /** ISO text of a timestamp; an apply writes one timestamp many times, so the last one is kept. */
  String timestamp(OffsetDateTime t) {
    if (t != lastTimestamp) {
      lastTimestampText = t.toString();
      lastTimestamp = t;
    }
    return lastTimestampText;
  }

  private void batchInsert(String table, Buffer b) throws SQLException {
    StringBuilder cols = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (String c : b.columns) {
      cols.append(cols.length() == 0 ? "" : ",").append(quote(c));
      marks.append(marks.length() == 0 ? "?" : ",?");
    }
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")")) {
      int n = 0;
      for (Object[] row : b.all()) {
        bind(ps, java.util.Arrays.asList(row));
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  // ---- binding -------------------------------------------------------------------------------

  private void bind(PreparedStatement ps, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i) instanceof Deferred ? ((Deferred) params.get(i)).get() : params.get(i);
      int at = i + 1;
      if (v == null) {
        ps.setNull(at, Types.NULL);
      } else if (v instanceof JsonNode) {
        ps.setString(at, v.toString());
      } else if (v instanceof TextArray) {
        if (dialect == Dialect.POSTGRES) {
          ps.setArray(at, connection.createArrayOf("varchar", ((TextArray) v).values));
        } else {
          ps.setString(at, ((TextArray) v).literal());
        }
      } else if (v instanceof OffsetDateTime || v instanceof UUID) {
        ps.setObject(at, v);
      } else {
        ps.setObject(at, v);
      }
    }
  }

  static String quote(String column) {
    switch (column) {
      case "position":
      case "time":
      case "timestamp":
      case "default":
      case "unique":
      case "value":
        return "\"" + column + "\"";
      default:
        return column;
    }
  }
}
