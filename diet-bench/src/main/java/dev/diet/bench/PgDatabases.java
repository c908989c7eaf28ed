package dev.diet.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * PostgreSQL databases for the benchmarks: a template holding NetBox's schema and seed rows (from
 * ../shared/netbox), and fresh copies of it made with {@code CREATE DATABASE ... TEMPLATE}, which
 * takes a fraction of a second. The server comes from DIET_TEST_PG_URL, DIET_TEST_PG_USER and
 * DIET_TEST_PG_PASSWORD (a superuser, as .ci/run creates).
 */
public final class PgDatabases {
  public static final String TEMPLATE = "diet_bench_netbox";

  private final String url;
  private final String user;
  private final String password;

  private PgDatabases(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Prints the configured server's version and exits 0, or prints why there is none and exits 1. */
  public static void main(String[] args) {
    Optional<PgDatabases> pg = fromEnvironment();
    if (pg.isEmpty()) {
      System.out.println("DIET_TEST_PG_URL is not set");
      System.exit(1);
    }
    try (Connection c = DriverManager.getConnection(pg.get().url, pg.get().user, pg.get().password);
        Statement st = c.createStatement();
        var rs = st.executeQuery("SHOW server_version")) {
      rs.next();
      System.out.println("PostgreSQL " + rs.getString(1));
    } catch (SQLException e) {
      System.out.println("PostgreSQL at " + pg.get().url + " is not reachable: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The configured server, or empty when DIET_TEST_PG_URL is not set. */
  public static Optional<PgDatabases> fromEnvironment() {
    String url = System.getenv("DIET_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new PgDatabases(url, env("DIET_TEST_PG_USER", "diet_test"), env("DIET_TEST_PG_PASSWORD", "diet_test")));
  }

  /** The configured server; fails with the reason when there is none. */
  public static PgDatabases require() {
    return fromEnvironment().orElseThrow(() -> new IllegalStateException("DIET_TEST_PG_URL is not set: no PostgreSQL to benchmark against"));
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** JDBC URL of database {@code name} on the configured server. */
  public String urlOf(String name) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', Math.max(slash, 0));
    String base = slash < 0 ? url + "/" : url.substring(0, slash + 1);
    return base + name + (query < 0 ? "" : url.substring(query));
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(urlOf(database), user, password);
  }

  /** Creates the template with NetBox's schema and seed unless it exists already. */
  public void ensureTemplate() {
    try (Connection admin = DriverManager.getConnection(url, user, password); Statement st = admin.createStatement()) {
      try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + TEMPLATE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      st.execute("CREATE DATABASE " + TEMPLATE);
      try (Connection db = connect(TEMPLATE)) {
        load(db, sharedNetbox().resolve("netbox-schema.sql"));
        load(db, sharedNetbox().resolve("netbox-seed.sql"));
      } catch (SQLException | RuntimeException e) {
        st.execute("DROP DATABASE IF EXISTS " + TEMPLATE);
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the NetBox template database on " + url + ": " + e.getMessage(), e);
    }
  }

  /** Drops database {@code name} if present and creates it as a copy of {@code template}. */
  public void recreate(String name, String template) {
    try (Connection admin = DriverManager.getConnection(url, user, password); Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + " from " + template + ": " + e.getMessage(), e);
    }
  }

  public void drop(String name) {
    try (Connection admin = DriverManager.getConnection(url, user, password); Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a pg_dump file through JDBC: SQL as is, {@code COPY ... FROM stdin} blocks through the
   * copy API, other psql meta-commands (lines starting with a backslash) skipped.
   */
  private static void load(Connection db, Path file) throws SQLException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    StringBuilder sql = new StringBuilder();
    try (Statement st = db.createStatement()) {
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("COPY ") && line.endsWith("FROM stdin;")) {
          flush(st, sql);
          StringBuilder data = new StringBuilder();
          for (i++; i < lines.size() && !lines.get(i).equals("\\."); i++) {
            data.append(lines.get(i)).append('\n');
          }
          try {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn(line.substring(0, line.length() - 1), new StringReader(data.toString()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        } else if (!line.startsWith("\\")) {
          sql.append(line).append('\n');
        }
      }
      flush(st, sql);
    }
  }

  private static void flush(Statement st, StringBuilder sql) throws SQLException {
    if (!sql.toString().isBlank()) {
      st.execute(sql.toString());
    }
    sql.setLength(0);
  }

  /** ../shared/netbox beside the repository: from -Ddiet.shared, else found above the working directory. */
  static Path sharedNetbox() {
    String configured = System.getProperty("diet.shared");
    if (configured != null) {
      return Path.of(configured).resolve("netbox");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/netbox");
      if (Files.isRegularFile(candidate.resolve("netbox-schema.sql"))) {
        return candidate;
      }
      Path sibling = dir.resolveSibling("shared").resolve("netbox");
      if (Files.isRegularFile(sibling.resolve("netbox-schema.sql"))) {
        return sibling;
      }
    }
    throw new IllegalStateException("../shared/netbox/netbox-schema.sql not found; set -Ddiet.shared to the shared folder");
  }
}
