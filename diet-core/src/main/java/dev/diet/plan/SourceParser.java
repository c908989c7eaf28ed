package dev.diet.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.diet.plan.SourceNode.Entry;
import dev.diet.plan.SourceNode.ScalarType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns plan-file text (YAML 1.1 or JSON) into a {@link SourceNode} tree that remembers where
 * every key and value stood. Resolves YAML anchors, aliases and {@code <<} merge keys itself, and
 * reports syntax errors, duplicate keys, runaway nesting and alias bombs as problems, never as
 * exceptions.
 */
final class SourceParser {
  /** Deepest nesting a plan can need is about 6; anything far beyond is not a plan. */
  static final int MAX_DEPTH = 64;

  /** Values a file may stand for after alias expansion; guards against "billion laughs" files. */
  static final long MAX_EXPANDED_VALUES = 1_000_000;

  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder().maxNumberLength(100_000).maxNestingDepth(1_000).build();

  private static final YAMLFactory YAML = yamlFactory();
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

  /** Thrown inside the parser to stop after a problem that makes the rest meaningless. */
  private static final class Abort extends Exception {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  private final String sourceName;
  private final List<Problem> problems;
  private final Map<String, SourceNode> anchors = new HashMap<>();
  private String text = "";

  private SourceParser(String sourceName, List<Problem> problems) {
    this.sourceName = sourceName;
    this.problems = problems;
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(PlanReader.MAX_FILE_BYTES);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    factory.setStreamReadConstraints(CONSTRAINTS);
    return factory;
  }

  /**
   * Parses {@code text}; returns the root node, or {@code null} after adding the problems that
   * stopped it. An empty document yields an empty mapping.
   */
  static SourceNode parse(String text, String sourceName, boolean json, List<Problem> problems) {
    return new SourceParser(sourceName, problems).run(text, json);
  }

  private SourceNode run(String text, boolean json) {
    this.text = text;
    try (JsonParser p = json ? JSON.createParser(text) : YAML.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return SourceNode.mapping(new SourceLocation(sourceName, 1, 1), new LinkedHashMap<>());
      }
      SourceNode root = readValue(p, 0, "");
      if (root.isNull()) {
        root = SourceNode.mapping(new SourceLocation(sourceName, 1, 1), new LinkedHashMap<>());
      }
      if (p.nextToken() != null) {
        problems.add(
            error(
                location(p.currentTokenLocation()),
                "the file holds more than one document; a plan file is exactly one",
                "remove the second '---' section or split the plans into separate files"));
        return null;
      }
      if (root.expandedSize() > MAX_EXPANDED_VALUES) {
        problems.add(
            error(
                root.location(),
                "the file expands to more than " + MAX_EXPANDED_VALUES + " values through YAML aliases",
                "write the repeated parts out, or use fewer nested aliases"));
        return null;
      }
      return root;
    } catch (Abort stop) {
      return null;
    } catch (JsonProcessingException e) {
      problems.add(syntaxProblem(e));
      return null;
    } catch (IOException | RuntimeException e) {
      // The parsers wrap their own failures; anything else is still a file we could not parse.
      problems.add(
          error(
              new SourceLocation(sourceName, 1, 1),
              "the file could not be parsed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
              json ? "check that the file is valid JSON" : "check that the file is valid YAML"));
      return null;
    }
  }

  private SourceNode readValue(JsonParser p, int depth, String path) throws IOException, Abort {
    JsonToken token = p.currentToken();
    SourceLocation at = location(p.currentTokenLocation());
    if (p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias()) {
      SourceNode target = anchors.get(p.getText());
      if (target == null) {
        problems.add(
            error(at, "alias *" + p.getText() + " refers to no anchor defined before it", "define &" + p.getText() + " before using it"));
        throw new Abort();
      }
      return target;
    }
    String anchor = p.getObjectId() instanceof String ? (String) p.getObjectId() : null;
    SourceNode node;
    switch (token) {
      case START_OBJECT:
        checkDepth(at, depth);
        node = readMapping(p, at, depth, path);
        break;
      case START_ARRAY:
        checkDepth(at, depth);
        List<SourceNode> items = new ArrayList<>();
        for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
          if (next == null) {
            throw new Abort();
          }
          items.add(readValue(p, depth + 1, path + "[" + items.size() + "]"));
        }
        node = SourceNode.sequence(at, items);
        break;
      case VALUE_NUMBER_INT:
        node = SourceNode.scalar(at, ScalarType.INT, p.getText());
        break;
      case VALUE_NUMBER_FLOAT:
        node = SourceNode.scalar(at, ScalarType.FLOAT, p.getText());
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        node = SourceNode.scalar(at, ScalarType.BOOL, p.getText());
        break;
      case VALUE_NULL:
        node = SourceNode.scalar(at, ScalarType.NULL, "");
        break;
      default:
        String text = p.getText();
        // YAML 1.1 reads an empty plain scalar (`key:`) as null; '' is treated the same way.
        node =
            text == null || text.isEmpty()
                ? SourceNode.scalar(at, ScalarType.NULL, "")
                : SourceNode.scalar(at, ScalarType.STRING, text);
        break;
    }
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private void checkDepth(SourceLocation at, int depth) throws Abort {
    if (depth >= MAX_DEPTH) {
      problems.add(
          error(at, "values are nested more than " + MAX_DEPTH + " levels deep", "a plan nests at most a few levels; check the indentation"));
      throw new Abort();
    }
  }

