package dev.diet.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.AllocationStrategy;
import dev.diet.plan.BreakoutOption;
import dev.diet.plan.PortZone;
import dev.diet.plan.ZoneType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZoneLayoutTest {
  private static final List<Integer> ONE_TO_EIGHT = List.of(1, 2, 3, 4, 5, 6, 7, 8);

  @Test
  void ordersPortsByStrategy() {
    assertThat(ZoneLayout.order(ONE_TO_EIGHT, AllocationStrategy.SEQUENTIAL, List.of())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(ZoneLayout.order(ONE_TO_EIGHT, AllocationStrategy.INTERLEAVED, List.of())).containsExactly(1, 3, 5, 7, 2, 4, 6, 8);
    assertThat(ZoneLayout.order(ONE_TO_EIGHT, AllocationStrategy.SPACED, List.of())).containsExactly(1, 5, 2, 6, 3, 7, 4, 8);
    assertThat(ZoneLayout.order(List.of(1, 2, 3, 4, 5), AllocationStrategy.SPACED, List.of())).containsExactly(1, 4, 2, 5, 3);
    assertThat(ZoneLayout.order(List.of(1, 2, 3, 4), AllocationStrategy.CUSTOM, List.of(4, 2, 1, 3))).containsExactly(4, 2, 1, 3);
    assertThat(ZoneLayout.order(List.of(1, 2, 3, 4), AllocationStrategy.CUSTOM, List.of())).isEmpty();
  }

  @Test
  void expandsBreakoutLanesInPlace() {
    ZoneLayout z = layout("1-2", AllocationStrategy.SEQUENTIAL, BreakoutOption.of("4x200g", 800, 4, 200));
    assertThat(names(z)).containsExactly("E1/1/1", "E1/1/2", "E1/1/3", "E1/1/4", "E1/2/1", "E1/2/2", "E1/2/3", "E1/2/4");
    assertThat(z.capacity()).isEqualTo(8);
    assertThat(z.physicalPort(5)).isEqualTo(2);
    assertThat(z.breakoutIndex(5)).isEqualTo(2);
    assertThat(z.linkType()).isEqualTo("200gbase-x-qsfp56");

    ZoneLayout interleaved = layout("1-4", AllocationStrategy.INTERLEAVED, BreakoutOption.of("2x400g", 800, 2, 400));
    assertThat(names(interleaved).subList(0, 5)).containsExactly("E1/1/1", "E1/1/2", "E1/3/1", "E1/3/2", "E1/2/1");
  }

  @Test
  void oneLanePortsHaveNoBreakoutIndex() {
    ZoneLayout single = layout("5,7", AllocationStrategy.SEQUENTIAL, BreakoutOption.of("1x800g", 800, 1, 800));
    assertThat(names(single)).containsExactly("E1/5", "E1/7");
    assertThat(single.breakoutIndex(1)).isNull();
    ZoneLayout bare = new ZoneLayout(zone("3", AllocationStrategy.SEQUENTIAL), 0, 0, Optional.empty(), List.of(3));
    assertThat(names(bare)).containsExactly("E1/3");
    assertThat(bare.linkType()).isEqualTo("other");
  }

  private static ZoneLayout layout(String spec, AllocationStrategy strategy, BreakoutOption b) {
    return new ZoneLayout(zone(spec, strategy), 0, 0, Optional.of(b), PortSpec.parse(spec));
  }

  private static PortZone zone(String spec, AllocationStrategy strategy) {
    return PortZone.builder().switchClass("leaf").zoneName("z").zoneType(ZoneType.SERVER).portSpec(spec).allocationStrategy(strategy).build();
  }

  private static List<String> names(ZoneLayout z) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < z.capacity(); i++) {
      out.add(z.slotName(i));
    }
    return out;
  }
}
