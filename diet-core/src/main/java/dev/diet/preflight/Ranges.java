package dev.diet.preflight;

/** Range checks on whole numbers, reported as {@code out_of_range}. */
final class Ranges {
  /** Most servers of one class: far above any fabric, low enough that generation stays bounded. */
  static final int MAX_SERVERS = 1_000_000;
  /** Most switches of one class. */
  static final int MAX_SWITCHES = 100_000;
  /** Most ports, uplinks, NIC port offsets and rails: the highest port number a zone may name. */
  static final int MAX_PORTS = 1024;

  private Ranges() {}

  static boolean atLeast(Problems problems, String path, String field, int value, int min, String meaning) {
    if (value >= min) {
      return true;
    }
    problems.error("out_of_range", path, field + " is " + value + ", must be at least " + min, field + " is " + meaning);
    return false;
  }

  static boolean between(Problems problems, String path, String field, int value, int min, int max, String meaning) {
    if (value > max) {
      problems.error("out_of_range", path, field + " is " + value + ", must be at most " + max, field + " is " + meaning);
      return false;
    }
    return atLeast(problems, path, field, value, min, meaning);
  }
}
