package dev.diet.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.diet.plan.Plan;
import dev.diet.plan.PlanException;
import dev.diet.plan.PlanReader;
import dev.diet.plan.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Preflight as a whole, and the checks the malformed files do not pin down one by one. */
class PreflightTest {
  private static final String BASE = base();

  private static String base() {
    try {
      return Files.readString(Path.of(PreflightTest.class.getResource("/plans/base.yaml").toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Plan plan(String yaml) {
    return PlanReader.readString(yaml, "p.yaml");
  }

  private static List<String> codes(String yaml) {
    return Preflight.check(plan(yaml)).stream().map(Problem::code).collect(Collectors.toList());
  }

  @Test
  void requireValidThrowsEveryProblemAtOnce() {
    Plan plan = plan(BASE.replace("port_spec: \"1-4\"", "port_spec: \"4-1\"").replace("quantity: 4", "quantity: -1"));
    PlanException e = catchThrowableOfType(PlanException.class, () -> Preflight.requireValid(plan));
    assertThat(e.problems()).extracting(Problem::code).containsExactly("invalid_port_spec", "out_of_range");
    assertThat(e.problems()).extracting(p -> p.location().line()).containsExactly(13, 15);
    assertThat(e.getMessage()).startsWith("2 error(s) in plan; first: p.yaml:13:");
  }

  @Test
  void warningsDoNotFailRequireValid() {
    Plan plan = plan(BASE.replace("quantity: 4,", "quantity: 4, category: compute,"));
    assertThat(Preflight.check(plan)).extracting(Problem::code).containsExactly("unknown_category");
    assertThatCode(() -> Preflight.requireValid(plan)).doesNotThrowAnyException();
  }

  @Test
  void moreChecksCanBePluggedIn() {
    PlanCheck noGpus = (plan, problems) -> {
      for (int i = 0; i < plan.serverClasses().size(); i++) {
        if (plan.serverClasses().get(i).gpusPerServer() == 0) {
          problems.warning("no_gpus", "server_classes[" + i + "]", "server class has no GPUs", "set gpus_per_server");
        }
      }
    };
    List<Problem> problems = Preflight.standard().with(noGpus).problems(plan(BASE));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("no_gpus");
      assertThat(p.location().line()).isEqualTo(15);
    });
    assertThat(Preflight.of(List.of(noGpus)).problems(plan(BASE.replace("quantity: 4", "quantity: -4")))).extracting(Problem::code).containsExactly("no_gpus");
    assertThat(Preflight.standardChecks()).isNotEmpty();
  }

  @Test
  void readWarningsAreReportedWithPreflightsOwn() {
    assertThat(codes(BASE.replace("nic: fe,", "nic: fe, colour: red,").replace("quantity: 4,", "quantity: 4, category: x,")))
        .containsExactly("unknown_category", "unknown_key");
  }

  @Test
  void aSlowerConnectionOnFasterLanesIsAWarningAndSizingSaysWhyItCannotBeWired() {
    List<Problem> problems = Preflight.check(plan(BASE.replace("leaf/hosts, speed: 100}", "leaf/hosts, speed: 25}")));
    assertThat(problems).filteredOn(p -> p.code().equals("speed_below_lane")).singleElement().satisfies(p -> assertThat(p.isError()).isFalse());
    assertThat(problems).filteredOn(Problem::isError).extracting(Problem::code).containsExactly("no_suitable_breakout");
  }

  @Test
  void absurdCountsAreOutOfRangeBeforeAnythingIsGenerated() {
    String huge = BASE.replace("quantity: 4,", "quantity: 2147483647,");
    List<Problem> problems = Preflight.check(plan(huge));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("out_of_range");
      assertThat(p.path()).isEqualTo("server_classes[0].quantity");
      assertThat(p.message()).contains("must be at most 1000000");
    });
    assertThat(codes(BASE.replace("quantity: 4,", "quantity: 1000001,"))).containsExactly("out_of_range");
  }

  @Test
  void generationProblemsRunOnlyAfterTheStaticChecksPass() {
    String overFull = BASE.replace("quantity: 4,", "quantity: 20,").replace("device_type_extension: sw_ext}", "device_type_extension: sw_ext, override_quantity: 2}");
    assertThat(codes(overFull)).contains("zone_over_capacity");
    assertThat(codes(overFull.replace("nic: fe,", "nic: nope,"))).contains("unknown_reference").doesNotContain("zone_over_capacity");
  }

