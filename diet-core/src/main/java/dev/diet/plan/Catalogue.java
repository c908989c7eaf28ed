package dev.diet.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSetMultimap;
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

  /** Manufacturer name of the seeded transceiver every copied opg case uses. */
  public static final String TRANSCEIVER_MANUFACTURER = "Generic";

  /** Model of the seeded transceiver every copied opg case uses (one of {@link #SEEDED_TRANSCEIVERS}). */
  public static final List<String> TRANSCEIVER_MODELS = ImmutableList.of("QSFP112-200GBASE-SR2");

  /**
   * Every transceiver module type the original's reference-data seed creates with the {@code
   * Network Transceiver} profile: manufacturer name to models.
   */
  public static final ImmutableSetMultimap<String, String> SEEDED_TRANSCEIVERS =
      ImmutableSetMultimap.<String, String>builder()
          .putAll(
              "Celestica",
              "R4113-A9220-VR",
              "R4113-A9310-SR",
              "R4113-A9221-DR",
              "R4113-75111-DR",
              "R4113-75210-SR",
              "R4113-75C41-03",
              "R4113-A9311-DR",
              "R4113-A9121-FR",
              "R4113-98210-BI",
              "R4113-98210-SR",
              "R4113-98211-DR",
              "R4113-98111-ZB",
              "R4113-98111-ZR",
              "Celestica-SFP28-25GBASE-SR-PLACEHOLDER",
              "Celestica-SFP+-10GBASE-SR-PLACEHOLDER",
              "Built-in-RJ45")
          .putAll("Generic", "QSFP112-200GBASE-SR2", "SFP28-25GBASE-SR", "SFP+-10GBASE-SR", "RJ45-1000BASE-T")
          .putAll("EPS Global", "T1-QSFP112-200G-SR2", "T1-OSFP112-400G-SR4", "T1-QSFP28-100G-SR4")
          .build();

  private Catalogue() {}

  /** The profile the seeded catalogue gives a module type of this manufacturer name and model. */
  public static Optional<String> seededProfile(String manufacturerName, String model) {
    if (SEEDED_TRANSCEIVERS.containsEntry(manufacturerName, model)) {
      return Optional.of(ModuleType.TRANSCEIVER_PROFILE);
    }
    return Optional.empty();
  }
}
