package dev.diet.spi;

import dev.diet.state.ObjectKey;
import java.util.Objects;

/**
 * Something outside the plan that points at an owned object (an IP address on an interface, a
 * cable to an unowned interface, ...). It blocks deletion of that object unless forced.
 */
public final class ExternalReference {
  private final ObjectKey target;
  private final String kind;
  private final long id;
  private final String description;

  public ExternalReference(ObjectKey target, String kind, long id, String description) {
    this.target = Objects.requireNonNull(target, "target");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.id = id;
    this.description = Objects.requireNonNull(description, "description");
  }

  /** The owned object being referred to. */
  public ObjectKey target() {
    return target;
  }

  /** NetBox content type of the referring object, e.g. {@code ipam.ipaddress}. */
  public String kind() {
    return kind;
  }

  public long id() {
    return id;
  }

  /** Human description, e.g. {@code IP address 10.0.0.1/24}. */
  public String description() {
    return description;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExternalReference)) {
      return false;
    }
    ExternalReference r = (ExternalReference) o;
    return target.equals(r.target) && kind.equals(r.kind) && id == r.id && description.equals(r.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, kind, id, description);
  }

  @Override
  public String toString() {
    return kind + "#" + id + " (" + description + ") -> " + target;
  }
}