  @Test
  void aPlanWithoutSwitchClassesIsRefused() {
    String yaml = BASE.replace("switch_classes:\n  - {switch_class_id: leaf, fabric_name: frontend, hedgehog_role: server-leaf, device_type_extension: sw_ext}\n", "switch_classes: []\n");
    assertThat(codes(yaml)).contains("no_classes", "unknown_reference");
  }

  @Test
  void supportedBreakoutsMustExistInTheCatalogue() {
    assertThat(codes(BASE.replace("supported_breakouts: [4x100g]", "supported_breakouts: [4x100g, 1x400g, 3x133g]"))).containsExactly("unknown_reference");
  }

  @Test
  void transceiverMediumMustMatchItsReach() {
    String yaml =
        BASE.replace("manufacturers: [{id: acme, name: Acme}]", "manufacturers: [{id: acme, name: Acme}, {id: gen, name: Generic}]")
            .replace("module_types: [", "module_types: [{id: x, manufacturer: gen, model: SFP28-25GBASE-SR, attribute_data: {medium: DAC, reach_class: SR}}, ")
            .replace("breakout_option: b4}", "breakout_option: b4, transceiver_module_type: x}");
    List<Problem> problems = Preflight.check(plan(yaml));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("transceiver_mismatch");
      assertThat(p.path()).isEqualTo("reference_data.module_types[0].attribute_data");
    });
  }

  @Test
  void nicIdsAndConnectionIdsAreUniquePerServerClass() {
    String yaml = BASE.replace("  - {server_class: node, nic_id: fe, module_type: nic2}\n", "  - {server_class: node, nic_id: fe, module_type: nic2}\n  - {server_class: node, nic_id: fe, module_type: nic2}\n");
    assertThat(codes(yaml)).containsExactly("duplicate_id");
  }

  @Test
  void mclagDomainsAreChecked() {
    String yaml = BASE + "mclag_domains:\n  - {domain_id: d1, switch_class: leaf, peer_link_count: 0, session_link_count: 1, switch_group_name: Bad_Name}\n"
        + "  - {domain_id: d1, switch_class: nope, peer_link_count: 1, session_link_count: 1, switch_group_name: ok-name}\n";
    assertThat(codes(yaml)).containsExactlyInAnyOrder("out_of_range", "invalid_format", "duplicate_id", "unknown_reference");
  }

  @Test
  void aRedundantClassWithoutAGroupIsAWarning() {
    assertThat(codes(BASE.replace("device_type_extension: sw_ext}", "device_type_extension: sw_ext, redundancy_type: mclag}"))).containsExactly("missing_redundancy_group");
  }

  @Test
  void afterSizingNamesAreCheckedWithTheRealSwitchCounts() {
    String yaml = BASE + "naming_templates:\n  - {device_category: leaf, pattern: \"tor-{index:02d}\"}\n  - {device_category: server, pattern: \"tor-{index:02d}\"}\n";
    Plan plan = plan(yaml);
    Problems before = new Problems(plan);
    NameCollisionCheck.beforeSizing().check(plan, before);
    assertThat(before.all()).extracting(Problem::message).singleElement().asString().contains("'tor-01'", "server class node", "switch class leaf");
    Problems after = new Problems(plan);
    NameCollisionCheck.withSwitchCounts(c -> 0).check(plan, after);
    assertThat(after.all()).isEmpty();
  }

  @Test
  void namesCollideWithoutRegardToCase() {
    String yaml = BASE + "naming_templates:\n  - {device_category: server, pattern: \"LEAF-{index:02d}\"}\n";
    assertThat(codes(yaml)).containsExactly("name_collision");
  }

  @Test
  void longClassIdsGiveNamesNetBoxRefuses() {
    String id = "n".repeat(70);
    assertThat(codes(BASE.replace("server_class_id: node", "server_class_id: " + id).replace("server_class: node", "server_class: " + id).replace("server_class: node", "server_class: " + id)))
        .containsExactly("name_too_long");
  }
}
