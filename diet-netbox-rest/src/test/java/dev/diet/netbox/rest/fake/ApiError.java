package dev.diet.netbox.rest.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request NetBox refuses: the status and the JSON body NetBox would send. */
final class ApiError extends RuntimeException {
  final int status;
  final JsonNode body;

  ApiError(int status, JsonNode body) {
    super(status + " " + body, null, false, false);
    this.status = status;
    this.body = body;
  }

  static ApiError detail(int status, String message) {
    return new ApiError(status, JsonNodeFactory.instance.objectNode().put("detail", message));
  }

  /** A 400 with {@code {field: [message]}}, NetBox's validation error format. */
  static ApiError field(String field, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray(field).add(message);
    return new ApiError(400, body);
  }
}
