package dev.diet.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The naming-template subset of Python's str.format: what renders, and what is refused. */
class NameTemplateTest {
  private static final Map<String, Object> CONTEXT =
      ImmutableMap.<String, Object>builder()
          .put("site", "hedgehog")
          .put("class", "gpu-b200")
          .put("category", "server")
          .put("fabric", "frontend")
          .put("role", "")
          .put("rack", 0)
          .put("index", 7)
          .build();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "srv-{class}-{index:02d}|srv-gpu-b200-07",
        "{class}-{index:03d}|gpu-b200-007",
        "{class}-{index}|gpu-b200-7",
        "{index:4d}|'   7'",
        "{index:<4d}|'7   '",
        "{index:^5d}|'  7  '",
        "{index:*>4}|***7",
        "{index:x<3}|7xx",
        "{site}/{fabric}/{category}|hedgehog/frontend/server",
        "{class:>10}|'  gpu-b200'",
        "{class:.<10s}|gpu-b200..",
        "{{{class}}}|{gpu-b200}",
        "{{index}}|{index}",
        "rack{rack}-{index:03}|rack0-007",
        "{role}x|x",
        "plain|plain",
        "''|''"
      })
  void renders(String pattern, String expected) {
    assertThat(NameTemplate.parse(pattern).render(CONTEXT)).isEqualTo(expected);
  }

  @Test
  void indexGrowsPastItsWidth() {
    assertThat(NameTemplate.parse("{class}-{index:03d}").render(ImmutableMap.of("class", "gpu", "index", 1000))).isEqualTo("gpu-1000");
  }

  @Test
  void listsTheFieldsItUses() {
    assertThat(NameTemplate.parse("{site}-{class}-{index:04d}").fields()).containsExactly("site", "class", "index");
    assertThat(NameTemplate.parse("{site}-{class}-{index:04d}").pattern()).isEqualTo("{site}-{class}-{index:04d}");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{time}-{index}|unknown field time",
        "{random}|unknown field random",
        "{env}|unknown field env",
        "{hostname}|unknown field hostname",
        "{index.real}|conversions, attributes and indexing",
        "{class!r}|conversions, attributes and indexing",
        "{class[0]}|conversions, attributes and indexing",
        "{}|empty field",
        "{0}|unknown field 0",
        "leaf-{index|never closed",
        "leaf}|single '}'",
        "{class:d}|is text and cannot be formatted with 'd'",
        "{index:x}|bad format spec",
        "{index:05.2f}|bad format spec",
        "{index:1000d}|too large",
        "{index:+d}|bad format spec"
      })
  void refuses(String pattern, String why) {
    assertThatThrownBy(() -> NameTemplate.parse(pattern)).isInstanceOf(NameTemplateException.class).hasMessageContaining(why);
  }

  @Test
  void saysWhichUnknownFieldItFound() {
    assertThatThrownBy(() -> NameTemplate.parse("{class}-{uuid}"))
        .isInstanceOfSatisfying(NameTemplateException.class, e -> {
          assertThat(e.unknownField()).contains("uuid");
          assertThat(e.hint()).isPresent();
        });
    assertThatThrownBy(() -> NameTemplate.parse("{class"))
        .isInstanceOfSatisfying(NameTemplateException.class, e -> assertThat(e.unknownField()).isEmpty());
  }

  @Test
  void aMissingContextValueIsNamed() {
    assertThatThrownBy(() -> NameTemplate.parse("{class}-{index}").render(ImmutableMap.of("class", "x")))
        .isInstanceOf(NameTemplateException.class)
        .hasMessageContaining("index");
  }
}
