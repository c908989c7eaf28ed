package dev.diet.preflight;

/** Range checks on whole numbers, reported as {@code out_of_range}. */
final class Ranges {
  private Ranges() {}

  static boolean atLeast(Problems problems, String path, String field, int value, int min, String meaning) {
    if (value >= min) {
      return true;
    }
    problems.error("out_of_range", path, field + " is " + value + ", must be at least " + min, field + " is " + meaning);
    return false;
  }
}
