package dev.diet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code diet validate} in-process and checks its output and exit codes. */
class ValidateCommandTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path dir;

  /** Output of one in-process run. */
  private static final class Run {
    final int code;
    final String out;
    final String err;

    Run(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }
  }

  private static Run diet(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void theBundledExamplesAreValid() {
    Run run = diet("validate", EXAMPLES.resolve("lab-two-tor.yaml").toString(), EXAMPLES.resolve("pod-small.yaml").toString());
    assertThat(run.code).isZero();
    assertThat(run.out).isEqualTo("2 plans checked: 0 errors, 0 warnings - valid" + System.lineSeparator());
    assertThat(run.err).isEmpty();
  }

  @Test
  void problemsPrintAsFileLineColumnCodeMessageAndHint() throws IOException {
    Path plan = write("bad.yaml", Files.readString(EXAMPLES.resolve("lab-two-tor.yaml")).replace("port_spec: \"1-2\"", "port_spec: \"1-2-3\"").replace("    uplink_ports_per_switch: 0", "    uplink_ports_per_switch: 0\n    colour: blue"));
    Run run = diet("validate", plan.toString());
    assertThat(run.code).isEqualTo(1);
    String[] lines = run.out.split("\\R");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).matches(".*bad\\.yaml:\\d+:5: warning unknown_key: switch_classes\\[0\\]\\.colour: unknown key 'colour' is ignored \\(.+\\)");
    assertThat(lines[1]).matches(".*bad\\.yaml:\\d+:5: error invalid_port_spec: switch_port_zones\\[0\\]\\.port_spec: zone lab-tor/workers: malformed range '1-2-3' \\(.+\\)");
    assertThat(lines[2]).isEqualTo("1 plan checked: 1 error, 1 warning");
    assertThat(run.err).isEmpty();
  }

  @Test
  void warningsAloneDoNotFail() throws IOException {
    Path plan = write("warn.yaml", Files.readString(EXAMPLES.resolve("lab-two-tor.yaml")).replace("category: infrastructure", "category: compute"));
    Run run = diet("validate", plan.toString());
    assertThat(run.code).isZero();
    assertThat(run.out).contains("warning unknown_category", "1 plan checked: 0 errors, 1 warning - valid");
  }

  @Test
  void aMissingFileIsAnErrorNamingTheFile() {
    Path missing = dir.resolve("nowhere.yaml");
    Run run = diet("validate", missing.toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.out).contains(missing + ":1:1: error unreadable_file: no such file");
    assertThat(run.err).isEmpty();
  }

  @Test
  void unreadableYamlIsReportedNotThrown() throws IOException {
    Path plan = write("broken.yaml", "meta: [1, 2\nplan: x\n");
    Run run = diet("validate", plan.toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.out).contains("broken.yaml:2:5: error yaml_parse_error:");
    assertThat(run.err).doesNotContain("Exception");
  }

  @Test
  void badCommandLinesExitWithTwo() {
    Run none = diet();
    assertThat(none.code).isEqualTo(2);
    assertThat(none.err).contains("Usage: diet");
    Run noPlan = diet("validate");
    assertThat(noPlan.code).isEqualTo(2);
    assertThat(noPlan.err).contains("Missing required parameter: 'PLAN'");
    Run badFlag = diet("validate", "--colour", "x.yaml");
    assertThat(badFlag.code).isEqualTo(2);
    assertThat(badFlag.err).contains("Unknown option: '--colour'");
    assertThat(diet("frobnicate").code).isEqualTo(2);
  }

  @Test
  void helpAndVersionExitWithZero() {
    Run help = diet("validate", "--help");
    assertThat(help.code).isZero();
    assertThat(help.out).contains("Usage: diet validate", "--json");
    Run version = diet("--version");
    assertThat(version.code).isZero();
    assertThat(version.out).startsWith("diet ");
  }

  @Test
  void jsonOutputCarriesEveryProblemField() throws IOException {
    Path bad = write("bad.json", "{\"meta\": {\"case_id\": \"Bad Id\", \"name\": \"x\", \"version\": 1, \"managed_by\": \"yaml\"},\n"
        + " \"plan\": {\"name\": \"p\", \"status\": \"draft\"}, \"switch_classes\": [], \"server_classes\": [], \"server_connections\": []}\n");
    Run run = diet("validate", "--json", bad.toString(), EXAMPLES.resolve("lab-two-tor.yaml").toString());
    assertThat(run.code).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out);
    assertThat(json.get("schema").asText()).isEqualTo("diet.validate/v1");
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("errors").asInt()).isEqualTo(2);
    JsonNode first = json.get("files").get(0);
    assertThat(first.get("plan_id").asText()).isEqualTo("Bad Id");
    JsonNode problem = first.get("problems").get(0);
    assertThat(problem.get("severity").asText()).isEqualTo("error");
    assertThat(problem.get("code").asText()).isEqualTo("invalid_format");
    assertThat(problem.get("line").asInt()).isEqualTo(1);
    assertThat(problem.get("column").asInt()).isEqualTo(11);
    assertThat(problem.get("path").asText()).isEqualTo("meta.case_id");
    assertThat(problem.get("hint").asText()).isNotEmpty();
    assertThat(json.get("files").get(1).get("valid").asBoolean()).isTrue();
  }
}
