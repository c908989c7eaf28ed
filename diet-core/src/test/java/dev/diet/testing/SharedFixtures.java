package dev.diet.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the project's shared fixtures ({@code ../shared}: DIET cases, golden outputs, the NetBox
 * schema) beside the checkout. Tests that need them skip, saying why, when the folder is absent.
 */
public final class SharedFixtures {
  private SharedFixtures() {}

  /** The shared folder, looked up from the working directory upwards; skips the test if absent. */
  public static Path shared() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("cases"))) {
        return candidate;
      }
    }
    assumeTrue(false, "../shared (DIET cases, golden files, NetBox schema) is not beside this checkout");
    throw new AssertionError("unreachable");
  }

  public static Path cases() {
    return shared().resolve("cases");
  }

  public static Path golden() {
    return shared().resolve("golden");
  }

  public static Path netbox() {
    return shared().resolve("netbox");
  }

  /** Every {@code *.yaml} plan in {@code ../shared/cases}, sorted by file name. */
  public static List<Path> casePlans() {
    try (Stream<Path> files = Files.list(cases())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path casePlan(String caseId) {
    Path p = cases().resolve(caseId + ".yaml");
    assumeTrue(Files.isRegularFile(p), "case " + caseId + " is not in ../shared/cases");
    return p;
  }
}
