package dev.diet.netbox.rest.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One NetBox endpoint of the fake: its path, content type, writable fields and uniqueness rules. */
final class Resource {
  /** How a field's values are stored and rendered. */
  enum Type {
    TEXT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    /** A choice: stored as its value, rendered as {@code {"value", "label"}}. */
    CHOICE,
    /** A foreign key: stored as the target's id, rendered as the target's brief form. */
    FK,
    /** A list of strings, such as a custom field's object types. */
    STRING_LIST,
    /** A nested object looked up by name (module-type profiles): stored as the name. */
    NAMED
  }

  /** One writable field. */
  static final class Field {
    final String name;
    final Type type;
    final String target;
    final boolean required;
    final Object defaultValue;

    Field(String name, Type type, String target, boolean required, Object defaultValue) {
      this.name = name;
      this.type = type;
      this.target = target;
      this.required = required;
      this.defaultValue = defaultValue;
    }
  }

  /** A set of fields whose values no two objects may share, with NetBox's message. */
  static final class Unique {
    final List<String> fields;
    final boolean ignoreCase;
    final String message;

    Unique(List<String> fields, boolean ignoreCase, String message) {
      this.fields = fields;
      this.ignoreCase = ignoreCase;
      this.message = message;
    }
  }

  final String path;
  final String contentType;
  final String displayField;
  final boolean tagged;
  final Map<String, Field> fields = new LinkedHashMap<>();
  final List<Unique> uniques = new ArrayList<>();

  Resource(String path, String contentType, String displayField, boolean tagged) {
    this.path = path;
    this.contentType = contentType;
    this.displayField = displayField;
    this.tagged = tagged;
  }

  Resource text(String name, boolean required, String defaultValue) {
    return add(new Field(name, Type.TEXT, null, required, defaultValue));
  }

  Resource choice(String name, boolean required, String defaultValue) {
    return add(new Field(name, Type.CHOICE, null, required, defaultValue));
  }

  Resource integer(String name) {
    return add(new Field(name, Type.INTEGER, null, false, null));
  }

  Resource decimal(String name, Double defaultValue) {
    return add(new Field(name, Type.DECIMAL, null, false, defaultValue));
  }

  Resource bool(String name, boolean defaultValue) {
    return add(new Field(name, Type.BOOLEAN, null, false, defaultValue));
  }

  Resource fk(String name, String target, boolean required) {
    return add(new Field(name, Type.FK, target, required, null));
  }

  Resource stringList(String name, boolean required) {
    return add(new Field(name, Type.STRING_LIST, null, required, null));
  }

  Resource named(String name) {
    return add(new Field(name, Type.NAMED, null, false, null));
  }

  Resource unique(String message, boolean ignoreCase, String... fieldNames) {
    uniques.add(new Unique(List.of(fieldNames), ignoreCase, message));
    return this;
  }

  private Resource add(Field f) {
    fields.put(f.name, f);
    return this;
  }

  /** The model name NetBox uses in messages, e.g. {@code device} or {@code module bay}. */
  String label() {
    String model = contentType.substring(contentType.indexOf('.') + 1);
    switch (model) {
      case "modulebay":
        return "module bay";
      case "moduletype":
        return "module type";
      case "devicetype":
        return "device type";
      case "devicerole":
        return "device role";
      case "customfield":
        return "custom field";
      case "interfacetemplate":
        return "interface template";
      case "ipaddress":
        return "IP address";
      default:
        return model;
    }
  }
}
