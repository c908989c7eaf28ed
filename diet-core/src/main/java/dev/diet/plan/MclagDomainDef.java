package dev.diet.plan;

import org.immutables.value.Value;

/** A plan-level MCLAG/ESLAG domain; stored and fingerprinted, not wired by the generator. */
@Value.Immutable
public abstract class MclagDomainDef {
  public abstract String domainId();

  /** Id of the switch class. */
  public abstract String switchClass();

  public abstract int peerLinkCount();

  public abstract int sessionLinkCount();

  @Value.Default
  public int peerStartPort() {
    return 0;
  }

  @Value.Default
  public int sessionStartPort() {
    return 0;
  }

  /** DNS-1123 label, unique per plan. */
  public abstract String switchGroupName();

  @Value.Default
  public RedundancyType redundancyType() {
    return RedundancyType.MCLAG;
  }
}
