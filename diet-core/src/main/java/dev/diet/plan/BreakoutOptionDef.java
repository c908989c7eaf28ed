package dev.diet.plan;

import java.util.Comparator;
import org.immutables.value.Value;

/** How one physical port splits into logical lanes, e.g. {@code 4x200g}. */
@Value.Immutable
public abstract class BreakoutOptionDef {
  /** Catalogue order: from_speed descending, logical_ports ascending, breakout_id as tie-break. */
  public static final Comparator<BreakoutOption> CATALOGUE_ORDER =
      Comparator.comparingInt(BreakoutOption::fromSpeed)
          .reversed()
          .thenComparingInt(BreakoutOption::logicalPorts)
          .thenComparing(BreakoutOption::breakoutId);

  /** Case-local id zones refer to; catalogue rows use their breakout id. */
  @Value.Default
  public String id() {
    return breakoutId();
  }

  /** Global identifier, e.g. {@code 4x200g}. */
  public abstract String breakoutId();

  /** Native speed in Gbps of the physical port this option applies to. */
  public abstract int fromSpeed();

  /** Lanes per physical port; 1 means no breakout. */
  @Value.Default
  public int logicalPorts() {
    return 1;
  }

  /** Speed in Gbps of each lane. */
  public abstract int logicalSpeed();

  public static BreakoutOption of(String breakoutId, int fromSpeed, int logicalPorts, int logicalSpeed) {
    return BreakoutOption.builder()
        .breakoutId(breakoutId)
        .fromSpeed(fromSpeed)
        .logicalPorts(logicalPorts)
        .logicalSpeed(logicalSpeed)
        .build();
  }
}
