package dev.diet.spi;

import com.google.common.collect.ImmutableSortedSet;
import dev.diet.diff.Ownership;
import dev.diet.state.FieldMap;
import dev.diet.state.ObjectKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One object as NetBox holds it: kind, NetBox id, current field values in the desired-state
 * vocabulary ({@link dev.diet.state.Fields}; references to other objects as {@link
 * dev.diet.state.Ref}s by their key when owned or reference data), its tags, and its ownership
 * mark if it has one.
 */
public final class ObservedObject {
  private final ObjectKind kind;
  private final long id;
  private final SortedMap<String, Object> fields;
  private final ImmutableSortedSet<String> tags;
  private final Ownership ownership;

  public ObservedObject(ObjectKind kind, long id, Map<String, ?> fields, Set<String> tags, Ownership ownership) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.id = id;
    this.fields = FieldMap.copyOf(fields);
    this.tags = ImmutableSortedSet.copyOf(tags);
    this.ownership = ownership;
  }

  /**
   * The value observe reports for a reference to an object without a key: {@code <content
   * type>#<id>}, e.g. {@code dcim.interface#42}. It never equals a desired {@link dev.diet.state.Ref}.
   */
  public static String foreignRef(ObjectKind kind, long id) {
    return kind.contentType() + "#" + id;
  }

  public ObjectKind kind() {
    return kind;
  }

  public long id() {
    return id;
  }

  public SortedMap<String, Object> fields() {
    return fields;
  }

  public Object field(String name) {
    return fields.get(name);
  }

  public SortedSet<String> tags() {
    return tags;
  }

  public Optional<Ownership> ownership() {
    return Optional.ofNullable(ownership);
  }

  public boolean isProtected() {
    return tags.contains(OwnershipFields.PROTECTED_TAG);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ObservedObject)) {
      return false;
    }
    ObservedObject x = (ObservedObject) o;
    return kind == x.kind && id == x.id && fields.equals(x.fields) && tags.equals(x.tags) && Objects.equals(ownership, x.ownership);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, id, fields, tags, ownership);
  }

  @Override
  public String toString() {
    return kind.wire() + "#" + id + " " + fields + " tags=" + tags + (ownership == null ? "" : " " + ownership.key());
  }
}
