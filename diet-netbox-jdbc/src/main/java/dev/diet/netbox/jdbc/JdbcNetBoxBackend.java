package dev.diet.netbox.jdbc;

import dev.diet.diff.Action;
import dev.diet.diff.ChangeSet;
import dev.diet.diff.Operation;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.BackendException;
import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.ObserveScope;
import dev.diet.spi.ObservedState;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.ObjectKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A {@link NetBoxBackend} that reads and writes NetBox's own tables over JDBC: NetBox 4.4's
 * PostgreSQL schema, or DIET's NetBox-shaped schema in an embedded H2 database. Each apply is one
 * transaction that writes what NetBox's ORM would (terminations, paths, counters, change log,
 * search cache) and holds a per-plan lock.
 */
public final class JdbcNetBoxBackend implements NetBoxBackend {
  /** The newest dcim migration of the NetBox schema this backend writes (NetBox 4.4). */
  static final String DCIM_MIGRATION = "0216_latitude_longitude_validators";
  private static final String H2_SCHEMA = "h2-netbox.sql";

  private final Dialect dialect;
  private final String url;
  private final Properties properties;
  private final String description;
  private final Connection keeper;
  private final Map<String, Integer> contentTypes;
  private final java.util.concurrent.ConcurrentLinkedDeque<Connection> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  private JdbcNetBoxBackend(Dialect dialect, String url, Properties properties, String description) {
    this.dialect = dialect;
    this.url = url;
    this.properties = properties;
    this.description = description;
    Connection first = open();
    try {
      if (dialect == Dialect.H2 && hasNoTables(first)) {
        createH2Schema(first);
      }
      checkSchema(first);
      this.contentTypes = Collections.unmodifiableMap(contentTypes(first));
    } catch (SQLException e) {
      closeQuietly(first);
      throw new BackendException("cannot read the NetBox schema at " + description + ": " + e.getMessage(),
          "check that the database holds NetBox 4.4's tables", e);
    } catch (RuntimeException e) {
      closeQuietly(first);
      throw e;
    }
    if (dialect == Dialect.H2) {
      this.keeper = first;
    } else {
      this.keeper = null;
      closeQuietly(first);
    }
  }

