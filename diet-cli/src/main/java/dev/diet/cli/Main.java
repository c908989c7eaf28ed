package dev.diet.cli;

import dev.diet.DietException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code diet} command. Exit codes: 0 success, 1 a plan, a file, NetBox or (for plan, apply,
 * drift and status) the command line is wrong; 2 for validate and generate a bad command line, for
 * plan, drift and status "there are changes"; 3 a stale preview (apply). docs/cli.md has the table.
 */
@Command(
    name = "diet",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Plans network fabrics and keeps their NetBox inventory in step.",
    footer = {
      "",
      "Start with: diet validate PLAN, diet plan PLAN, diet apply PLAN. NetBox: --target (default: ./.diet/, an embedded database).",
      "Exit codes: 0 done or in sync; 1 error; 2 changes or drift (plan, drift, status), bad command line (validate, generate);"
          + " 3 stale preview (apply). See docs/cli.md."
    },
    subcommands = {
      ValidateCommand.class,
      GenerateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      DriftCommand.class,
      StatusCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  /** Exit code when the plan (or a file, or NetBox) has errors. */
  public static final int EXIT_ERRORS = 1;

  /** Exit code of validate and generate when the command line is wrong. */
  public static final int EXIT_USAGE = 2;

  /** Exit code of plan (changes present), drift (drift found) and status (not in sync). */
  public static final int EXIT_CHANGES = 2;

  /** Exit code of apply when the reviewed preview no longer matches NetBox or the plan. */
  public static final int EXIT_STALE = 3;

  private final Env env;

  private Main(Env env) {
    this.env = env;
  }

  Env env() {
    return env;
  }

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print each finished step, and stack traces with errors.")
  boolean verbose;

  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("-v") || java.util.Arrays.asList(args).contains("--verbose")) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /** Runs {@code diet args} with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Env.system());
  }

  /** Runs with the given surroundings (tests: working directory, terminal, backend). */
  static int run(String[] args, PrintWriter out, PrintWriter err, Env env) {
    CommandLine cli = new CommandLine(new Main(env));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, verbose(parseResult), commandLine.getErr()));
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Convenience for tests and embedding: runs with UTF-8 writers over the given streams. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true, StandardCharsets.UTF_8));
  }

  /**
   * A bad command line: the message, suggestions, the usage. Exit code 2 for validate and generate
   * (issue 2), 1 for the commands where 2 means "there are changes".
   */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine c = e.getCommandLine();
    PrintWriter err = c.getErr();
    err.println("diet: " + e.getMessage());
    if (!UnmatchedArgumentException.printSuggestions(e, err)) {
      c.usage(err);
    }
    err.flush();
    return c.getCommandSpec().userObject() instanceof ReconcileCommand ? EXIT_ERRORS : EXIT_USAGE;
  }

  /** Whether -v was given to the command or any of its subcommands (the option is inherited). */
  static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static int handle(Exception e, boolean verbose, PrintWriter err) {
    if (e instanceof DietException) {
      DietException d = (DietException) e;
      err.println("diet: " + d.getMessage() + d.hint().map(h -> " (" + h + ")").orElse(""));
    } else {
      err.println("diet: internal error: " + e + (verbose ? "" : " (run with -v for the stack trace)"));
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return EXIT_ERRORS;
  }

  /** The version Maven built, from a filtered resource. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"diet " + p.getProperty("version", "(unknown version)")};
    }
  }
}
