package dev.diet.plan;

/** Outcome of a generation run, as the original records it. */
public enum GenerationStatus implements WireEnum {
  GENERATED("generated"),
  DIRTY("dirty"),
  QUEUED("queued"),
  IN_PROGRESS("in_progress"),
  FAILED("failed");

  private final String wire;

  GenerationStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
