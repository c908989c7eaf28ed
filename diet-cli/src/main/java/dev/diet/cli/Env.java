package dev.diet.cli;

import dev.diet.spi.NetBoxBackend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one {@code diet} run sees of its surroundings: the working directory, environment variables,
 * whether it talks to a terminal, and (for tests only) a replacement for target resolution.
 */
final class Env {
  private final Path cwd;
  private final Map<String, String> vars;
  private final boolean terminal;
  private final BufferedReader input;
  private final Function<String, NetBoxBackend> backends;
  private final boolean process;

  private Env(Path cwd, Map<String, String> vars, boolean terminal, BufferedReader input, Function<String, NetBoxBackend> backends, boolean process) {
    this.cwd = Objects.requireNonNull(cwd);
    this.vars = Map.copyOf(vars);
    this.terminal = terminal;
    this.input = input;
    this.backends = backends;
    this.process = process;
  }

  /** The real process: its directory, environment and console. */
  static Env system() {
    boolean console = System.console() != null;
    BufferedReader in = console ? new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())) : null;
    return new Env(Path.of("").toAbsolutePath(), System.getenv(), console, in, null, true);
  }

  /** An in-process run in {@code cwd} with no terminal and no environment variables. */
  static Env in(Path cwd) {
    return new Env(cwd.toAbsolutePath(), Map.of(), false, null, null, false);
  }

  Env withVars(Map<String, String> vars) {
    return new Env(cwd, vars, terminal, input, backends, process);
  }

  /** Pretends a person sits at a terminal and types {@code typed}. */
  Env withTerminal(String typed) {
    return new Env(cwd, vars, true, new BufferedReader(new java.io.StringReader(typed)), backends, process);
  }

  /** Test hook: every target string (null for the default) opens the backend this function returns. */
  Env withBackends(Function<String, NetBoxBackend> backends) {
    return new Env(cwd, vars, terminal, input, backends, process);
  }

  /** A path from the command line, relative to the working directory (kept as written in the real process). */
  Path resolve(Path path) {
    return process ? path : cwd.resolve(path);
  }

  Optional<String> var(String name) {
    return Optional.ofNullable(vars.get(name)).filter(v -> !v.isEmpty());
  }

  /** True when standard input and output are a terminal (a person is watching and can answer). */
  boolean terminal() {
    return terminal;
  }

  /** A person's answers, when there is a terminal. */
  Optional<BufferedReader> input() {
    return Optional.ofNullable(input);
  }

  Optional<Function<String, NetBoxBackend>> backends() {
    return Optional.ofNullable(backends);
  }

  /** True in the real {@code diet} process (not in-process runs), where shutdown hooks make sense. */
  boolean process() {
    return process;
  }
}