  private SourceNode readMapping(JsonParser p, SourceLocation at, int depth, String path) throws IOException, Abort {
    LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    List<SourceNode> merges = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      SourceLocation keyAt = location(p.currentTokenLocation());
      String keyPath = path.isEmpty() ? key : path + "." + key;
      if (p.nextToken() == null) {
        throw new Abort();
      }
      SourceNode value = readValue(p, depth + 1, keyPath);
      if ("<<".equals(key) && p instanceof YAMLParser) {
        merges.add(value);
        continue;
      }
      Entry earlier = entries.get(key);
      if (earlier != null) {
        problems.add(
            Problem.error(
                "duplicate_key",
                keyAt,
                keyPath,
                "key '" + key + "' appears twice in one mapping (first at line " + earlier.keyLocation().line() + ", column " + earlier.keyLocation().column() + ")",
                "keep one of them; YAML does not merge repeated keys"));
        continue;
      }
      entries.put(key, new Entry(key, keyAt, value));
    }
    for (SourceNode merge : merges) {
      mergeInto(entries, merge);
    }
    return SourceNode.mapping(at, entries);
  }

  /** YAML 1.1 merge key: keys written in the mapping win over merged ones, earlier merges over later. */
  private void mergeInto(LinkedHashMap<String, Entry> entries, SourceNode merge) {
    if (merge.isMapping()) {
      merge.entries().forEach(entries::putIfAbsent);
    } else if (merge.isSequence() && merge.items().stream().allMatch(SourceNode::isMapping)) {
      for (SourceNode item : merge.items()) {
        item.entries().forEach(entries::putIfAbsent);
      }
    } else {
      problems.add(
          error(merge.location(), "a '<<' merge key needs a mapping or a list of mappings, found " + merge.describe(), "merge an anchored mapping: <<: *name"));
    }
  }

  private Problem syntaxProblem(JsonProcessingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException) {
      MarkedYAMLException marked = (MarkedYAMLException) cause;
      Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      StringBuilder message = new StringBuilder(String.valueOf(marked.getProblem()));
      if (marked.getContext() != null) {
        message.append(" (").append(marked.getContext());
        if (marked.getContextMark() != null) {
          message.append(" that starts at line ").append(marked.getContextMark().getLine() + 1)
              .append(", column ").append(marked.getContextMark().getColumn() + 1);
        }
        message.append(')');
      }
      SourceLocation at = mark == null ? location(e.getLocation()) : new SourceLocation(sourceName, mark.getLine() + 1, mark.getColumn() + 1);
      return error(at, "YAML syntax error: " + oneLine(message.toString()), "fix the YAML at this place; indent with spaces, not tabs");
    }
    String message = e.getOriginalMessage() == null ? "unreadable input" : e.getOriginalMessage();
    if (cause instanceof ReaderException) {
      // Characters YAML forbids: SnakeYAML knows the offset, Jackson's location does not.
      ReaderException bad = (ReaderException) cause;
      return error(atCodePoint(bad.getPosition()), "YAML syntax error: character " + String.format("U+%04X", bad.getCodePoint()) + " is not allowed in YAML", "remove control characters; save the plan as plain UTF-8 text");
    }
    return error(location(e.getLocation()), "syntax error: " + oneLine(message), "check the file's syntax at this place");
  }

  private SourceLocation atCodePoint(int position) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < position; i = text.offsetByCodePoints(i, 1), seen++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourceLocation(sourceName, line, column);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ").strip();
  }

  private SourceLocation location(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return new SourceLocation(sourceName, 1, 1);
    }
    return new SourceLocation(sourceName, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  private static Problem error(SourceLocation at, String message, String hint) {
    return Problem.error("yaml_parse_error", at, "", message, hint);
  }
}
