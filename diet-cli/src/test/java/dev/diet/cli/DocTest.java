package dev.diet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code ```sh} block of README.md and docs/tour.md, one command per line, as a reader
 * would from the repository root: {@code ./diet X} runs {@code diet X} in-process; a trailing
 * {@code # exit N} gives the expected exit code (default 0); {@code mvn}, {@code git} and
 * {@code cd} lines are skipped (the build and the clone are already there). Each document runs in
 * its own scratch directory holding a copy of examples/, so state ({@code .diet/}) stays there.
 * A command this test does not know fails it: every command the documents show is exercised.
 */
class DocTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern EXIT = Pattern.compile("\\s+#\\s*exit\\s+(\\d+)\\s*$");
  private static final Pattern COMMENT = Pattern.compile("\\s+#.*$");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Z_][A-Z0-9_]*=.*");

  @TempDir Path scratch;

  /** One command line of a document. */
  record Command(String file, int line, String text, int expectedExit) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + text;
    }
  }

  @TestFactory
  Stream<DynamicTest> documents() {
    return Stream.of("README.md", "docs/tour.md")
        .map(name -> DynamicTest.dynamicTest(name, () -> runDocument(name)));
  }

  private void runDocument(String name) throws IOException {
    Path file = ROOT.resolve(name);
    assertThat(file).as(name + " exists").exists();
    List<Command> commands = commands(name, Files.readString(file));
    assertThat(commands).as(name + " has shell blocks").isNotEmpty();
    Path dir = Files.createDirectories(scratch.resolve(name.replace('/', '_')));
    Cli cli = DocTargets.cli(dir);
    Map<String, String> vars = new HashMap<>();
    int ran = 0;
    for (Command c : commands) {
      if (run(cli, dir, vars, c)) {
        ran++;
      }
    }
    assertThat(ran).as(name + ": diet commands run").isPositive();
  }

  @org.junit.jupiter.api.Test
  void readsShellBlocksOnlyWithExitCodesQuotesAndContinuations() {
    String doc = "intro\n```sh\n# a comment\n./diet plan x.yaml   # exit 2\n./diet apply x.yaml \\\n  --yes # applies\n"
        + "java -sql \"UPDATE t SET a = 'b' WHERE c = 'd'\"\n```\n```text\n./diet not-run\n```\n```java\nint x;\n```\n";
    List<Command> commands = commands("doc.md", doc);
    assertThat(commands).extracting(Command::text)
        .containsExactly("./diet plan x.yaml", "./diet apply x.yaml --yes", "java -sql \"UPDATE t SET a = 'b' WHERE c = 'd'\"");
    assertThat(commands).extracting(Command::expectedExit).containsExactly(2, 0, 0);
    assertThat(commands).extracting(Command::line).containsExactly(4, 5, 7);
    assertThat(words(commands.get(2).text())).containsExactly("java", "-sql", "UPDATE t SET a = 'b' WHERE c = 'd'");
    assertThat(words("--resolve 'a#b=c' x\\ y")).containsExactly("--resolve", "a#b=c", "x y");
  }

  /** Runs one command; false when it is one the test skips (build, clone). */
  private boolean run(Cli cli, Path dir, Map<String, String> vars, Command c) throws IOException {
    List<String> words = words(c.text);
    Map<String, String> local = new HashMap<>(vars);
    while (!words.isEmpty() && ASSIGNMENT.matcher(words.get(0)).matches()) {
      String w = words.remove(0);
      local.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
    }
    String program = words.isEmpty() ? "" : words.get(0);
    switch (program) {
      case "mvn", "git", "cd":
        return false;
      case "export":
        for (String w : words.subList(1, words.size())) {
          vars.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
        }
        return false;
      case "rm":
        assertThat(words.subList(1, words.size() - 1)).as(c.toString()).containsExactly("-rf");
        delete(inside(dir, words.get(words.size() - 1), c));
        return false;
      case "cp":
        assertThat(words).as(c.toString()).hasSize(3);
        Files.copy(inside(dir, words.get(1), c), inside(dir, words.get(2), c), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return false;
      case "./diet", "diet":
        Cli.Run run = cli.run(cli.env.withVars(local), words.subList(1, words.size()).toArray(String[]::new));
        assertThat(run.code).as(c + "\n" + run).isEqualTo(c.expectedExit);
        return true;
      case "java":
        DocTargets.java(dir, words, c.toString());
        return true;
      default:
        fail(c + ": DocTest does not know how to run '" + program + "'; map it here or show it in a ```text block");
        return false;
    }
  }

  /** The commands of a document's ```sh blocks, continuation lines joined. */
  static List<Command> commands(String file, String text) {
    List<Command> commands = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    boolean inShell = false;
    boolean inOther = false;
    StringBuilder pending = null;
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.strip();
      if (!inShell && !inOther && t.startsWith("```")) {
        String lang = t.substring(3).strip();
        inShell = lang.equals("sh") || lang.equals("bash") || lang.equals("shell") || lang.equals("console");
        inOther = !inShell;
        continue;
      }
      if (t.equals("```")) {
        inShell = false;
        inOther = false;
        continue;
      }
      if (!inShell) {
        continue;
      }
      if (pending == null) {
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        pending = new StringBuilder();
        start = i + 1;
      }
      if (t.endsWith("\\")) {
        pending.append(t, 0, t.length() - 1).append(' ');
        pending.setLength(pending.toString().stripTrailing().length() + 1);
        continue;
      }
      pending.append(t);
      String command = pending.toString();
      pending = null;
      int exit = 0;
      Matcher m = EXIT.matcher(command);
      if (m.find()) {
        exit = Integer.parseInt(m.group(1));
        command = command.substring(0, m.start());
      }
      command = stripComment(command);
      commands.add(new Command(file, start, command.strip(), exit));
    }
    return commands;
  }

  /** Drops a trailing {@code # comment} outside quotes. */
  private static String stripComment(String command) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < command.length(); i++) {
      char ch = command.charAt(i);
      if (ch == '\'' && !dbl) {
        single = !single;
      } else if (ch == '"' && !single) {
        dbl = !dbl;
      } else if (ch == '#' && !single && !dbl && i > 0 && Character.isWhitespace(command.charAt(i - 1))) {
        return command.substring(0, i);
      }
    }
    return command;
  }

  /** Splits a command line into words as a POSIX shell does for quotes and backslashes. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = null;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (Character.isWhitespace(ch)) {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
        continue;
      }
      if (w == null) {
        w = new StringBuilder();
      }
      if (ch == '\'') {
        int end = line.indexOf('\'', i + 1);
        w.append(line, i + 1, end);
        i = end;
      } else if (ch == '"') {
        int j = i + 1;
        while (line.charAt(j) != '"') {
          if (line.charAt(j) == '\\' && j + 1 < line.length()) {
            j++;
          }
          w.append(line.charAt(j));
          j++;
        }
        i = j;
      } else if (ch == '\\' && i + 1 < line.length()) {
        w.append(line.charAt(++i));
      } else {
        w.append(ch);
      }
    }
    if (w != null) {
      words.add(w.toString());
    }
    return words;
  }

  private static Path inside(Path dir, String path, Command c) {
    Path p = dir.resolve(path).normalize();
    assertThat(p.startsWith(dir)).as(c + ": stays in the working directory").isTrue();
    return p;
  }

  private static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
