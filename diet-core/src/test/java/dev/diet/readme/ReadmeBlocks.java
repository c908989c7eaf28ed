package dev.diet.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the README's fenced code blocks and the test-source regions they are copied from. */
final class ReadmeBlocks {
  private static final String BEGIN = "// README:begin ";
  private static final String END = "// README:end";

  private ReadmeBlocks() {}

  /** The repository root: the nearest directory upwards holding README.md and the parent pom. */
  static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("diet-core"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no README.md with a diet-core module above " + Path.of("").toAbsolutePath());
  }

  /** The bodies of the README's fenced blocks with the given info string, in order. */
  static List<String> fencedBlocks(String markdown, String language) {
    List<String> blocks = new ArrayList<>();
    StringBuilder body = null;
    for (String line : markdown.split("\n", -1)) {
      if (body == null && line.equals("```" + language)) {
        body = new StringBuilder();
      } else if (body != null && line.equals("```")) {
        blocks.add(body.toString());
        body = null;
      } else if (body != null) {
        body.append(line).append('\n');
      }
    }
    return blocks;
  }

  /** Every {@code // README:begin name} ... {@code // README:end} region in the modules' test sources, unindented. */
  static Map<String, String> regions(Path root) {
    Map<String, String> regions = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root, 12)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/test/java/")).collect(Collectors.toList())) {
        collectRegions(file, Files.readAllLines(file), regions);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return regions;
  }

  private static void collectRegions(Path file, List<String> lines, Map<String, String> into) {
    String name = null;
    List<String> body = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.startsWith(BEGIN)) {
        name = trimmed.substring(BEGIN.length()).trim();
        body.clear();
      } else if (trimmed.equals(END) && name != null) {
        if (into.put(name, unindent(body)) != null) {
          throw new IllegalStateException("README region '" + name + "' defined twice (again in " + file + ")");
        }
        name = null;
      } else if (name != null) {
        body.add(line);
      }
    }
  }

  private static String unindent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
