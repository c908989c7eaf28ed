package dev.diet.state;

import java.util.Objects;

/**
 * Stable identity of an object DIET plans, derived from plan structure (plan id, class id,
 * ordinal, port), never from a rendered name. Written onto the NetBox object and read back by
 * observe, so a renamed device is updated in place.
 *
 * <p>Owned objects have the form {@code <planId>:<kind>:<path>}, for example {@code
 * lab:interface:switch/tor/1/E1/1/1}; reference data has the form {@code ref:<kind>:<natural
 * key>}, for example {@code ref:site:hedgehog}.
 */
public final class ObjectKey implements Comparable<ObjectKey> {
  private static final String REF = "ref";

  private final String owner;
  private final ObjectKind kind;
  private final String path;
  private final String text;

  private ObjectKey(String owner, ObjectKind kind, String path) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.path = Objects.requireNonNull(path, "path");
    this.text = owner + ":" + kind.wire() + ":" + path;
  }

  /** Key of an object owned by plan {@code planId}. */
  public static ObjectKey owned(String planId, ObjectKind kind, String path) {
    if (kind.isReference()) {
      throw new IllegalArgumentException(kind + " is reference data; use ObjectKey.reference");
    }
    if (planId.isEmpty() || planId.equals(REF) || planId.contains(":")) {
      throw new IllegalArgumentException("plan id '" + planId + "' cannot own objects");
    }
    return new ObjectKey(planId, kind, path);
  }

  /** Key of shared reference data, by its natural key (slug, or {@code manufacturer/model}). */
  public static ObjectKey reference(ObjectKind kind, String naturalKey) {
    if (!kind.isReference()) {
      throw new IllegalArgumentException(kind + " is not reference data");
    }
    return new ObjectKey(REF, kind, naturalKey);
  }

  /** Parses the text form written by {@link #toString()}. */
  public static ObjectKey parse(String text) {
    int a = text.indexOf(':');
    int b = a < 0 ? -1 : text.indexOf(':', a + 1);
    if (a <= 0 || b < 0) {
      throw new IllegalArgumentException("not an object key: '" + text + "'");
    }
    String owner = text.substring(0, a);
    ObjectKind kind = ObjectKind.fromWire(text.substring(a + 1, b));
    String path = text.substring(b + 1);
    return owner.equals(REF) ? reference(kind, path) : owned(owner, kind, path);
  }

  public ObjectKind kind() {
    return kind;
  }

  /** The owning plan's id; {@code ref} for reference data. */
  public String owner() {
    return owner;
  }

  /** The structural path within the owner and kind. */
  public String path() {
    return path;
  }

  public boolean isReference() {
    return kind.isReference();
  }

  /** Orders by kind (dependency order), then by the key text in code-point order. */
  @Override
  public int compareTo(ObjectKey o) {
    int c = kind.compareTo(o.kind);
    if (c != 0) {
      return c;
    }
    // Same owner and kind: the texts share their prefix, so the paths decide (and compare faster).
    return owner.equals(o.owner) ? path.compareTo(o.path) : text.compareTo(o.text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectKey && ((ObjectKey) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