  /**
   * An embedded H2 database in {@code directory} (created when missing) holding DIET's
   * NetBox-shaped schema, created on first use. Only one process may use it at a time.
   */
  public static JdbcNetBoxBackend embedded(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new DatabaseUnreachableException("cannot create the embedded NetBox directory " + directory + ": " + e.getMessage(),
          "choose a writable directory", e);
    }
    String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("netbox") + ";LOCK_TIMEOUT=200";
    return new JdbcNetBoxBackend(Dialect.H2, url, new Properties(), "embedded NetBox (H2) in " + directory);
  }

  /**
   * A NetBox database by JDBC URL: {@code jdbc:postgresql://host:port/db} (NetBox 4.4's schema
   * must exist) or {@code jdbc:h2:...} (DIET's schema is created in an empty database). A null user
   * or password comes from the URL, or for PostgreSQL the password from {@code PGPASSWORD}.
   */
  public static JdbcNetBoxBackend connect(String jdbcUrl, String user, String password) {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      String pw = password != null ? password : jdbcUrl.contains("password=") ? null : System.getenv("PGPASSWORD");
      if (pw != null) {
        p.setProperty("password", pw);
      }
      p.setProperty("ApplicationName", "diet");
      p.setProperty("reWriteBatchedInserts", "true");
      p.setProperty("connectTimeout", "10");
      return new JdbcNetBoxBackend(Dialect.POSTGRES, jdbcUrl, p, "NetBox database " + withoutSecrets(jdbcUrl));
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      if (password != null) {
        p.setProperty("password", password);
      }
      return new JdbcNetBoxBackend(Dialect.H2, jdbcUrl, p, "NetBox database " + withoutSecrets(jdbcUrl));
    }
    throw new DatabaseUnreachableException("'" + withoutSecrets(jdbcUrl) + "' is not a PostgreSQL or H2 JDBC URL",
        "use jdbc:postgresql://HOST:PORT/DATABASE, or leave the target out for the embedded database");
  }

  private static String withoutSecrets(String url) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    int semi = base.indexOf(';');
    return semi < 0 || !base.startsWith("jdbc:h2:") ? base : base.substring(0, semi);
  }

  @Override
  public String describe() {
    return description;
  }

  // ---- connections and schema ----------------------------------------------------------------

  /** A pooled connection in auto-commit mode; give it back with {@link #release}. */
  private Connection acquire() {
    if (closed) {
      throw new IllegalStateException(description + " is closed");
    }
    Connection c = idle.pollFirst();
    return c != null ? c : open();
  }

  /** Returns a healthy connection to the pool; a broken one (or any, after close) is closed. */
  private void release(Connection c, boolean healthy) {
    if (healthy && !closed) {
      try {
        if (!c.getAutoCommit()) {
          c.rollback();
          c.setAutoCommit(true);
        }
        if (c.isReadOnly()) {
          c.setReadOnly(false);
        }
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        if (idle.size() < 4) {
          idle.addFirst(c);
          return;
        }
      } catch (SQLException e) {
        // Not reusable; closed below.
      }
    }
    closeQuietly(c);
  }

  private Connection open() {
    try {
      return DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.equals("28P01") || state.equals("28000")) {
        throw new CredentialsRejectedException("the database at " + description + " refused the credentials: " + e.getMessage(),
            "check --db-user and PGPASSWORD (or the user and password in the URL)", e);
      }
      if (state.equals("3D000")) {
        throw new DatabaseUnreachableException("the database of " + description + " does not exist: " + e.getMessage(),
            "check the database name in the URL", e);
      }
      if (state.equals("90020") || state.equals("HYT00") || e.getErrorCode() == 90020) {
        throw new PlanLockedException("the embedded database at " + description + " is in use by another process",
            "wait for the other DIET command to finish", e);
      }
      throw new DatabaseUnreachableException("cannot reach " + description + ": " + e.getMessage(),
          "check that the database server runs and that host, port and database in the URL are right", e);
    }
  }

  private static boolean hasTable(Connection c, String upperName) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, null, upperName, null)) {
      if (rs.next()) {
        return true;
      }
    }
    try (ResultSet rs = c.getMetaData().getTables(null, null, upperName.toLowerCase(java.util.Locale.ROOT), null)) {
      return rs.next();
    }
  }

  /** Whether an H2 database is new: DIET creates its schema only there, never beside someone else's tables. */
  private static boolean hasNoTables(Connection c) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE", "BASE TABLE"})) {
      return !rs.next();
    }
  }

  private static void createH2Schema(Connection c) throws SQLException {
    String ddl;
    try (InputStream in = JdbcNetBoxBackend.class.getResourceAsStream(H2_SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("resource " + H2_SCHEMA + " is missing from the jar");
      }
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + H2_SCHEMA, e);
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      StringBuilder sql = new StringBuilder();
      for (String line : ddl.split("\n")) {
        if (line.startsWith("--")) {
          continue;
        }
        if (line.trim().equals(";")) {
          st.execute(sql.toString());
          sql.setLength(0);
        } else {
          sql.append(line).append('\n');
        }
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private void checkSchema(Connection c) throws SQLException {
    if (!hasTable(c, "DJANGO_MIGRATIONS") || !hasTable(c, "DCIM_DEVICE")) {
      throw new NotNetBoxSchemaException(description + " holds no NetBox schema (no django_migrations or dcim_device table)",
          "point DIET at NetBox's own database (see NetBox's configuration.py DATABASE), after NetBox's migrations ran");
    }
    String newest = null;
    boolean required = false;
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM django_migrations WHERE app = 'dcim'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String name = rs.getString(1);
        required |= name.equals(DCIM_MIGRATION);
        if (number(name) > number(newest == null ? "0000" : newest)) {
          newest = name;
        }
      }
    }
    if (newest == null) {
      throw new NotNetBoxSchemaException(description + " has no dcim migrations recorded in django_migrations",
          "run NetBox's migrations (manage.py migrate) before using DIET");
    }
    if (number(newest) > number(DCIM_MIGRATION)) {
      throw new UnsupportedSchemaException(description + " holds a newer NetBox schema (dcim migration " + newest
          + ") than this DIET supports (NetBox 4.4, dcim " + DCIM_MIGRATION + ")",
          "use a DIET release that supports this NetBox version, or the REST backend");
    }
    if (!required) {
      throw new UnsupportedSchemaException(description + " holds an older NetBox schema (newest dcim migration " + newest
          + "); DIET writes NetBox 4.4's schema (dcim " + DCIM_MIGRATION + ")",
          "upgrade NetBox to 4.4 (and run its migrations), or use the REST backend");
    }
  }

  private static int number(String migration) {
    int i = 0;
    while (i < migration.length() && Character.isDigit(migration.charAt(i))) {
      i++;
    }
    return i == 0 ? -1 : Integer.parseInt(migration.substring(0, i));
  }

  private static Map<String, Integer> contentTypes(Connection c) throws SQLException {
    Map<String, Integer> m = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, app_label, model FROM django_content_type");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        m.put(rs.getString(2) + "." + rs.getString(3), rs.getInt(1));
      }
    }
    for (ObjectKind k : ObjectKind.values()) {
      if (!m.containsKey(k.contentType())) {
        throw new NotNetBoxSchemaException("the database has no content type " + k.contentType(),
            "load NetBox's content types (NetBox creates them during its migrations)");
      }
    }
    return m;
  }

  // ---- observe -------------------------------------------------------------------------------

  @Override
  public ObservedState observe(ObserveScope scope, ProgressListener listener) {
    Connection c = acquire();
    boolean healthy = false;
    try {
      c.setAutoCommit(false);
      if (dialect == Dialect.POSTGRES) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
      }
      ObservedState state = new Observer(new Db(c, dialect), contentTypes, scope.planId()).observe(scope, listener);
      c.commit();
      healthy = true;
      return state;
    } catch (SQLException e) {
      throw new DatabaseUnreachableException("observing " + description + " failed: " + e.getMessage(),
          "check the database connection and run the command again", e);
    } finally {
      release(c, healthy);
    }
  }

  // ---- apply ---------------------------------------------------------------------------------

  @Override
  public ApplyReport apply(ChangeSet changeSet, ApplyOptions options, ProgressListener listener) {
    List<Operation> ops = changeSet.operations();
    Connection c = acquire();
    boolean healthy = false;
    Operation current = null;
    String requestId = null;
    try {
      c.setAutoCommit(false);
      lock(c, changeSet.planId());
      Db db = new Db(c, dialect);
      Applier applier = new Applier(db, contentTypes, changeSet.planId(),
          OffsetDateTime.ofInstant(options.clock().instant(), ZoneOffset.UTC));
      requestId = applier.requestId();
      applier.prepare(ops);
      Map<Action, Integer> done = new EnumMap<>(Action.class);
      int i = 0;
      while (i < ops.size()) {
        ObjectKind kind = ops.get(i).kind();
        int end = i;
        while (end < ops.size() && ops.get(end).kind() == kind) {
          end++;
        }
        listener.started(Phase.APPLY, kind.wire(), end - i);
        for (int j = i; j < end; j++) {
          current = ops.get(j);
          try {
            applier.execute(current);
          } catch (Applier.RuleViolation e) {
            rollbackQuietly(c);
            healthy = true;
            listener.finished(Phase.APPLY, kind.wire());
            return failed(current, current.action() + " " + current.displayName() + ": " + e.getMessage(), requestId);
          }
          done.merge(current.action(), 1, Integer::sum);
          if ((j - i + 1) % 1000 == 0 || j == end - 1) {
            listener.progressed(Phase.APPLY, kind.wire(), j - i + 1, end - i);
          }
        }
        listener.finished(Phase.APPLY, kind.wire());
        i = end;
      }
      current = null;
      listener.started(Phase.APPLY, "write", 1);
      applier.finish(table -> listener.progressed(Phase.APPLY, "write " + table, 0, 1));
      c.commit();
      healthy = true;
      listener.finished(Phase.APPLY, "write");
      return new ApplyReport(done, List.of(), false, requestId);
    } catch (SQLException e) {
      rollbackQuietly(c);
      Operation blamed = current != null ? current : ops.isEmpty() ? null : ops.get(ops.size() - 1);
      String what = current != null ? current.action() + " " + current.displayName() + ": " : "writing the change set: ";
      if (blamed == null) {
        throw new DatabaseUnreachableException("applying to " + description + " failed: " + e.getMessage(),
            "check the database connection and run the command again", e);
      }
      return failed(blamed, what + e.getMessage() + " (nothing was written)", requestId);
    } finally {
      release(c, healthy);
    }
  }

  private static ApplyReport failed(Operation op, String message, String requestId) {
    return new ApplyReport(Map.of(), List.of(new ApplyReport.Failure(op.key(), message)), true, requestId);
  }

  /** Takes the plan's lock for this transaction, or fails at once when another apply holds it. */
  private void lock(Connection c, String planId) throws SQLException {
    if (dialect == Dialect.POSTGRES) {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
        ps.setLong(1, lockKey(planId));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            throw locked(planId, null);
          }
        }
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("MERGE INTO diet_lock (plan_id) KEY (plan_id) VALUES (?)")) {
      ps.setString(1, planId);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (e.getErrorCode() == 50200 || "HYT00".equals(e.getSQLState())) {
        throw locked(planId, e);
      }
      throw e;
    }
  }

  private PlanLockedException locked(String planId, Throwable cause) {
    return new PlanLockedException("another apply of plan '" + planId + "' is running against " + description,
        "wait for it to finish, then run diet plan again: the other apply may already have made these changes", cause);
  }

  /** The advisory-lock key of a plan: the first 8 bytes of SHA-256 over {@code diet:<plan id>}. */
  static long lockKey(String planId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(("diet:" + planId).getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A connection for the test harness and tools of this module; the caller closes it. */
  Connection connection() {
    return open();
  }

  /** Runs work on a pooled connection (the harness's and tools' way to avoid reconnecting). */
  <T> T withConnection(java.util.function.Function<Connection, T> work) {
    Connection c = acquire();
    boolean healthy = false;
    try {
      T result = work.apply(c);
      healthy = true;
      return result;
    } finally {
      release(c, healthy);
    }
  }

  Dialect dialect() {
    return dialect;
  }

  Map<String, Integer> contentTypes() {
    return contentTypes;
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      closeQuietly(c);
    }
    if (keeper != null) {
      closeQuietly(keeper);
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException ignored) {
      // The connection is gone; the server rolls the transaction back.
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing left to release.
    }
  }
}
