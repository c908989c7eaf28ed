package dev.diet.netbox.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Compact JSON text of small Jackson trees, written without Jackson's writer machinery (bulk writes call it per row). */
final class JsonText {
  private JsonText() {}

  static String of(JsonNode node) {
    StringBuilder b = new StringBuilder(256);
    write(b, node);
    return b.toString();
  }

  static void write(StringBuilder b, JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      b.append("null");
    } else if (n.isObject()) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        string(b, e.getKey());
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (n.isArray()) {
      b.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(b, n.get(i));
      }
      b.append(']');
    } else if (n.isTextual()) {
      string(b, n.textValue());
    } else if (n.isNumber() || n.isBoolean()) {
      b.append(n.asText());
    } else {
      b.append(n.toString());
    }
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        switch (c) {
          case '\n':
            b.append("\\n");
            break;
          case '\t':
            b.append("\\t");
            break;
          case '\r':
            b.append("\\r");
            break;
          default:
            b.append(String.format("\\u%04x", (int) c));
        }
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }
}
