package dev.diet.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a plan file as parsed, with the place it stood: a mapping, a sequence or a scalar.
 * Jackson's own tree keeps no locations, so the reader builds this one from the token stream.
 */
final class SourceNode {
  /** Shape of a node. */
  enum Kind {
    MAPPING,
    SEQUENCE,
    SCALAR
  }

  /** How the parser typed a scalar (YAML 1.1 rules for YAML, JSON rules for JSON). */
  enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /** One key of a mapping: the key text, where the key stands, and its value. */
  record Entry(String key, SourceLocation keyLocation, SourceNode value) {}

  private final Kind kind;
  private final SourceLocation location;
  private final ScalarType scalarType;
  private final String text;
  private final Map<String, Entry> entries;
  private final List<SourceNode> items;
  /** Number of values this node stands for once aliases are expanded; saturates at Long.MAX_VALUE. */
  private final long expandedSize;

  private SourceNode(
      Kind kind,
      SourceLocation location,
      ScalarType scalarType,
      String text,
      Map<String, Entry> entries,
      List<SourceNode> items,
      long expandedSize) {
    this.kind = kind;
    this.location = location;
    this.scalarType = scalarType;
    this.text = text;
    this.entries = entries;
    this.items = items;
    this.expandedSize = expandedSize;
  }

  static SourceNode scalar(SourceLocation location, ScalarType type, String text) {
    return new SourceNode(Kind.SCALAR, location, type, text, Map.of(), List.of(), 1);
  }

  static SourceNode mapping(SourceLocation location, LinkedHashMap<String, Entry> entries) {
    long size = 1;
    for (Entry e : entries.values()) {
      size = saturatedAdd(size, e.value().expandedSize);
    }
    return new SourceNode(
        Kind.MAPPING, location, null, null, Collections.unmodifiableMap(entries), List.of(), size);
  }

  static SourceNode sequence(SourceLocation location, List<SourceNode> items) {
    long size = 1;
    for (SourceNode item : items) {
      size = saturatedAdd(size, item.expandedSize);
    }
    return new SourceNode(
        Kind.SEQUENCE, location, null, null, Map.of(), Collections.unmodifiableList(items), size);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  SourceLocation location() {
    return location;
  }

  boolean isMapping() {
    return kind == Kind.MAPPING;
  }

  boolean isSequence() {
    return kind == Kind.SEQUENCE;
  }

  boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  boolean isNull() {
    return kind == Kind.SCALAR && scalarType == ScalarType.NULL;
  }

  ScalarType scalarType() {
    return scalarType;
  }

  /** The scalar exactly as written (without quotes); only for scalars. */
  String text() {
    return text;
  }

  Map<String, Entry> entries() {
    return entries;
  }

  List<SourceNode> items() {
    return items;
  }

  long expandedSize() {
    return expandedSize;
  }

  /** A word for error messages: "a mapping", "a list", "text 'x'", "the number 5"... */
  String describe() {
    switch (kind) {
      case MAPPING:
        return "a mapping";
      case SEQUENCE:
        return "a list";
      default:
        break;
    }
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    switch (scalarType) {
      case INT:
      case FLOAT:
        return "the number " + shown;
      case BOOL:
        return "the boolean " + shown;
      case NULL:
        return "nothing";
      default:
        return "text '" + shown + "'";
    }
  }
}
