package dev.diet.state;

import java.util.Objects;

/** A field value that points at another object of the graph (or at reference data) by key. */
public final class Ref implements Comparable<Ref> {
  private final ObjectKey key;

  private Ref(ObjectKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  public static Ref to(ObjectKey key) {
    return new Ref(key);
  }

  public ObjectKey key() {
    return key;
  }

  @Override
  public int compareTo(Ref o) {
    return key.compareTo(o.key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ref && ((Ref) o).key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  /** {@code @} followed by the key; the same text last-applied values store. */
  @Override
  public String toString() {
    return "@" + key;
  }
}
