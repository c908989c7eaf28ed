package dev.diet.state;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One object DIET wants NetBox to hold: its key, the fields DIET manages with their desired values,
 * and the tags it must carry. Every field listed here is managed; other fields are left alone.
 */
public final class DesiredObject {
  private final ObjectKey key;
  private final SortedMap<String, Object> fields;
  private final ImmutableSortedSet<String> tags;

  public DesiredObject(ObjectKey key, Map<String, ?> fields, Set<String> tags) {
    this.key = Objects.requireNonNull(key, "key");
    this.fields = FieldMap.copyOf(fields);
    this.tags = ImmutableSortedSet.copyOf(tags);
  }

  public ObjectKey key() {
    return key;
  }

  public ObjectKind kind() {
    return key.kind();
  }

  /** Managed fields and their desired values (null allowed), sorted by field name. */
  public SortedMap<String, Object> fields() {
    return fields;
  }

  public Object field(String name) {
    return fields.get(name);
  }

  /** The {@code name} field, or the key path for objects without a name (cables). */
  public String displayName() {
    Object name = fields.get(Fields.NAME);
    return name instanceof String ? (String) name : key.path();
  }

  /** Tags (slugs) the object must carry; other tags on it are left alone. */
  public SortedSet<String> tags() {
    return tags;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DesiredObject)) {
      return false;
    }
    DesiredObject d = (DesiredObject) o;
    return key.equals(d.key) && fields.equals(d.fields) && tags.equals(d.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, fields, tags);
  }

  @Override
  public String toString() {
    return key + " " + fields + (tags.isEmpty() ? "" : " tags=" + tags);
  }
}
