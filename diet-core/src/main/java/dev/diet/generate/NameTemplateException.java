package dev.diet.generate;

import dev.diet.DietException;

/** A naming template does not parse or names a field DIET does not know. */
public final class NameTemplateException extends DietException {
  public NameTemplateException(String message) {
    super(
        message,
        "use {site}, {class}, {category}, {fabric}, {role}, {rack} or {index}, with an optional"
            + " format like {index:03d}; write {{ and }} for literal braces");
  }
}
