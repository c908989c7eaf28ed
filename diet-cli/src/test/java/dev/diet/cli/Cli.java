package dev.diet.cli;

import dev.diet.memory.InMemoryNetBox;
import dev.diet.spi.NetBoxBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** Runs {@code diet} in-process in a scratch directory holding a copy of the examples. */
final class Cli {
  /** The repository's examples folder (tests run in diet-cli/). */
  static final Path EXAMPLES = Path.of("..", "examples");

  /** Output of one run. */
  static final class Run {
    final int code;
    final String out;
    final String err;

    Run(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  final Path dir;
  private final Map<String, InMemoryNetBox> memory = new HashMap<>();
  Env env;

  /** In-memory NetBoxes, one per target string, shared by every run of this Cli. */
  Cli(Path dir) {
    this.dir = dir;
    copyExamples(dir);
    this.env = Env.in(dir).withBackends(target -> memory.computeIfAbsent(String.valueOf(target), t -> new InMemoryNetBox()));
  }

  /** Real targets (Targets.open), for the backends' own tests. */
  static Cli real(Path dir) {
    Cli cli = new Cli(dir);
    cli.env = Env.in(dir);
    return cli;
  }

  Cli withBackends(Function<String, NetBoxBackend> backends) {
    env = env.withBackends(backends);
    return this;
  }

  /** The in-memory NetBox behind the default target. */
  InMemoryNetBox netbox() {
    return memory.computeIfAbsent("null", t -> new InMemoryNetBox());
  }

  Run run(String... args) {
    return run(env, args);
  }

  Run run(Env env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
    int code = Main.run(args, o, e, env);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static void copyExamples(Path dir) {
    try {
      Path target = dir.resolve("examples");
      Files.createDirectories(target);
      try (Stream<Path> files = Files.list(EXAMPLES)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(f)) {
            Files.copy(f, target.resolve(f.getFileName()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
