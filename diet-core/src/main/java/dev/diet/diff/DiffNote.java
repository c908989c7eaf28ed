package dev.diet.diff;

import dev.diet.state.ObjectKey;

/**
 * Something the differ decided that is not an operation: an object kept because it is protected, an
 * operation skipped because of a conflict or a skipped parent.
 */
public record DiffNote(ObjectKey key, String name, String message) {}
