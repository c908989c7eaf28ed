package dev.diet.plan;

/** Whether a fabric is managed by Hedgehog (gets leaf-spine wiring) or an unmanaged surrogate. */
public enum FabricClass implements WireEnum {
  MANAGED("managed"),
  UNMANAGED("unmanaged");

  private final String wire;

  FabricClass(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** The class a fabric gets when the plan names none: {@code frontend} and {@code backend} are managed. */
  public static FabricClass defaultFor(String fabricName) {
    return "frontend".equals(fabricName) || "backend".equals(fabricName) ? MANAGED : UNMANAGED;
  }
}
