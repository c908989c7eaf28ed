package dev.diet.generate;

import dev.diet.DietException;

/** A naming template does not parse or names a field DIET does not know. */
public final class NameTemplateException extends DietException {
  private final String unknownField;

  public NameTemplateException(String message) {
    this(message, null);
  }

  /** A pattern that names {@code unknownField}, which is not one of {@link NameTemplate#FIELDS}. */
  public NameTemplateException(String message, String unknownField) {
    super(
        message,
        "use {site}, {class}, {category}, {fabric}, {role}, {rack} or {index}, with an optional"
            + " format like {index:03d}; write {{ and }} for literal braces");
    this.unknownField = unknownField;
  }

  /** The field the pattern names that is not a field of the plan, if that is what is wrong. */
  public java.util.Optional<String> unknownField() {
    return java.util.Optional.ofNullable(unknownField);
  }
}
