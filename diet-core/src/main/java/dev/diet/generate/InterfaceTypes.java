package dev.diet.generate;

/** NetBox interface types for port speeds, as the original DIET maps them. */
final class InterfaceTypes {
  static final String OTHER = "other";

  private InterfaceTypes() {}

  /** The NetBox type of a port running at {@code gbps}; {@code other} for speeds without a mapping. */
  static String forSpeed(int gbps) {
    switch (gbps) {
      case 800:
        return "800gbase-x-qsfpdd";
      case 400:
        return "400gbase-x-qsfpdd";
      case 200:
        return "200gbase-x-qsfp56";
      case 100:
        return "100gbase-x-qsfp28";
      case 40:
        return "40gbase-x-qsfpp";
      case 25:
        return "25gbase-x-sfp28";
      case 10:
        return "10gbase-x-sfpp";
      case 1:
        return "1000base-x-sfp";
      default:
        return OTHER;
    }
  }
}
