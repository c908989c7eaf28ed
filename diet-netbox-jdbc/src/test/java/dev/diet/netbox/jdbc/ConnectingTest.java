package dev.diet.netbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diet.diff.DiffOptions;
import dev.diet.reconcile.Reconciler;
import dev.diet.state.DesiredState;
import dev.diet.testing.TestFabric;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening databases: the embedded default, and the typed errors for everything that is not a usable NetBox. */
class ConnectingTest {
  @TempDir
  Path dir;

  @Test
  void theEmbeddedDatabaseIsCreatedOnFirstUseAndKeepsWhatWasApplied() {
    DesiredState desired = TestFabric.of("lab").build();
    try (JdbcNetBoxBackend netbox = JdbcNetBoxBackend.embedded(dir.resolve(".diet"))) {
      assertThat(netbox.describe()).contains("embedded").contains(".diet");
      assertThat(Reconciler.builder(netbox).build().planAndApply(desired, DiffOptions.defaults()).report().failures()).isEmpty();
    }
    try (JdbcNetBoxBackend again = JdbcNetBoxBackend.embedded(dir.resolve(".diet"))) {
      assertThat(Reconciler.builder(again).build().plan(desired, DiffOptions.defaults()).isNoOp()).isTrue();
    }
  }

  @Test
  void aUrlThatIsNeitherPostgresNorH2IsRefused() {
    assertThatThrownBy(() -> JdbcNetBoxBackend.connect("jdbc:mysql://localhost/netbox", null, null))
        .isInstanceOf(DatabaseUnreachableException.class)
        .satisfies(e -> assertThat(((DatabaseUnreachableException) e).hint()).hasValueSatisfying(h -> assertThat(h).contains("jdbc:postgresql://")));
  }

  @Test
  void anUnreachableServerIsATypedErrorWithAHint() {
    assertThatThrownBy(() -> JdbcNetBoxBackend.connect("jdbc:postgresql://127.0.0.1:1/netbox", "netbox", "secret"))
        .isInstanceOf(DatabaseUnreachableException.class)
        .hasMessageContaining("127.0.0.1:1/netbox")
        .hasMessageNotContaining("secret");
  }

  @Test
  void wrongCredentialsAreATypedError() {
    org.junit.jupiter.api.Assumptions.assumeTrue(PgTestDatabase.available(), "DIET_TEST_PG_URL is not set");
    assertThatThrownBy(() -> JdbcNetBoxBackend.connect(System.getenv("DIET_TEST_PG_URL"), System.getenv("DIET_TEST_PG_USER"), "wrong"))
        .isInstanceOf(CredentialsRejectedException.class)
        .satisfies(e -> assertThat(((CredentialsRejectedException) e).hint()).hasValueSatisfying(h -> assertThat(h).contains("PGPASSWORD")));
  }

  @Test
  void anH2DatabaseHoldingOtherTablesIsRefusedAndLeftAsItWas() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("other").toAbsolutePath();
    try (Connection c = java.sql.DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
    }
    assertThatThrownBy(() -> JdbcNetBoxBackend.connect(url, "sa", ""))
        .isInstanceOf(NotNetBoxSchemaException.class);
    try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
        java.sql.ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE", "BASE TABLE"})) {
      java.util.List<String> tables = new java.util.ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
      assertThat(tables).containsExactly("INVOICES");
    }
  }

  @Test
  void aDatabaseWithoutNetBoxTablesIsRefused() {
    org.junit.jupiter.api.Assumptions.assumeTrue(PgTestDatabase.available(), "DIET_TEST_PG_URL is not set");
    assertThatThrownBy(() -> JdbcNetBoxBackend.connect(System.getenv("DIET_TEST_PG_URL"), System.getenv("DIET_TEST_PG_USER"),
        System.getenv("DIET_TEST_PG_PASSWORD")))
        .isInstanceOf(NotNetBoxSchemaException.class);
  }

  @Test
  void newerAndOlderNetBoxSchemasAreRefusedNamingTheMigration() throws Exception {
    try (PgTestDatabase db = PgTestDatabase.create()) {
      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        st.execute("INSERT INTO django_migrations (app, name, applied) VALUES ('dcim', '0301_future_change', now())");
      }
      assertThatThrownBy(db::backend).isInstanceOf(UnsupportedSchemaException.class).hasMessageContaining("0301_future_change");
      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        st.execute("DELETE FROM django_migrations WHERE app = 'dcim' AND name >= '0216'");
      }
      assertThatThrownBy(db::backend).isInstanceOf(UnsupportedSchemaException.class).hasMessageContaining("older");
    }
  }
}
