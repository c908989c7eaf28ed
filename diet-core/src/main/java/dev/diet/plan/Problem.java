package dev.diet.plan;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a plan: severity, a stable machine-readable code, where it is (file, line,
 * column and object path such as {@code switch_port_zones[3].port_spec}), what is wrong and how to
 * fix it.
 */
public final class Problem {
  /** File order: by file, line and column, then errors before warnings, then code and path. */
  public static final Comparator<Problem> FILE_ORDER =
      Comparator.comparing((Problem p) -> p.location().file())
          .thenComparingInt(p -> p.location().line())
          .thenComparingInt(p -> p.location().column())
          .thenComparing(Problem::severity)
          .thenComparing(Problem::code)
          .thenComparing(Problem::path);

  private final Severity severity;
  private final String code;
  private final SourceLocation location;
  private final String path;
  private final String message;
  private final String hint;

  public Problem(Severity severity, String code, SourceLocation location, String path, String message, String hint) {
    this.severity = Objects.requireNonNull(severity, "severity");
    this.code = Objects.requireNonNull(code, "code");
    this.location = Objects.requireNonNull(location, "location");
    this.path = Objects.requireNonNull(path, "path");
    this.message = Objects.requireNonNull(message, "message");
    this.hint = hint;
  }

  public static Problem error(String code, SourceLocation location, String path, String message, String hint) {
    return new Problem(Severity.ERROR, code, location, path, message, hint);
  }

  public static Problem warning(String code, SourceLocation location, String path, String message, String hint) {
    return new Problem(Severity.WARNING, code, location, path, message, hint);
  }

  public Severity severity() {
    return severity;
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Stable code, e.g. {@code unknown_reference}; documented in the README. */
  public String code() {
    return code;
  }

  public SourceLocation location() {
    return location;
  }

  /** Object path in the plan, e.g. {@code server_connections[2].target_zone}. */
  public String path() {
    return path;
  }

  public String message() {
    return message;
  }

  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** {@code file:line:col: error CODE: path: message (hint)}, the form {@code diet validate} prints. */
  @Override
  public String toString() {
    return location + ": " + severity.wire() + " " + code + ": " + (path.isEmpty() ? "" : path + ": ") + message
        + (hint == null ? "" : " (" + hint + ")");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Problem)) {
      return false;
    }
    Problem p = (Problem) o;
    return severity == p.severity && code.equals(p.code) && location.equals(p.location) && path.equals(p.path)
        && message.equals(p.message) && Objects.equals(hint, p.hint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, code, location, path, message, hint);
  }
}
