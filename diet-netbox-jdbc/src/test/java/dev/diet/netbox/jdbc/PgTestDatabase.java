package dev.diet.netbox.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diet.testing.SharedFixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * A fresh PostgreSQL database holding NetBox 4.4's schema and seed rows ({@code
 * ../shared/netbox/netbox-schema.sql} and {@code netbox-seed.sql}), for tests and benchmarks.
 * The server comes from {@code DIET_TEST_PG_URL}, {@code DIET_TEST_PG_USER} and {@code
 * DIET_TEST_PG_PASSWORD} (a role allowed to create databases); without them the calling test is
 * skipped. The schema is loaded once into a template database; each fresh database is a copy.
 */
public final class PgTestDatabase implements AutoCloseable {
  private static final String URL = "DIET_TEST_PG_URL";
  private static final String[] WRITTEN = {"dcim_site", "dcim_manufacturer", "dcim_devicerole", "dcim_devicetype",
      "dcim_moduletype", "dcim_moduletypeprofile", "dcim_interfacetemplate", "dcim_device", "dcim_modulebay", "dcim_module",
      "dcim_interface", "dcim_cable", "dcim_cabletermination", "dcim_cablepath", "extras_tag", "extras_taggeditem",
      "extras_customfield", "extras_customfield_object_types", "core_objectchange", "extras_cachedvalue", "ipam_ipaddress"};
  private static String template;

  private final String adminUrl;
  private final String user;
  private final String password;
  private final String name;
  private final String url;

  private PgTestDatabase(String adminUrl, String user, String password, String name) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.name = name;
    this.url = replaceDatabase(adminUrl, name);
  }

  /** Whether the PostgreSQL test server is configured. */
  public static boolean available() {
    String url = System.getenv(URL);
    return url != null && !url.isBlank();
  }

  /** A new database with NetBox's schema; skips the calling test when no server is configured. */
  public static PgTestDatabase create() {
    assumeTrue(available(), URL + " is not set: PostgreSQL tests need a server (.ci/run starts one)");
    Path netbox = SharedFixtures.netbox();
    String adminUrl = System.getenv(URL);
    String user = System.getenv("DIET_TEST_PG_USER");
    String password = System.getenv("DIET_TEST_PG_PASSWORD");
    try {
      String tpl = template(adminUrl, user, password, netbox);
      String name = "diet_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      try (Connection c = open(adminUrl, user, password); Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + name + " TEMPLATE " + tpl);
      }
      return new PgTestDatabase(adminUrl, user, password, name);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot create a NetBox test database: " + e.getMessage(), e);
    }
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** A backend on this database. */
  public JdbcNetBoxBackend backend() {
    return JdbcNetBoxBackend.connect(url, user, password);
  }

  /** A plain connection to this database (auto-commit on); the caller closes it. */
  public Connection connect() throws SQLException {
    return open(url, user, password);
  }

  /** Empties every table DIET writes (NetBox's seed rows stay), so one database serves many tests. */
  public void reset() {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (String table : WRITTEN) {
        st.execute("DELETE FROM " + table);
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty test database " + name + ": " + e.getMessage(), e);
    }
  }

  /** Drops the database, ending its connections. */
  @Override
  public void close() {
    try (Connection c = open(adminUrl, user, password); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
    }
  }

  private static synchronized String template(String adminUrl, String user, String password, Path netbox)
      throws SQLException, IOException {
    if (template != null) {
      return template;
    }
    String schema = Files.readString(netbox.resolve("netbox-schema.sql"), StandardCharsets.UTF_8);
    String seed = Files.readString(netbox.resolve("netbox-seed.sql"), StandardCharsets.UTF_8);
    String name = "diet_netbox_tpl_" + sha(schema + seed).substring(0, 12);
    try (Connection c = open(adminUrl, user, password); Statement st = c.createStatement()) {
      boolean exists;
      try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        String loading = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        st.execute("CREATE DATABASE " + loading);
        try (Connection t = open(replaceDatabase(adminUrl, loading), user, password)) {
          load(t, schema);
          load(t, seed);
        }
        try {
          st.execute("ALTER DATABASE " + loading + " RENAME TO " + name);
        } catch (SQLException raced) {
          st.execute("DROP DATABASE IF EXISTS " + loading);
        }
      }
    }
    template = name;
    return name;
  }

  /** Runs a pg_dump script through JDBC: psql meta-commands skipped, COPY blocks streamed. */
  static void load(Connection c, String script) throws SQLException, IOException {
    BufferedReader in = new BufferedReader(new StringReader(script));
    StringBuilder sql = new StringBuilder();
    try (Statement st = c.createStatement()) {
      String line;
      while ((line = in.readLine()) != null) {
        if (sql.length() == 0 && (line.startsWith("\\") || line.startsWith("--") || line.isBlank())) {
          continue;
        }
        sql.append(line).append('\n');
        if (!line.endsWith(";")) {
          continue;
        }
        String statement = sql.toString();
        sql.setLength(0);
        if (statement.startsWith("COPY ") && statement.contains("FROM stdin")) {
          StringBuilder data = new StringBuilder();
          while ((line = in.readLine()) != null && !line.equals("\\.")) {
            data.append(line).append('\n');
          }
          c.unwrap(PGConnection.class).getCopyAPI().copyIn(statement, new StringReader(data.toString()));
        } else {
          st.execute(statement);
        }
      }
    }
  }

  private static Connection open(String url, String user, String password) throws SQLException {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    return DriverManager.getConnection(url, p);
  }

  private static String replaceDatabase(String url, String database) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String rest = q < 0 ? "" : url.substring(q);
    int slash = base.lastIndexOf('/');
    return base.substring(0, slash + 1) + database + rest;
  }

  private static String sha(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
