package dev.diet.spi;

/** Stages of a reconciliation that report progress. */
public enum Phase {
  OBSERVE,
  DIFF,
  APPLY
}
