package dev.diet.spi;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.diet.state.ObjectKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a backend found for one plan: the objects the plan owns (by key), the reference data it
 * asked for (by reference key), unowned devices that carry planned names, and external references
 * to owned objects.
 */
public final class ObservedState {
  private final String planId;
  private final ImmutableMap<ObjectKey, ObservedObject> owned;
  private final ImmutableMap<ObjectKey, ObservedObject> references;
  private final ImmutableList<ObservedObject> collisions;
  private final ImmutableList<ExternalReference> externalReferences;

  public ObservedState(
      String planId,
      Collection<ObservedObject> owned,
      Map<ObjectKey, ObservedObject> references,
      Collection<ObservedObject> collisions,
      Collection<ExternalReference> externalReferences) {
    this.planId = Objects.requireNonNull(planId, "planId");
    Map<ObjectKey, ObservedObject> byKey = new LinkedHashMap<>();
    for (ObservedObject o : owned) {
      ObjectKey key = o.ownership().orElseThrow(() -> new IllegalArgumentException(o + " is not owned")).key();
      if (byKey.put(key, o) != null) {
        throw new IllegalArgumentException("two observed objects carry the key " + key);
      }
    }
    this.owned = ImmutableMap.copyOf(byKey);
    this.references = ImmutableMap.copyOf(references);
    this.collisions = ImmutableList.copyOf(collisions);
    this.externalReferences = ImmutableList.copyOf(externalReferences);
  }

  /** An empty NetBox for this plan. */
  public static ObservedState empty(String planId) {
    return new ObservedState(planId, List.of(), Map.of(), List.of(), List.of());
  }

  public String planId() {
    return planId;
  }

  /** Objects that carry this plan's ownership mark, by their key. */
  public Map<ObjectKey, ObservedObject> owned() {
    return owned;
  }

  /** Reference data found, by reference key; a missing key means NetBox does not have it. */
  public Map<ObjectKey, ObservedObject> references() {
    return references;
  }

  /** Devices with a planned name that this plan does not own (unmarked, or owned by another plan). */
  public List<ObservedObject> collisions() {
    return collisions;
  }

  public List<ExternalReference> externalReferences() {
    return externalReferences;
  }
}
