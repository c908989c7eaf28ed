package dev.diet.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.DeviceCategory;
import dev.diet.plan.FabricClass;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.NamingTemplate;
import dev.diet.plan.Plan;
import dev.diet.plan.ServerClass;
import dev.diet.plan.SwitchClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamingTest {

  @Test
  void slugKeepsUnderscoresAndCollapsesSeparators() {
    assertThat(DeviceNames.slug("compute_xpu")).isEqualTo("compute_xpu");
    assertThat(DeviceNames.slug("BE-RAIL")).isEqualTo("be-rail");
    assertThat(DeviceNames.slug("  GPU  B200 -- pool ")).isEqualTo("gpu-b200-pool");
    assertThat(DeviceNames.slug("Café_Ünïcode")).isEqualTo("cafe_unicode");
    assertThat(DeviceNames.slug("_-lead-and-trail-_")).isEqualTo("lead-and-trail");
    assertThat(DeviceNames.slug("a.b/c")).isEqualTo("abc");
  }

  @Test
  void defaultNamesPadThreeDigitsForServersAndTwoForSwitches() {
    Naming naming = new Naming("hedgehog", Map.of());
    ServerClass gpu = ServerClass.builder().serverClassId("GPU B200").serverDeviceType("t").build();
    SwitchClass leaf = SwitchClass.builder().switchClassId("conv_leaf").fabricName("f").deviceTypeExtension("e").build();
    assertThat(naming.serverName(gpu, DeviceNames.slug(gpu.serverClassId()), 1)).isEqualTo("gpu-b200-001");
    assertThat(naming.serverName(gpu, "gpu", 1000)).isEqualTo("gpu-1000");
    assertThat(naming.switchName(leaf, DeviceNames.slug(leaf.switchClassId()), 2)).isEqualTo("conv_leaf-02");
    assertThat(naming.switchName(leaf, "leaf", 100)).isEqualTo("leaf-100");
  }

  @Test
  void templatesRenderTheDeviceContext() {
    Naming naming = new Naming("dc1", Map.of(
        DeviceCategory.SERVER, NameTemplate.parse("srv-{class}-{index:02d}"),
        DeviceCategory.SPINE, NameTemplate.parse("{site}-{fabric}-{role}-{category}-{rack}-{index:03d}")));
    ServerClass gpu = ServerClass.builder().serverClassId("gpu-b200").serverDeviceType("t").build();
    SwitchClass spine = SwitchClass.builder().switchClassId("sp").fabricName("frontend").fabricClass(FabricClass.MANAGED)
        .hedgehogRole(HedgehogRole.SPINE).deviceTypeExtension("e").build();
    SwitchClass leaf = SwitchClass.builder().switchClassId("lf").fabricName("frontend").deviceTypeExtension("e").build();
    assertThat(naming.serverName(gpu, "gpu-b200", 1)).isEqualTo("srv-gpu-b200-01");
    assertThat(naming.switchName(spine, "sp", 7)).isEqualTo("dc1-frontend-spine-spine-0-007");
    assertThat(naming.switchName(leaf, "lf", 7)).isEqualTo("lf-07");
  }

  /** Preflight names devices through DeviceNames; the generator must agree with it name for name. */
  @Test
  void agreesWithThePreflightNames() {
    Plan plan = TestPlans.example1().withNamingTemplates(
        NamingTemplate.builder().deviceCategory(DeviceCategory.SPINE).pattern("{site}-{fabric}-{index:03d}").build());
    Naming naming = new Naming("lab", Map.of(DeviceCategory.SPINE, NameTemplate.parse("{site}-{fabric}-{index:03d}")));
    for (SwitchClass sc : plan.switchClasses()) {
      for (int i : new int[] {1, 7, 100, 1000}) {
        assertThat(naming.switchName(sc, DeviceNames.slug(sc.switchClassId()), i)).isEqualTo(DeviceNames.switchName(plan, sc, i, "lab"));
      }
    }
    ServerClass gpu = plan.serverClasses().get(0);
    assertThat(naming.serverName(gpu, DeviceNames.slug(gpu.serverClassId()), 1234)).isEqualTo(DeviceNames.serverName(plan, gpu, 1234, "lab"));
  }

  @Test
  void bootMacIsTwoThenBytesOneToFiveOfTheNameHash() {
    assertThat(Naming.bootMac("fe-leaf-01")).isEqualTo("02:95:fa:72:6a:56");
    assertThat(Naming.bootMac("fe-leaf-02")).isEqualTo("02:c2:05:8e:66:6c");
    assertThat(Naming.bootMac("fe-spine-01")).isEqualTo("02:51:14:70:c8:a5");
  }

  @Test
  void titleCasesLikePython() {
    assertThat(Naming.title("hedgehog")).isEqualTo("Hedgehog");
    assertThat(Naming.title("lab-east")).isEqualTo("Lab East");
    assertThat(Naming.title("oob")).isEqualTo("Oob");
    assertThat(Naming.title("dc1a-row2")).isEqualTo("Dc1A Row2");
  }

  @Test
  void naturalOrderComparesDigitRunsAsNumbers() {
    assertThat(NaturalOrder.INSTANCE.compare("port2", "port10")).isNegative();
    assertThat(NaturalOrder.INSTANCE.compare("P1", "p1")).isZero();
    assertThat(NaturalOrder.INSTANCE.compare("p1", "p1a")).isNegative();
    assertThat(NaturalOrder.INSTANCE.compare("10", "9")).isPositive();
  }
}
