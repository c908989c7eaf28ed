package dev.diet.netbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyTextTest {

  private static String copy(String s) {
    StringBuilder out = new StringBuilder("|");
    CopyText.append(out, s);
    return out.toString();
  }

  @Test
  void plainTextIsWrittenAsItIs() {
    assertThat(copy("leaf-01 E1/1/1 {\"a\": 1}")).isEqualTo("|leaf-01 E1/1/1 {\"a\": 1}");
    assertThat(copy("")).isEqualTo("|");
  }

  @Test
  void backslashTabNewlineAndReturnAreEscapedWhereverTheyStand() {
    assertThat(copy("a\\b\tc\nd\re")).isEqualTo("|a\\\\b\\tc\\nd\\re");
    assertThat(copy("\n")).isEqualTo("|\\n");
    assertThat(copy("end\\")).isEqualTo("|end\\\\");
  }
}
