package dev.diet.spi;

import com.google.common.collect.ImmutableSortedSet;
import dev.diet.state.ObjectKey;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;

/**
 * What to observe for one plan: its id, the site its devices live in, the device names it plans
 * (to find unowned devices in the way) and the reference data it needs.
 */
public final class ObserveScope {
  private final String planId;
  private final String siteSlug;
  private final ImmutableSortedSet<String> plannedDeviceNames;
  private final ImmutableSortedSet<ObjectKey> referenceKeys;

  public ObserveScope(String planId, String siteSlug, Set<String> plannedDeviceNames, Set<ObjectKey> referenceKeys) {
    this.planId = Objects.requireNonNull(planId, "planId");
    this.siteSlug = Objects.requireNonNull(siteSlug, "siteSlug");
    this.plannedDeviceNames = ImmutableSortedSet.copyOf(plannedDeviceNames);
    this.referenceKeys = ImmutableSortedSet.copyOf(referenceKeys);
  }

  public String planId() {
    return planId;
  }

  public String siteSlug() {
    return siteSlug;
  }

  public SortedSet<String> plannedDeviceNames() {
    return plannedDeviceNames;
  }

  public SortedSet<ObjectKey> referenceKeys() {
    return referenceKeys;
  }
}
