package dev.diet.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.DeviceCategory;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.NamingTemplate;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanInfo;
import dev.diet.plan.PlanMeta;
import dev.diet.plan.ReferenceData;
import dev.diet.plan.ServerClass;
import dev.diet.plan.SwitchClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Device names: NetBox slugs, the original's defaults, and plan templates. */
class DeviceNamesTest {
  private static final ServerClass GPU = ServerClass.builder().serverClassId("GPU_B200").serverDeviceType("d").quantity(2).build();
  private static final SwitchClass SPINE =
      SwitchClass.builder().switchClassId("fe-spine").fabricName("frontend").deviceTypeExtension("e").hedgehogRole(HedgehogRole.SPINE).build();

  private static Plan plan(NamingTemplate... templates) {
    return Plan.builder()
        .meta(PlanMeta.builder().caseId("p").name("p").build())
        .info(PlanInfo.builder().name("p").build())
        .referenceData(ReferenceData.builder().build())
        .addServerClasses(GPU)
        .addSwitchClasses(SPINE)
        .addNamingTemplates(templates)
        .build();
  }

  @ParameterizedTest(name = "slug({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "compute_xpu|compute_xpu",
        "conv_leaf|conv_leaf",
        "BE-RAIL|be-rail",
        "fe  leaf--a|fe-leaf-a",
        "_x_|x",
        "-lead-|lead",
        "Café Leaf|cafe-leaf",
        "a.b/c|abc",
        "Ω|''"
      })
  void slugsLikeNetBox(String text, String slug) {
    assertThat(DeviceNames.slug(text)).isEqualTo(slug);
  }

  @Test
  void defaultsPadServersToThreeAndSwitchesToTwoDigits() {
    Plan plan = plan();
    assertThat(DeviceNames.serverName(plan, GPU, 1, "site")).isEqualTo("gpu_b200-001");
    assertThat(DeviceNames.serverName(plan, GPU, 1000, "site")).isEqualTo("gpu_b200-1000");
    assertThat(DeviceNames.switchName(plan, SPINE, 3, "site")).isEqualTo("fe-spine-03");
    assertThat(DeviceNames.switchName(plan, SPINE, 100, "site")).isEqualTo("fe-spine-100");
  }

  @Test
  void templatesOfThePlanWinForTheirCategory() {
    Plan plan =
        plan(
            NamingTemplate.builder().deviceCategory(DeviceCategory.SERVER).pattern("{site}-{class}-{index:04d}").build(),
            NamingTemplate.builder().deviceCategory(DeviceCategory.SPINE).pattern("{fabric}-{role}-{category}-{index}").build());
    assertThat(DeviceNames.serverName(plan, GPU, 12, "dc1")).isEqualTo("dc1-GPU_B200-0012");
    assertThat(DeviceNames.switchName(plan, SPINE, 2, "dc1")).isEqualTo("frontend-spine-spine-2");
  }

  @Test
  void serversHaveNoFabricOrRole() {
    assertThat(DeviceNames.serverContext(GPU, 1, "s")).containsEntry("fabric", "").containsEntry("role", "").containsEntry("rack", 0).containsEntry("category", "server");
  }

  @Test
  void defaultIndexesArePaddedAsFormatPadsThem() {
    for (int width : new int[] {2, 3}) {
      for (int index = 0; index <= 12_000; index++) {
        assertThat(DeviceNames.zeroPadded(index, width)).isEqualTo(String.format(java.util.Locale.ROOT, "%0" + width + "d", index));
      }
    }
  }

  @Test
  void slugIsTheSameWhenAskedAgain() {
    assertThat(DeviceNames.slug("Conv Leaf_A")).isEqualTo("conv-leaf_a");
    assertThat(DeviceNames.slug("Conv Leaf_A")).isEqualTo("conv-leaf_a");
  }
}
