package dev.diet.plan;

/** Nominal category of a server class; informational. */
public enum ServerCategory implements WireEnum {
  GPU("gpu"),
  STORAGE("storage"),
  INFRASTRUCTURE("infrastructure");

  private final String wire;

  ServerCategory(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
