package dev.diet.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What reading one plan file collects: the problems found and where every object and key stood. */
final class ReadContext {
  private final String sourceName;
  private final List<Problem> problems;
  private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

  ReadContext(String sourceName, List<Problem> problems) {
    this.sourceName = sourceName;
    this.problems = problems;
  }

  String sourceName() {
    return sourceName;
  }

  void locate(String path, SourceLocation location) {
    locations.putIfAbsent(path, location);
  }

  SourceLocation locationOf(String path, SourceLocation fallback) {
    return locations.getOrDefault(path, fallback);
  }

  Map<String, SourceLocation> locations() {
    return locations;
  }

  void error(String code, SourceLocation at, String path, String message, String hint) {
    problems.add(Problem.error(code, at, path, message, hint));
  }

  void warning(String code, SourceLocation at, String path, String message, String hint) {
    problems.add(Problem.warning(code, at, path, message, hint));
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  List<Problem> warnings() {
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      if (!p.isError()) {
        out.add(p);
      }
    }
    return out;
  }
}
