package dev.diet.netbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diet.diff.DiffOptions;
import dev.diet.generate.Generator;
import dev.diet.plan.PlanReader;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.ObserveScope;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Timing harness for the scale examples on PostgreSQL (prints, never asserts time): apply of
 * {@code examples/scale/fabric-10k.yaml} from empty with per-step times, observes of the result, and
 * a raw COPY of the same rows into a fresh database as the baseline. Runs only with {@code
 * -Ddiet.scale=true} (and {@code -Ddiet.scale.plan=fabric-1k.yaml} for a smaller plan).
 */
class ScaleTiming {
  private static final String[] TABLES = {"dcim_site", "dcim_manufacturer", "dcim_devicerole", "extras_tag", "extras_customfield",
      "extras_customfield_object_types", "dcim_moduletypeprofile", "dcim_devicetype", "dcim_moduletype", "dcim_interfacetemplate",
      "dcim_device", "dcim_modulebay", "dcim_module", "dcim_interface", "dcim_cable", "dcim_cabletermination", "dcim_cablepath",
      "extras_taggeditem", "core_objectchange", "extras_cachedvalue"};

  static Path example(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples/scale").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("examples/scale/" + name + " not found");
  }

  /** Prints the time since the previous event at each step of the apply. */
  static final class Steps implements ProgressListener {
    long last = System.nanoTime();

    void mark(String what) {
      long now = System.nanoTime();
      System.out.printf("  %-40s %7.0f ms%n", what, (now - last) / 1e6);
      last = now;
    }

    @Override
    public void started(Phase phase, String detail, long total) {
      if (phase == Phase.APPLY) {
        mark("write".equals(detail) ? "operations of the last kind" : "before " + detail);
      }
    }

    @Override
    public void progressed(Phase phase, String detail, long done, long total) {
      if (detail.startsWith("write ")) {
        mark(detail);
      }
    }

    @Override
    public void finished(Phase phase, String detail) {
      if (phase == Phase.OBSERVE || phase == Phase.APPLY && "write".equals(detail)) {
        mark(phase + " " + detail + (phase == Phase.APPLY ? " (commit)" : ""));
      }
    }
  }

