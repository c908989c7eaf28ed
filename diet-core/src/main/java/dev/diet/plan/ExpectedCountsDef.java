package dev.diet.plan;

import java.util.Optional;
import org.immutables.value.Value;

/** The {@code expected.counts} block: planning-row counts asserted right after reading. */
@Value.Immutable
public abstract class ExpectedCountsDef {
  public abstract Optional<Integer> serverClasses();

  public abstract Optional<Integer> switchClasses();

  /** Number of {@code server_connections} entries, not of generated cables. */
  public abstract Optional<Integer> connections();
}
