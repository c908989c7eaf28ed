package dev.diet.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSpecTest {

  private static List<Integer> range(int from, int to, int step) {
    return IntStream.iterate(from, p -> p <= to, p -> p + step).boxed().collect(Collectors.toList());
  }

  @Test
  void readsTheDocumentedExamples() {
    assertThat(PortSpec.parse("5")).containsExactly(5);
    assertThat(PortSpec.parse("1-48")).isEqualTo(range(1, 48, 1));
    assertThat(PortSpec.parse("1,3,5,7")).containsExactly(1, 3, 5, 7);
    assertThat(PortSpec.parse("1-4,6,8-10")).containsExactly(1, 2, 3, 4, 6, 8, 9, 10);
    assertThat(PortSpec.parse("1-32:2")).isEqualTo(range(1, 31, 2));
    assertThat(PortSpec.parse("1-63:2")).hasSize(32);
    assertThat(PortSpec.parse("2-64:2")).isEqualTo(range(2, 64, 2));
    assertThat(PortSpec.parse("1-16:3")).containsExactly(1, 4, 7, 10, 13, 16);
    assertThat(PortSpec.parse("5-5")).containsExactly(5);
    assertThat(PortSpec.parse("5-5:2")).containsExactly(5);
    assertThat(PortSpec.parse("1-2:5")).containsExactly(1);
    assertThat(PortSpec.parse("1-3,2-6")).isEqualTo(range(1, 6, 1));
    assertThat(PortSpec.parse(" 1 - 8 ")).isEqualTo(range(1, 8, 1));
    assertThat(PortSpec.parse("26,28,30,32,34,36,38-63")).hasSize(32);
    assertThat(PortSpec.parse("1,,3")).containsExactly(1, 3);
    assertThat(PortSpec.parse("1 0-2 0")).isEqualTo(range(10, 20, 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'   '|port spec is empty",
        "','|names no ports",
        "x|'x' is not a port number",
        "5-|malformed range",
        "1-2-3|malformed range",
        "8-4|range 8-4 runs backwards",
        "0|ports start at 1",
        "-5|ports start at 1",
        "1025|above the 1024 limit",
        "1:2|must be start-end:step",
        "1-4:2:3|must be start-end:step",
        "1-4:x|is not an integer",
        "1-4:0|must be at least 1",
        "1 0|'1 0' is not a port number",
        "99999999999|above the 1024 limit"
      })
  void rejectsMalformedSpecsWithAReason(String spec, String reason) {
    assertThatThrownBy(() -> PortSpec.parse(spec)).isInstanceOf(PortSpecException.class).hasMessageContaining(reason);
  }

  @Property(tries = 300)
  void neverThrowsAnythingButPortSpecException(@ForAll String spec) {
    try {
      List<Integer> ports = PortSpec.parse(spec);
      assertThat(ports).isSorted().doesNotHaveDuplicates().allMatch(p -> p >= 1 && p <= PortSpec.MAX_PORT);
    } catch (PortSpecException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
