package dev.diet.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.plan.Plan;
import dev.diet.plan.PlanException;
import dev.diet.plan.PlanReader;
import dev.diet.plan.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under {@code malformed/} breaks a valid plan in one place and marks the line where
 * the problem must be reported with a trailing {@code # <- code} comment. Reading plus preflight
 * must report that code on that line, and throw nothing but {@link PlanException}.
 */
class MalformedPlansTest {
  private static final Pattern MARK = Pattern.compile("#\\s*<-\\s*([a-z_]+)\\s*$");

  /** A problem code the file promises on a line. */
  private static final class Expected {
    final String code;
    final int line;

    Expected(String code, int line) {
      this.code = code;
      this.line = line;
    }

    @Override
    public String toString() {
      return code + " at line " + line;
    }
  }

  static Path folder() throws URISyntaxException {
    return Path.of(MalformedPlansTest.class.getResource("/malformed").toURI());
  }

  static Stream<String> files() throws IOException, URISyntaxException {
    try (Stream<Path> list = Files.list(folder())) {
      return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()).stream();
    }
  }

  /** What reading and preflight report for {@code file}; any other exception fails the test. */
  static List<Problem> problemsOf(Path file) {
    try {
      Plan plan = PlanReader.read(file);
      return Preflight.check(plan);
    } catch (PlanException e) {
      return e.problems();
    }
  }

  private static List<Expected> expectations(Path file) {
    try {
      List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n", -1));
      List<Expected> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MARK.matcher(lines.get(i));
        if (m.find()) {
          out.add(new Expected(m.group(1), i + 1));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void reportsTheMarkedProblemOnTheMarkedLine(String name) throws URISyntaxException {
    Path file = folder().resolve(name);
    List<Expected> expected = expectations(file);
    assertThat(expected).as("markers in " + name).isNotEmpty();
    List<Problem> problems = problemsOf(file);
    for (Expected e : expected) {
      assertThat(problems)
          .as(name + ": expected " + e + ", got " + problems)
          .anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(e.code);
            assertThat(p.location().line()).isEqualTo(e.line);
            assertThat(p.location().file()).isEqualTo(file.toString());
            assertThat(p.message()).isNotBlank();
            assertThat(p.hint()).isPresent();
          });
    }
  }

  @Test
  void thereAreAtLeastThirtyOfThem() throws IOException, URISyntaxException {
    assertThat(files().count()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void theBasePlanTheyBreakIsValid() throws URISyntaxException {
    Path base = Path.of(MalformedPlansTest.class.getResource("/plans/base.yaml").toURI());
    assertThat(problemsOf(base)).isEmpty();
  }
}
