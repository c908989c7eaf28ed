package dev.diet.plan;

/** How bad a {@link Problem} is: errors block generation and apply, warnings do not. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String wire;

  Severity(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
