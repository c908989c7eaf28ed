package dev.diet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.netbox.jdbc.PgTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against NetBox's own PostgreSQL schema (a fresh database per test, from
 * DIET_TEST_PG_URL; skipped with that reason when no server is configured, as .ci/run provides one).
 */
class PostgresTargetTest {
  private static final String LAB = "examples/lab-two-tor.yaml";

  @TempDir Path dir;

  @Test
  void applyIntoNetBoxsDatabaseThenNoChangesThenDrift() throws SQLException {
    try (PgTestDatabase db = PgTestDatabase.create()) {
      Cli cli = Cli.real(dir);
      cli.env = cli.env.withVars(Map.of("PGPASSWORD", db.password()));
      String[] target = {"--target", db.url(), "--db-user", db.user()};
      Cli.Run plan = cli.run(concat(new String[] {"plan", LAB}, target));
      assertThat(plan.code).as(plan.toString()).isEqualTo(2);
      assertThat(plan.out).contains("against NetBox database jdbc:postgresql:", "Plan: ");
      Cli.Run apply = cli.run(concat(new String[] {"apply", LAB, "--yes"}, target));
      assertThat(apply.code).as(apply.toString()).isZero();
      assertThat(apply.out).contains("Apply complete! Resources: ");
      Cli.Run again = cli.run(concat(new String[] {"plan", LAB}, target));
      assertThat(again.code).as(again.toString()).isZero();
      assertThat(again.out).endsWith("No changes. NetBox matches the plan.\n");

      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        assertThat(s.executeUpdate("UPDATE dcim_device SET status = 'offline' WHERE name = 'worker-002'")).isEqualTo(1);
      }
      Cli.Run drift = cli.run(concat(new String[] {"drift", LAB}, target));
      assertThat(drift.code).as(drift.toString()).isEqualTo(2);
      assertThat(drift.out).contains("! device worker-002");

      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO django_migrations (app, name, applied) VALUES ('dcim', '9999_from_the_future', now())");
      }
      Cli.Run newer = cli.run(concat(new String[] {"plan", LAB, "--json"}, target));
      assertThat(newer.code).isEqualTo(1);
      assertThat(newer.err).contains("newer NetBox schema", "What to do: use a DIET release that supports");
      assertThat(newer.out).contains("\"schema\" : \"diet.error/v1\"");

      Cli.Run noPassword = cli.run(Env.in(dir), concat(new String[] {"status", LAB}, target));
      assertThat(noPassword.code).isEqualTo(1);
      assertThat(noPassword.err).contains("Error: ", "What to do: ").doesNotContain(db.password() + " ");
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
