package dev.diet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.netbox.rest.fake.FakeNetBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands against the NetBox API, served by the REST backend's in-process fake NetBox. */
class RestTargetTest {
  private static final String LAB = "examples/lab-two-tor.yaml";

  @TempDir Path dir;
  FakeNetBox netbox;
  Cli cli;
  String url;

  @BeforeEach
  void start() {
    netbox = FakeNetBox.start();
    url = netbox.uri().toString();
    cli = Cli.real(dir);
    cli.env = cli.env.withVars(Map.of("NETBOX_TOKEN", netbox.token()));
  }

  @AfterEach
  void stop() {
    netbox.close();
  }

  @Test
  void planApplyDriftAndStatusOverTheApi() {
    Cli.Run plan = cli.run("plan", LAB, "--target", url);
    assertThat(plan.code).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out).contains("(REST API)", "Plan: 49 to add");
    Cli.Run apply = cli.run("apply", LAB, "--target", url, "--yes", "--chunk-size", "7");
    assertThat(apply.code).as(apply.toString()).isZero();
    assertThat(apply.out).contains("Apply complete! Resources: 49 added");
    assertThat(cli.run("plan", LAB, "--target", url).code).isZero();
    assertThat(cli.run("status", LAB, "--target", url).code).isZero();

    long id = netbox.call("GET", "/api/dcim/devices/?name=worker-002", null).body().get("results").get(0).get("id").asLong();
    ObjectNode edit = new ObjectMapper().createObjectNode().put("status", "offline");
    assertThat(netbox.call("PATCH", "/api/dcim/devices/" + id + "/", edit).status()).isEqualTo(200);
    Cli.Run drift = cli.run("drift", LAB, "--target", url);
    assertThat(drift.code).as(drift.toString()).isEqualTo(2);
    assertThat(drift.out).contains("! device worker-002");
  }

  @Test
  void theTokenCanComeFromAFile() throws IOException {
    Files.writeString(dir.resolve("token"), netbox.token() + "\n");
    Cli.Run run = cli.run(Env.in(dir), "plan", LAB, "--target", url, "--token-file", "token");
    assertThat(run.code).as(run.toString()).isEqualTo(2);
  }

  @Test
  void aRefusedTokenIsAFriendlyErrorThatNeverShowsTheToken() {
    String wrong = "0123456789abcdef0123456789abcdef01234567";
    Cli.Run run = cli.run(cli.env.withVars(Map.of("NETBOX_TOKEN", wrong)), "plan", LAB, "--target", url, "--json");
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("Error: ", "What to do: ").doesNotContain(wrong).doesNotContain("\tat ");
    assertThat(run.out).contains("diet.error/v1").doesNotContain(wrong);
  }

  @Test
  void anUnsupportedNetBoxVersionSaysWhichVersionsWork() {
    netbox.version("3.7.8");
    Cli.Run run = cli.run("status", LAB, "--target", url);
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("NetBox 3.7.8", "is not supported", "What to do: ");
  }

  @Test
  void badCertificateOptionsAreFriendlyErrors() throws IOException {
    Cli.Run missing = cli.run("plan", LAB, "--target", url, "--ca-cert", "ca.pem");
    assertThat(missing.code).isEqualTo(1);
    assertThat(missing.err).contains("--ca-cert ca.pem does not exist");
    Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
    Cli.Run junk = cli.run("plan", LAB, "--target", url, "--ca-cert", "junk.pem");
    assertThat(junk.code).isEqualTo(1);
    assertThat(junk.err).contains("--ca-cert junk.pem");
    Cli.Run store = cli.run("plan", LAB, "--target", url, "--trust-store", "nope.p12");
    assertThat(store.code).isEqualTo(1);
    assertThat(store.err).contains("trust store nope.p12 does not exist");
    Cli.Run badUrl = cli.run("plan", LAB, "--target", "https://user:pw@netbox.example.com");
    assertThat(badUrl.code).isEqualTo(1);
    assertThat(badUrl.err).contains("bad NetBox URL");
  }
}
