package dev.diet.diff;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The caller's explicit choices for conflicts: per conflict id, or for every conflict of a type
 * (like {@code kubectl apply --force} for field conflicts). Conflicts without a choice take their
 * safe default. Immutable.
 */
public final class Resolutions {
  private static final Resolutions NONE = new Resolutions(Map.of(), Map.of());

  private final ImmutableMap<String, Resolution> byId;
  private final ImmutableMap<ConflictType, Resolution> byType;

  private Resolutions(Map<String, Resolution> byId, Map<ConflictType, Resolution> byType) {
    this.byId = ImmutableMap.copyOf(new TreeMap<>(byId));
    this.byType = ImmutableMap.copyOf(byType.isEmpty() ? Map.of() : new EnumMap<>(byType));
  }

  /** No explicit choices: every conflict takes its default. */
  public static Resolutions none() {
    return NONE;
  }

  /** Adds the choice for one conflict, by its {@link Conflict#id()}. */
  public Resolutions with(String conflictId, Resolution resolution) {
    Map<String, Resolution> m = new TreeMap<>(byId);
    m.put(conflictId, resolution);
    return new Resolutions(m, byType);
  }

  /** Adds the choice for every conflict of a type that has no choice of its own. */
  public Resolutions withAll(ConflictType type, Resolution resolution) {
    Map<ConflictType, Resolution> m = new EnumMap<>(ConflictType.class);
    m.putAll(byType);
    m.put(type, resolution);
    return new Resolutions(byId, m);
  }

  public Map<String, Resolution> byId() {
    return byId;
  }

  public Map<ConflictType, Resolution> byType() {
    return byType;
  }

  Optional<Resolution> lookup(String conflictId, ConflictType type) {
    Resolution r = byId.get(conflictId);
    return Optional.ofNullable(r != null ? r : byType.get(type));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resolutions && ((Resolutions) o).byId.equals(byId) && ((Resolutions) o).byType.equals(byType);
  }

  @Override
  public int hashCode() {
    return byId.hashCode() * 31 + byType.hashCode();
  }

  @Override
  public String toString() {
    return "Resolutions" + byId + byType;
  }
}
