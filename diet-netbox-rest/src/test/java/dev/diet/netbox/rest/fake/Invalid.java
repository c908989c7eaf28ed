package dev.diet.netbox.rest.fake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Validation errors of one object in NetBox's format: {@code {field: [message, ...]}}. */
final class Invalid extends RuntimeException {
  final ObjectNode errors;

  Invalid(ObjectNode errors) {
    super(errors.toString(), null, false, false);
    this.errors = errors;
  }

  static Invalid of(String field, String message) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.putArray(field).add(message);
    return new Invalid(e);
  }
}
