package dev.diet.plan;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enumeration whose constants have a fixed spelling in plan files and NetBox. */
public interface WireEnum {

  /** The spelling used in plan files and NetBox. */
  String wire();

  /** Finds the constant of {@code type} spelled {@code wire}, if any. */
  static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String wire) {
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(wire)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The accepted spellings of {@code type}, comma separated, for error hints. */
  static <E extends Enum<E> & WireEnum> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
  }
}
