package dev.diet.diff;

import dev.diet.state.FieldMap;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One step of a {@link ChangeSet}: an action on one object, with the values before and after for
 * every field it changes, the tags to add, and the ownership mark to leave on the object.
 *
 * <p>{@code netboxId} is present for objects that exist (update, delete, adopt, orphan) and absent
 * for creates; backends resolve {@link dev.diet.state.Ref} values in {@code after} to ids of objects
 * that existed or were created earlier in the same change set.
 */
public final class Operation {
  private final Action action;
  private final ObjectKey key;
  private final OptionalLong netboxId;
  private final String displayName;
  private final SortedMap<String, Object> before;
  private final SortedMap<String, Object> after;
  private final SortedSet<String> addTags;
  private final Ownership ownership;
  private final String reason;

  public Operation(
      Action action,
      ObjectKey key,
      OptionalLong netboxId,
      String displayName,
      Map<String, ?> before,
      Map<String, ?> after,
      java.util.Set<String> addTags,
      Ownership ownership,
      String reason) {
    this.action = Objects.requireNonNull(action, "action");
    this.key = Objects.requireNonNull(key, "key");
    this.netboxId = Objects.requireNonNull(netboxId, "netboxId");
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.before = FieldMap.copyOf(before);
    this.after = FieldMap.copyOf(after);
    this.addTags = addTags.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(addTags));
    this.ownership = ownership;
    this.reason = reason == null ? "" : reason;
    if (action != Action.CREATE && netboxId.isEmpty()) {
      throw new IllegalArgumentException(action + " of " + key + " needs the NetBox id of the object");
    }
    if ((action == Action.CREATE || action == Action.UPDATE || action == Action.ADOPT)
        && ownership == null
        && !key.isReference()) {
      throw new IllegalArgumentException(action + " of " + key + " needs the ownership mark to write");
    }
  }

  public Action action() {
    return action;
  }

  public ObjectKey key() {
    return key;
  }

  public ObjectKind kind() {
    return key.kind();
  }

  public OptionalLong netboxId() {
    return netboxId;
  }

  /** Human name for previews: device name, {@code device:interface}, or the cable's ends. */
  public String displayName() {
    return displayName;
  }

  /** Current values of the fields this operation changes (empty for creates). */
  public SortedMap<String, Object> before() {
    return before;
  }

  /** Values to write: every desired field for creates and adoptions, the changed ones for updates. */
  public SortedMap<String, Object> after() {
    return after;
  }

  /** Tags to add; DIET never removes tags it did not add. */
  public SortedSet<String> addTags() {
    return addTags;
  }

  /**
   * The mark to write (create, update, adopt of owned kinds); absent for delete, orphan and for
   * reference data, which never carries a mark.
   */
  public Optional<Ownership> ownership() {
    return Optional.ofNullable(ownership);
  }

  /** Why the operation is there, e.g. {@code recable: end B moved}; empty when obvious. */
  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Operation)) {
      return false;
    }
    Operation p = (Operation) o;
    return action == p.action
        && key.equals(p.key)
        && netboxId.equals(p.netboxId)
        && displayName.equals(p.displayName)
        && before.equals(p.before)
        && after.equals(p.after)
        && addTags.equals(p.addTags)
        && Objects.equals(ownership, p.ownership)
        && reason.equals(p.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, key, netboxId, after);
  }

  @Override
  public String toString() {
    return action + " " + key + (netboxId.isPresent() ? " #" + netboxId.getAsLong() : "") + " " + after;
  }
}
