package dev.diet.netbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diet.spi.BackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NetBox refused a request (400, 409, ...) with its own messages: one text per object of a bulk
 * request (empty for objects it had nothing against), or one for the whole request.
 */
public class NetBoxRequestException extends BackendException {
  private final int status;
  private final List<String> objectErrors;
  private final boolean afterAmbiguousRetry;
  private final String netboxMessage;

  NetBoxRequestException(String request, int status, JsonNode body, boolean afterAmbiguousRetry) {
    super(request + " was refused by NetBox (" + status + "): " + summary(body),
        "fix the object NetBox names, or the plan that produced it, and run apply again");
    this.status = status;
    this.objectErrors = perObject(body);
    this.afterAmbiguousRetry = afterAmbiguousRetry;
    this.netboxMessage = summary(body);
  }

  public int status() {
    return status;
  }

  /** NetBox's message per object of a bulk request, in request order ("" for objects without error); empty otherwise. */
  public List<String> objectErrors() {
    return objectErrors;
  }

  /** True when an earlier attempt of the same request may have been carried out (dropped connection, timeout, 502/504). */
  public boolean afterAmbiguousRetry() {
    return afterAmbiguousRetry;
  }

  /** The request-wide message (for a bulk request, the first object's). */
  public String netboxMessage() {
    return netboxMessage;
  }

  static String summary(JsonNode body) {
    if (body == null || body.isNull()) {
      return "no details";
    }
    if (body.isArray()) {
      for (JsonNode item : body) {
        String s = describe(item);
        if (!s.isEmpty()) {
          return s;
        }
      }
      return body.toString();
    }
    String s = describe(body);
    return s.isEmpty() ? body.toString() : s;
  }

  /** {@code field: message; other: message}, or the detail text. */
  static String describe(JsonNode errors) {
    if (errors == null || errors.isNull()) {
      return "";
    }
    if (errors.isTextual()) {
      return errors.asText();
    }
    if (errors.isArray()) {
      List<String> parts = new ArrayList<>();
      errors.forEach(e -> parts.add(describe(e)));
      return String.join("; ", parts);
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : errors.properties()) {
      String text = describe(e.getValue());
      boolean general = e.getKey().equals("detail") || e.getKey().equals("non_field_errors") || e.getKey().equals("__all__");
      parts.add(general ? text : e.getKey() + ": " + text);
    }
    return String.join("; ", parts);
  }

  private static List<String> perObject(JsonNode body) {
    List<String> out = new ArrayList<>();
    if (body != null && body.isArray()) {
      body.forEach(item -> out.add(describe(item)));
    }
    return List.copyOf(out);
  }
}
