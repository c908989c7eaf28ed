package dev.diet.memory;

import dev.diet.diff.Ownership;
import dev.diet.spi.OwnershipCodec;
import dev.diet.spi.OwnershipFields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A snapshot of one object in an {@link InMemoryNetBox}, as NetBox's API would show it: columns
 * with references as numeric ids ({@code Long}), custom-field data (including DIET's ownership
 * fields), tags, and for interfaces the attached cable.
 */
public final class StoredObject {
  private final ObjectKind kind;
  private final long id;
  private final SortedMap<String, Object> fields;
  private final SortedMap<String, Object> customFields;
  private final SortedSet<String> tags;
  private final Long cable;
  private final Instant created;
  private final Instant lastUpdated;

  StoredObject(Row row) {
    this.kind = row.model.kind();
    this.id = row.id;
    this.fields = Collections.unmodifiableSortedMap(new TreeMap<>(row.values));
    this.customFields = Collections.unmodifiableSortedMap(new TreeMap<>(row.custom));
    this.tags = Collections.unmodifiableSortedSet(new TreeSet<>(row.tags));
    this.cable = row.cable;
    this.created = row.created;
    this.lastUpdated = row.lastUpdated;
  }

  public ObjectKind kind() {
    return kind;
  }

  public long id() {
    return id;
  }

  /** Column values; references to other objects are their numeric ids ({@code Long}). */
  public SortedMap<String, Object> fields() {
    return fields;
  }

  public Object field(String name) {
    return fields.get(name);
  }

  /** NetBox's {@code custom_field_data}, by custom-field name. */
  public SortedMap<String, Object> customFields() {
    return customFields;
  }

  public SortedSet<String> tags() {
    return tags;
  }

  /** The cable attached to this interface, if any. */
  public OptionalLong cable() {
    return cable == null ? OptionalLong.empty() : OptionalLong.of(cable);
  }

  public Instant created() {
    return created;
  }

  public Instant lastUpdated() {
    return lastUpdated;
  }

  /** The plan that owns this object, if it carries DIET's ownership mark. */
  public Optional<String> ownerPlan() {
    Object v = customFields.get(OwnershipFields.PLAN);
    return v instanceof String && !((String) v).isEmpty() ? Optional.of((String) v) : Optional.empty();
  }

  /** The DIET key written on this object, if it is owned. */
  public Optional<ObjectKey> ownerKey() {
    Object v = customFields.get(OwnershipFields.KEY);
    return v instanceof String && !((String) v).isEmpty() ? Optional.of(ObjectKey.parse((String) v)) : Optional.empty();
  }

  /** The decoded ownership mark, if the object is owned. */
  public Optional<Ownership> ownership() {
    if (ownerPlan().isEmpty() || ownerKey().isEmpty()) {
      return Optional.empty();
    }
    Object state = customFields.get(OwnershipFields.STATE);
    return Optional.of(OwnershipCodec.fromJson(ownerPlan().get(), ownerKey().get().toString(), state == null ? null : state.toString()));
  }

  @Override
  public String toString() {
    return kind.wire() + "#" + id + " " + fields + " cf=" + customFields + " tags=" + tags;
  }
}
