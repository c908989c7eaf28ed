package dev.diet.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;

/** How the documents' commands reach NetBox in {@link DocTest}. */
final class DocTargets {
  /** Whether the embedded H2 database is part of the build. */
  static final boolean EMBEDDED = false;

  private DocTargets() {}

  /** The diet runs of one document: in-memory until the embedded database is part of the build. */
  static Cli cli(Path dir) {
    return new Cli(dir);
  }

  /** A {@code java ...} line of a document. */
  static void java(Path dir, List<String> words, String command) {
    fail(command + ": DocTest does not know this java command");
  }
}
