package dev.diet.bench;

import dev.diet.generate.Generator;
import dev.diet.state.DesiredState;

/**
 * Prints {@code size<TAB>objects} for each size given, the number of desired objects run.sh divides
 * by a score to report objects per second.
 */
public final class Sizes {
  private Sizes() {}

  public static void main(String[] args) {
    for (String size : args) {
      DesiredState desired = Generator.generate(ScalePlans.plan(size));
      System.out.println(size + "\t" + desired.size());
    }
  }
}
