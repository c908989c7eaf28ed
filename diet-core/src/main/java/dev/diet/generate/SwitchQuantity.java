package dev.diet.generate;

import java.util.Objects;
import java.util.Optional;

/** The quantity of one switch class: what sizing calculated, the plan's override, and the one used. */
public final class SwitchQuantity {
  private final String switchClassId;
  private final Optional<Integer> calculated;
  private final Optional<Integer> override;

  SwitchQuantity(String switchClassId, Optional<Integer> calculated, Optional<Integer> override) {
    this.switchClassId = Objects.requireNonNull(switchClassId, "switchClassId");
    this.calculated = Objects.requireNonNull(calculated, "calculated");
    this.override = Objects.requireNonNull(override, "override");
  }

  public String switchClassId() {
    return switchClassId;
  }

  /** Absent for mesh classes, which are never calculated, and for classes whose sizing failed. */
  public Optional<Integer> calculated() {
    return calculated;
  }

  public Optional<Integer> override() {
    return override;
  }

  /** The override when present (even 0), else the calculated quantity, else 0. */
  public int effective() {
    return override.orElse(calculated.orElse(0));
  }

  /** {@code 4 (override; calculated 3)}, {@code 2} or {@code 2 (override)}. */
  @Override
  public String toString() {
    if (override.isEmpty()) {
      return Integer.toString(effective());
    }
    return effective() + " (override" + calculated.map(c -> "; calculated " + c).orElse("") + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SwitchQuantity
        && ((SwitchQuantity) o).switchClassId.equals(switchClassId)
        && ((SwitchQuantity) o).calculated.equals(calculated)
        && ((SwitchQuantity) o).override.equals(override);
  }

  @Override
  public int hashCode() {
    return Objects.hash(switchClassId, calculated, override);
  }
}
