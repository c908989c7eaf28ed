package dev.diet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.plan.Problem;

/** The command line's JSON documents (schemas in docs/cli-json.md) and the helpers that write them. */
final class CliJson {
  /** {@code diet apply --json}. */
  static final String APPLY_SCHEMA = "diet.apply/v1";
  /** {@code diet drift --json}. */
  static final String DRIFT_SCHEMA = "diet.drift/v1";
  /** {@code diet status --json}. */
  static final String STATUS_SCHEMA = "diet.status/v1";
  /** Any of plan, apply, drift, status with {@code --json} when it fails (exit code 1 or 3). */
  static final String ERROR_SCHEMA = "diet.error/v1";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CliJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Parses JSON DIET wrote itself (a preview); a failure here is a DIET bug. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("DIET wrote JSON it cannot read back", e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** One problem of a plan, as {@code diet validate --json} and {@code diet.error/v1} print it. */
  static ObjectNode problem(Problem p) {
    ObjectNode n = object();
    n.put("severity", p.severity().wire());
    n.put("code", p.code());
    n.put("file", p.location().file());
    n.put("line", p.location().line());
    n.put("column", p.location().column());
    n.put("path", p.path());
    n.put("message", p.message());
    if (p.hint().isPresent()) {
      n.put("hint", p.hint().get());
    } else {
      n.putNull("hint");
    }
    return n;
  }
}
