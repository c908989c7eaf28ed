package dev.diet.plan;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/** The reference rows the original seeds into every NetBox and that plans rely on without declaring. */
public final class Catalogue {
  /** The 14 seeded breakout options. */
  public static final List<BreakoutOption> BREAKOUTS =
      ImmutableList.of(
          BreakoutOption.of("1x800g", 800, 1, 800),
          BreakoutOption.of("2x400g", 800, 2, 400),
          BreakoutOption.of("4x200g", 800, 4, 200),
          BreakoutOption.of("8x100g", 800, 8, 100),
          BreakoutOption.of("1x400g", 400, 1, 400),
          BreakoutOption.of("2x200g", 400, 2, 200),
          BreakoutOption.of("4x100g", 400, 4, 100),
          BreakoutOption.of("1x100g", 100, 1, 100),
          BreakoutOption.of("1x40g", 100, 1, 40),
          BreakoutOption.of("4x25g", 100, 4, 25),
          BreakoutOption.of("4x10g", 100, 4, 10),
          BreakoutOption.of("2x50g", 100, 2, 50),
          BreakoutOption.of("1x1g", 1, 1, 1),
          BreakoutOption.of("1x10g", 10, 1, 10));

  /** Manufacturer name and model of the seeded transceiver every bundled case uses. */
  public static final String TRANSCEIVER_MANUFACTURER = "Generic";

  /** Models of the seeded transceiver module types (profile {@code Network Transceiver}). */
  public static final List<String> TRANSCEIVER_MODELS = ImmutableList.of("QSFP112-200GBASE-SR2");

  private Catalogue() {}

  /** The profile the seeded catalogue gives a module type of this manufacturer name and model. */
  public static Optional<String> seededProfile(String manufacturerName, String model) {
    if (TRANSCEIVER_MANUFACTURER.equals(manufacturerName) && TRANSCEIVER_MODELS.contains(model)) {
      return Optional.of(ModuleType.TRANSCEIVER_PROFILE);
    }
    return Optional.empty();
  }
}
