package dev.diet.plan;

import java.util.Objects;

/** Where a value stands in a plan file: file name, 1-based line and column. */
public final class SourceLocation {
  /** Location used when a value has no place in a file (built in code, or a default). */
  public static final SourceLocation UNKNOWN = new SourceLocation("<plan>", 0, 0);

  private final String file;
  private final int line;
  private final int column;

  public SourceLocation(String file, int line, int column) {
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceLocation
        && ((SourceLocation) o).file.equals(file)
        && ((SourceLocation) o).line == line
        && ((SourceLocation) o).column == column;
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line, column);
  }

  /** {@code file:line:col}, the form compilers and editors understand. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
