package dev.diet.diff;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered operations that bring NetBox to the plan: deletes and orphans first, children before
 * parents (cables, interfaces, modules, bays, devices); then creates, updates and adoptions,
 * parents before children. Plain data: backends execute it in order and decide nothing.
 */
public final class ChangeSet {
  private final String planId;
  private final Supplier<String> fingerprint;
  private final ImmutableList<Operation> operations;

  public ChangeSet(String planId, String fingerprint, List<Operation> operations) {
    this(planId, Suppliers.ofInstance(Objects.requireNonNull(fingerprint, "fingerprint")), operations);
  }

  /**
   * With the fingerprint computed on first use: hashing a large observed state costs a good part
   * of a diff, and plan-and-apply, status and drift never look at it.
   */
  ChangeSet(String planId, Supplier<String> fingerprint, List<Operation> operations) {
    this.planId = Objects.requireNonNull(planId, "planId");
    this.fingerprint = Suppliers.memoize(fingerprint::get);
    this.operations = ImmutableList.copyOf(operations);
  }

  public String planId() {
    return planId;
  }

  /** Fingerprint of (plan fingerprint, observed state) the change set was computed from. */
  public String fingerprint() {
    return fingerprint.get();
  }

  public List<Operation> operations() {
    return operations;
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }

  public Map<Action, Integer> countsByAction() {
    Map<Action, Integer> m = new EnumMap<>(Action.class);
    for (Operation op : operations) {
      m.merge(op.action(), 1, Integer::sum);
    }
    return m;
  }
}
