package dev.diet.memory;

/** A write the in-memory NetBox refuses, as NetBox would (uniqueness, cabled objects, unknown references). */
final class RuleViolation extends RuntimeException {
  RuleViolation(String message) {
    super(message);
  }
}
