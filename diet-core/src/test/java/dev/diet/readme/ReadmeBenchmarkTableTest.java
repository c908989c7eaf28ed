package dev.diet.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's benchmark table is the one diet-bench/run.sh wrote, byte for byte. */
class ReadmeBenchmarkTableTest {

  @Test
  void theReadmeCarriesTheTableTheBenchmarkScriptWrote() throws IOException {
    Path root = ReadmeBlocks.repoRoot();
    String readme = Files.readString(root.resolve("README.md"));
    String table = Files.readString(root.resolve("diet-bench/README-table.md"));
    int begin = readme.indexOf("<!-- bench:begin -->\n");
    int end = readme.indexOf("<!-- bench:end -->");
    assertThat(begin).as("README.md has a <!-- bench:begin --> marker").isNotNegative();
    assertThat(end).as("README.md has a <!-- bench:end --> marker after it").isGreaterThan(begin);
    assertThat(readme.substring(begin + "<!-- bench:begin -->\n".length(), end))
        .as("README's table differs from diet-bench/README-table.md: run diet-bench/run.sh, which updates both")
        .isEqualTo(table);
  }
}
