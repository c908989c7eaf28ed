package dev.diet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands against the real default target, the embedded H2 database in ./.diet/, and a jdbc: URL. */
class EmbeddedTargetTest {
  private static final String LAB = "examples/lab-two-tor.yaml";
  private static final String SCALED = "examples/lab-two-tor-scaled.yaml";

  @TempDir Path dir;

  private void sql(Path database, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath(), "", "");
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate(statement)).as(statement).isEqualTo(1);
    }
  }

  @Test
  void theTourAgainstTheEmbeddedDefault() throws SQLException, IOException {
    Cli cli = Cli.real(dir);
    Cli.Run plan = cli.run("plan", LAB);
    assertThat(plan.code).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out).contains("against embedded NetBox (H2)", "Plan: 49 to add, 0 to change, 0 to destroy, 0 conflicts.");
    assertThat(dir.resolve(".diet")).isDirectory();

    Cli.Run apply = cli.run("apply", LAB, "--yes");
    assertThat(apply.code).as(apply.toString()).isZero();
    assertThat(apply.out).endsWith("Apply complete! Resources: 49 added, 0 changed, 0 destroyed.\n");
    assertThat(cli.run("plan", LAB).code).isZero();
    assertThat(cli.run("drift", LAB).code).isZero();
    assertThat(cli.run("status", LAB).code).isZero();

    sql(dir.resolve(".diet/netbox"), "UPDATE dcim_device SET status = 'offline' WHERE name = 'worker-002'");
    Cli.Run drift = cli.run("drift", LAB, "--json");
    assertThat(drift.code).as(drift.toString()).isEqualTo(2);
    JsonNode modified = new ObjectMapper().readTree(drift.out).get("modified").get(0);
    assertThat(modified.get("name").asText()).isEqualTo("worker-002");
    assertThat(modified.get("current").asText()).isEqualTo("offline");
    assertThat(cli.run("status", LAB).out).startsWith("Status: conflicts");

    Cli.Run resolve = cli.run("apply", LAB, "--yes", "--resolve", "lab_two_tor:device:server/worker/2#status=apply_diet");
    assertThat(resolve.code).as(resolve.toString()).isZero();
    assertThat(resolve.out).contains("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.");
    assertThat(cli.run("drift", LAB).code).isZero();

    assertThat(cli.run("plan", SCALED, "--out", "preview.json").code).isEqualTo(2);
    Cli.Run scaled = cli.run("apply", SCALED, "--preview", "preview.json", "--json");
    assertThat(scaled.code).as(scaled.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(scaled.out);
    assertThat(root.get("result").asText()).isEqualTo("applied");
    assertThat(root.get("done").get("create").asInt()).isEqualTo(18);
    assertThat(root.get("request_id").asText()).isNotEmpty();
    assertThat(cli.run("status", SCALED).code).isZero();
    assertThat(Files.exists(dir.resolve("preview.json"))).isTrue();
  }

  @Test
  void aStalePreviewOnTheEmbeddedDatabaseExitsThree() throws SQLException {
    Cli cli = Cli.real(dir);
    assertThat(cli.run("apply", LAB, "--yes").code).isZero();
    assertThat(cli.run("plan", SCALED, "--out", "preview.json").code).isEqualTo(2);
    sql(dir.resolve(".diet/netbox"), "UPDATE dcim_device SET serial = 'SN-1' WHERE name = 'worker-001'");
    Cli.Run run = cli.run("apply", SCALED, "--preview", "preview.json");
    assertThat(run.code).as(run.toString()).isEqualTo(3);
    assertThat(run.err).contains("changed since the preview was made");
    assertThat(cli.run("plan", LAB).code).as("nothing was applied").isZero();
  }

  @Test
  void aJdbcUrlTargetAndAnUnreachableDatabase() {
    Cli cli = Cli.real(dir);
    String url = "jdbc:h2:file:" + dir.resolve("elsewhere/netbox").toAbsolutePath();
    assertThat(cli.run("apply", LAB, "--yes", "--target", url).code).isZero();
    Cli.Run plan = cli.run("plan", LAB, "-t", url);
    assertThat(plan.code).as(plan.toString()).isZero();
    assertThat(dir.resolve(".diet")).doesNotExist();

    Cli.Run down = cli.run("plan", LAB, "--target", "jdbc:postgresql://127.0.0.1:1/netbox", "--db-user", "netbox");
    assertThat(down.code).isEqualTo(1);
    assertThat(down.err).contains("Error: ", "What to do: ").doesNotContain("\tat ");
  }
}
