package dev.diet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Shell;

/** How the documents' commands reach NetBox in {@link DocTest}: the real targets, in the scratch directory. */
final class DocTargets {
  private static final List<String> H2_SHELL = List.of("java", "-cp", "diet-cli/target/diet.jar", "org.h2.tools.Shell");

  private DocTargets() {}

  /** The diet runs of one document, against the real targets (the default: ./.diet/ in {@code dir}). */
  static Cli cli(Path dir) {
    return Cli.real(dir);
  }

  /**
   * A {@code java ...} line of a document: only H2's SQL shell from the diet jar, run in-process
   * with {@code jdbc:h2:./} URLs made relative to {@code dir}.
   */
  static void java(Path dir, List<String> words, String command) {
    assertThat(words.subList(0, Math.min(4, words.size()))).as(command + ": the only java command the documents may use").isEqualTo(H2_SHELL);
    List<String> args = new ArrayList<>();
    for (String w : words.subList(4, words.size())) {
      args.add(w.startsWith("jdbc:h2:./") ? "jdbc:h2:" + dir.toAbsolutePath() + "/" + w.substring("jdbc:h2:./".length()) : w);
    }
    try {
      new Shell().runTool(args.toArray(String[]::new));
    } catch (SQLException e) {
      throw new AssertionError(command + ": " + e.getMessage(), e);
    }
  }
}
