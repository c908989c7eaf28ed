package dev.diet.state;

/**
 * Counts as the original DIET records them: devices = switches + servers; interfaces = switch-side
 * interfaces the generator touched; cables = all cables.
 */
public final class GenerationCounts {
  private final int devices;
  private final int interfaces;
  private final int cables;

  public GenerationCounts(int devices, int interfaces, int cables) {
    this.devices = devices;
    this.interfaces = interfaces;
    this.cables = cables;
  }

  public int devices() {
    return devices;
  }

  public int interfaces() {
    return interfaces;
  }

  public int cables() {
    return cables;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenerationCounts
        && ((GenerationCounts) o).devices == devices
        && ((GenerationCounts) o).interfaces == interfaces
        && ((GenerationCounts) o).cables == cables;
  }

  @Override
  public int hashCode() {
    return (devices * 31 + interfaces) * 31 + cables;
  }

  /** {@code devices / interfaces / cables}, the form the case catalogue uses. */
  @Override
  public String toString() {
    return devices + " / " + interfaces + " / " + cables;
  }
}
