package dev.diet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diet.testing.SharedFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code diet generate} in-process and checks its summary, its JSON and its exit codes. */
class GenerateCommandTest {
  private static final Path LAB = Path.of("..", "examples", "lab-two-tor.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

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

  @Test
  void summaryCountsKindsRolesAndSwitchQuantities() {
    Run run = diet("generate", SharedFixtures.casePlan("ux_case_128gpu_odd_ports").toString());
    assertThat(run.code).isZero();
    assertThat(run.err).contains("warning zone_overlap").doesNotContain(" error ");
    assertThat(run.out).startsWith("plan ux_case_128gpu_odd_ports  fingerprint ");
    assertThat(run.out).contains("generated 175 devices, 1313 switch interfaces, 1017 cables");
    assertThat(run.out).containsPattern("  device +175\\n");
    assertThat(run.out).containsPattern("  cable +1017\\n");
    assertThat(run.out).containsPattern("  server +155\\n");
    assertThat(run.out).containsPattern("  spine +6\\n");
    assertThat(run.out).contains("  fe-spine        4 (override; calculated 3)");
    assertThat(run.out).contains("  oob-mgmt-leaf   4\n");
  }

  @Test
  void jsonIsTheWholeSortedGraph() throws IOException {
    Run run = diet("generate", "--json", LAB.toString());
    assertThat(run.code).isZero();
    JsonNode root = JSON.readTree(run.out);
    assertThat(root.get("schema").asText()).isEqualTo("diet.generate/v1");
    assertThat(root.get("plan").asText()).isEqualTo("lab_two_tor");
    assertThat(root.get("fingerprint").asText()).matches("[0-9a-f]{64}");
    assertThat(root.get("site").asText()).isEqualTo("hedgehog");
    List<String> referenceKinds = new ArrayList<>();
    root.get("reference").forEach(o -> referenceKinds.add(o.get("kind").asText()));
    assertThat(referenceKinds).startsWith("site", "manufacturer").endsWith("module-type");
    for (String list : List.of("devices", "module_bays", "modules", "interfaces", "cables")) {
      List<String> keys = new ArrayList<>();
      root.get(list).forEach(o -> keys.add(o.get("key").asText()));
      assertThat(keys).as(list).isNotEmpty().isSorted();
    }
    JsonNode device = root.get("devices").get(0);
    assertThat(device.get("key").asText()).isEqualTo("lab_two_tor:device:server/worker/1");
    assertThat(device.get("role").asText()).isEqualTo("server");
    assertThat(device.get("custom_fields").get("hedgehog_class").asText()).isEqualTo("worker");
    JsonNode cable = root.get("cables").get(0);
    assertThat(cable.get("a").get("device").asText()).startsWith("worker-");
    assertThat(cable.get("b").get("interface").asText()).startsWith("E1/");
    assertThat(diet("generate", "--json", LAB.toString()).out).isEqualTo(run.out);
  }

  @Test
  void siteOptionMovesEveryDevice() throws IOException {
    JsonNode root = JSON.readTree(diet("generate", "--json", "--site", "lab-east", LAB.toString()).out);
    assertThat(root.get("site").asText()).isEqualTo("lab-east");
    root.get("devices").forEach(d -> assertThat(d.get("site").asText()).isEqualTo("lab-east"));
    assertThat(root.get("reference").get(0).get("fields").get("name").asText()).isEqualTo("Lab East");
  }

  @Test
  void generationProblemsGoToStandardErrorWithExitCodeOne() throws IOException {
    String text = Files.readString(LAB);
    Path plan = dir.resolve("small.yaml");
    Files.writeString(plan, text.replace("quantity: 3", "quantity: 30"));
    assertThat(text).contains("quantity: 3");
    Run run = diet("generate", plan.toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains("error zone_over_capacity: switch_port_zones[0]").contains("not generated, 1 error");
  }

  @Test
  void unreadablePlansFailLikeValidate() {
    Run run = diet("generate", dir.resolve("missing.yaml").toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("unreadable_file");
  }
}
