package dev.diet.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.Plan;
import dev.diet.plan.PlanReader;
import dev.diet.state.DesiredState;
import dev.diet.state.GenerationCounts;
import dev.diet.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled case generates the switch quantities and counts of the case catalogue (cases.md). */
class SharedCasesGenerateTest {
  private static final Map<String, Object[]> EXPECTED = new LinkedHashMap<>();

  private static void expect(String caseId, GenerationCounts counts, Object... quantities) {
    EXPECTED.put(caseId, new Object[] {counts, quantities});
  }

  static {
    Object[] opg64Clos = {"fe-leaf", 2, "fe-spine", 1, "be-rail-leaf", 1, "be-spine", 1};
    Object[] opg128Ro = {"fe-leaf", 2, "fe-spine", 1, "be-rail-leaf", 2, "be-spine", 1};
    Object[] opg128Sh = {"fe-leaf", 2, "fe-spine", 1, "be-leaf", 2, "be-spine", 1};
    expect("ux_case_128gpu_odd_ports", new GenerationCounts(175, 1313, 1017),
        "be-rail-leaf", 4, "be-spine", 2, "fe-border-leaf", 2, "fe-gpu-leaf", 2, "fe-spine", 4, "fe-storage-leaf", 2, "oob-mgmt-leaf", 4);
    expect("ux_case_small_mclag", new GenerationCounts(7, 40, 24), "fe-leaf", 2, "fe-spine", 1);
    expect("ux_case_small_rail", new GenerationCounts(5, 6, 6), "fe-leaf", 2, "be-rail-leaf", 1);
    expect("training_opg64_clos_ro", new GenerationCounts(13, 272, 176), opg64Clos);
    expect("inference_opg64_clos_ro", new GenerationCounts(13, 272, 176), opg64Clos);
    expect("inference_opg64_minimal_fe_converged", new GenerationCounts(11, 144, 80), "fe-leaf", 2, "fe-spine", 1);
    expect("inference_opg64_minimal_fe_converged_mesh", new GenerationCounts(10, 22, 19), "fe-leaf", 2);
    expect("opg64_hyperconverged_ds5000", new GenerationCounts(23, 251, 183), "conv_leaf", 2, "conv_spine", 2, "oob_leaf", 2);
    expect("training_opg128_clos_ro", new GenerationCounts(22, 416, 288), opg128Ro);
    expect("training_opg128_clos_ro_liquid_8srv", new GenerationCounts(22, 416, 288), opg128Ro);
    expect("inference_opg128_clos_ro", new GenerationCounts(22, 416, 288), opg128Ro);
    expect("inference_opg128_clos_ro_liquid_8srv", new GenerationCounts(22, 416, 288), opg128Ro);
    expect("training_opg128_clos_sh", new GenerationCounts(22, 416, 288), opg128Sh);
    expect("training_opg128_clos_sh_liquid_8srv", new GenerationCounts(22, 416, 288), opg128Sh);
    expect("inference_opg128_minimal_fe_converged", new GenerationCounts(19, 160, 96), "fe-leaf", 2, "fe-spine", 1);
  }

  static List<Path> cases() {
    return SharedFixtures.casePlans();
  }

  private static String caseId(Path file) {
    return file.getFileName().toString().replaceFirst("\\.yaml$", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatesTheCatalogueNumbers(Path file) {
    String caseId = caseId(file);
    assertThat(EXPECTED).as("cases.md has numbers for " + caseId).containsKey(caseId);
    Plan plan = PlanReader.read(file);
    assertThat(GenerationCheck.check(plan)).isEmpty();
    DesiredState state = Generator.generate(plan);
    Object[] expected = EXPECTED.get(caseId);
    Object[] quantities = (Object[]) expected[1];
    Map<String, Integer> want = new LinkedHashMap<>();
    for (int i = 0; i < quantities.length; i += 2) {
      want.put((String) quantities[i], (Integer) quantities[i + 1]);
    }
    assertThat(state.switchQuantities()).isEqualTo(want);
    assertThat(state.counts()).isEqualTo(expected[0]);
  }

  @Test
  void overridesKeepTheCalculatedQuantityVisible() {
    SizingResult gpu = Sizing.calculate(PlanReader.read(SharedFixtures.casePlan("ux_case_128gpu_odd_ports")));
    assertThat(gpu.quantities().get("fe-spine").calculated()).isEqualTo(Optional.of(3));
    SizingResult hyper = Sizing.calculate(PlanReader.read(SharedFixtures.casePlan("opg64_hyperconverged_ds5000")));
    Map<String, Optional<Integer>> calculated = hyper.quantities().values().stream()
        .collect(Collectors.toMap(SwitchQuantity::switchClassId, SwitchQuantity::calculated));
    assertThat(calculated).isEqualTo(Map.of("conv_leaf", Optional.of(2), "conv_spine", Optional.of(1), "oob_leaf", Optional.of(1)));
  }

  @Test
  void sameTopologyVariantsGenerateTheSameObjects() {
    String a = GenerateJson.toJson(Generator.generate(PlanReader.read(SharedFixtures.casePlan("training_opg64_clos_ro"))));
    String b = GenerateJson.toJson(Generator.generate(PlanReader.read(SharedFixtures.casePlan("inference_opg64_clos_ro"))));
    assertThat(b.replace("inference_opg64_clos_ro", "training_opg64_clos_ro").replaceAll("\"fingerprint\":\"[0-9a-f]+\"", ""))
        .isEqualTo(a.replaceAll("\"fingerprint\":\"[0-9a-f]+\"", ""));
  }
}
