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
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code diet} command. Exit codes: 0 success, 1 a plan or the environment has errors (the
 * output says what and where), 2 the command line itself is wrong.
 */
@Command(
    name = "diet",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Plans network fabrics and keeps their NetBox inventory in step.",
    subcommands = {ValidateCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code when the plan (or a file, or NetBox) has errors. */
  public static final int EXIT_ERRORS = 1;

  /** Exit code when the command line is wrong. */
  public static final int EXIT_USAGE = 2;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  boolean verbose;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /** Runs {@code diet args} with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
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

  /** Whether -v was given to the command or any of its subcommands (the option is inherited). */
  private static boolean verbose(ParseResult parsed) {
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