  @Test
  void tenThousand() throws Exception {
    assumeTrue(Boolean.getBoolean("diet.scale"), "timing harness: run with -Ddiet.scale=true");
    DesiredState desired = Generator.generate(PlanReader.read(example(System.getProperty("diet.scale.plan", "fabric-10k.yaml"))));
    Map<String, byte[]> dump = new LinkedHashMap<>();
    PgTestDatabase db = PgTestDatabase.create();
    try (JdbcNetBoxBackend backend = db.backend()) {
      Preview preview = Reconciler.builder(backend).build().plan(desired, DiffOptions.defaults());
      System.out.println("apply of " + preview.changeSet().operations().size() + " operations");
      Steps steps = new Steps();
      long t0 = System.nanoTime();
      ApplyOutcome outcome = Reconciler.builder(backend).listener(steps).build().apply(preview);
      System.out.printf("APPLY total %.2f s%n", (System.nanoTime() - t0) / 1e9);
      assertThat(outcome.report().rolledBack()).isFalse();
      ObserveScope scope = Reconciler.scopeOf(desired);
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        backend.observe(scope, ProgressListener.NONE);
        System.out.printf("OBSERVE %.2f s%n", (System.nanoTime() - t) / 1e9);
      }
      for (int i = 0; i < 2; i++) {
        long t = System.nanoTime();
        Preview again = Reconciler.builder(backend).build().plan(desired, DiffOptions.defaults());
        System.out.printf("PLAN (no change) %.2f s, %d operations%n", (System.nanoTime() - t) / 1e9,
            again.changeSet().operations().size());
      }
      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (String table : TABLES) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          copy.copyOut("COPY " + table + " TO STDOUT", out);
          dump.put(table, out.toByteArray());
        }
        List<String> sizes = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relname IN ('"
            + String.join("','", TABLES) + "') ORDER BY 2 DESC")) {
          while (rs.next()) {
            sizes.add(rs.getString(1) + "=" + rs.getLong(2) / 1024 / 1024 + "MB");
          }
        }
        System.out.println("sizes " + sizes);
      }
    } finally {
      if (Boolean.getBoolean("diet.scale.keep")) {
        System.out.println("kept database " + db.url());
      } else {
        db.close();
      }
    }
    if (Boolean.parseBoolean(System.getProperty("diet.scale.baseline", "true"))) {
      baseline(dump, false);
    }
  }

  /** Dumps the tables of an already applied database ({@code -Ddiet.scale.url}) and COPYs them into fresh ones. */
  @Test
  void baselineExisting() throws Exception {
    String url = System.getProperty("diet.scale.url");
    assumeTrue(url != null, "timing harness: run with -Ddiet.scale.url=<database the 10k plan was applied to>");
    Map<String, byte[]> dump = new LinkedHashMap<>();
    try (Connection c = java.sql.DriverManager.getConnection(url, System.getenv("DIET_TEST_PG_USER"), System.getenv("DIET_TEST_PG_PASSWORD"))) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (String table : TABLES) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy.copyOut("COPY " + table + " TO STDOUT", out);
        dump.put(table, out.toByteArray());
      }
    }
    for (int i = 0; i < Integer.getInteger("diet.scale.repeat", 2); i++) {
      baseline(dump, false);
      baseline(dump, true);
    }
  }

  private static void baseline(Map<String, byte[]> dump, boolean asyncCommit) throws Exception {
    try (PgTestDatabase fresh = PgTestDatabase.create(); Connection c = fresh.connect(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (String table : TABLES) {
        st.execute("DELETE FROM " + table);
      }
      c.commit();
      if (asyncCommit) {
        st.execute("SET LOCAL synchronous_commit = off");
      }
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      long t = System.nanoTime();
      long last = t;
      for (Map.Entry<String, byte[]> e : dump.entrySet()) {
        copy.copyIn("COPY " + e.getKey() + " FROM STDIN", new ByteArrayInputStream(e.getValue()));
        long now = System.nanoTime();
        if (e.getValue().length > 1 << 20) {
          System.out.printf("  baseline COPY %-32s %6.0f ms %6d KB%n", e.getKey(), (now - last) / 1e6, e.getValue().length / 1024);
        }
        last = now;
      }
      c.commit();
      long now = System.nanoTime();
      System.out.printf("  baseline commit %.0f ms%nBASELINE%s total %.2f s%n", (now - last) / 1e6,
          asyncCommit ? " (synchronous_commit off)" : "", (now - t) / 1e9);
    }
  }

  /** Observes an already applied database ({@code -Ddiet.scale.url=jdbc:postgresql://...}) several times. */
  @Test
  void observeExisting() {
    String url = System.getProperty("diet.scale.url");
    assumeTrue(url != null, "timing harness: run with -Ddiet.scale.url=<database the 10k plan was applied to>");
    DesiredState desired = Generator.generate(PlanReader.read(example(System.getProperty("diet.scale.plan", "fabric-10k.yaml"))));
    ObserveScope scope = Reconciler.scopeOf(desired);
    try (JdbcNetBoxBackend backend = JdbcNetBoxBackend.connect(url, System.getenv("DIET_TEST_PG_USER"), System.getenv("DIET_TEST_PG_PASSWORD"))) {
      for (int i = 0; i < Integer.getInteger("diet.scale.repeat", 5); i++) {
        long t = System.nanoTime();
        int n = backend.observe(scope, ProgressListener.NONE).owned().size();
        System.out.printf("OBSERVE %.2f s (%d owned)%n", (System.nanoTime() - t) / 1e9, n);
      }
    }
  }
}
