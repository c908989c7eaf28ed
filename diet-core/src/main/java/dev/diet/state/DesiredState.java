package dev.diet.state;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a plan wants NetBox to hold, as a graph of {@link DesiredObject}s sorted in dependency
 * order (by {@link ObjectKind}) and by key within a kind. Produced by the generator; immutable.
 */
public final class DesiredState {
  private final String planId;
  private final String fingerprint;
  private final ImmutableList<DesiredObject> objects;
  private final Map<ObjectKey, DesiredObject> byKey;
  private final ImmutableSortedMap<String, Integer> switchQuantities;
  private final GenerationCounts counts;

  public DesiredState(
      String planId,
      String fingerprint,
      Collection<DesiredObject> objects,
      Map<String, Integer> switchQuantities,
      GenerationCounts counts) {
    this.planId = Objects.requireNonNull(planId, "planId");
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    List<DesiredObject> sorted = new ArrayList<>(objects);
    sorted.sort((a, b) -> a.key().compareTo(b.key()));
    this.objects = ImmutableList.copyOf(sorted);
    // A presized HashMap: graphs run to hundreds of thousands of objects and are only looked up by key.
    Map<ObjectKey, DesiredObject> index = new HashMap<>(sorted.size() * 4 / 3 + 1);
    for (DesiredObject o : sorted) {
      if (index.put(o.key(), o) != null) {
        throw new IllegalArgumentException("two desired objects share the key " + o.key());
      }
      for (Object v : o.fields().values()) {
        if (v instanceof Ref && !((Ref) v).key().isReference() && !((Ref) v).key().owner().equals(planId)) {
          throw new IllegalArgumentException(o.key() + " refers to " + v + ", owned by another plan");
        }
      }
    }
    this.byKey = Collections.unmodifiableMap(index);
    this.switchQuantities = ImmutableSortedMap.copyOf(switchQuantities);
    this.counts = Objects.requireNonNull(counts, "counts");
  }

  public String planId() {
    return planId;
  }

  /** Fingerprint of every plan input that affects this graph (see {@code PlanFingerprint}). */
  public String fingerprint() {
    return fingerprint;
  }

  /** All objects, reference data first, in dependency order and then key order. */
  public List<DesiredObject> objects() {
    return objects;
  }

  public List<DesiredObject> objects(ObjectKind kind) {
    return objects.stream().filter(o -> o.kind() == kind).collect(ImmutableList.toImmutableList());
  }

  public DesiredObject get(ObjectKey key) {
    return byKey.get(key);
  }

  public boolean contains(ObjectKey key) {
    return byKey.containsKey(key);
  }

  /** Effective switch quantity per switch class id. */
  public Map<String, Integer> switchQuantities() {
    return switchQuantities;
  }

  /** Device, interface and cable counts as the original DIET defines them. */
  public GenerationCounts counts() {
    return counts;
  }

  /** Number of objects of each kind. */
  public Map<ObjectKind, Integer> countsByKind() {
    Map<ObjectKind, Integer> m = new EnumMap<>(ObjectKind.class);
    for (DesiredObject o : objects) {
      m.merge(o.kind(), 1, Integer::sum);
    }
    return m;
  }

  public int size() {
    return objects.size();
  }
}
