package dev.diet.diff;

import com.google.common.collect.ImmutableList;
import dev.diet.state.ObjectKey;
import java.util.List;

/**
 * Deletions that need the caller's approval (policy WARN, or more device deletions than the
 * threshold), with the cascade each device deletion brings. Without approval the listed operations
 * are withheld from the change set: nothing is deleted, everything else still applies.
 */
public final class DeletionApproval {
  /** One device deletion and what goes with it. */
  public record CascadeEntry(ObjectKey device, String name, long id, int interfaces, int moduleBays, int modules, int cables) {}

  private final boolean approved;
  private final String reason;
  private final int deviceDeletions;
  private final ImmutableList<CascadeEntry> cascade;
  private final ImmutableList<Operation> operations;

  DeletionApproval(boolean approved, String reason, int deviceDeletions, List<CascadeEntry> cascade, List<Operation> operations) {
    this.approved = approved;
    this.reason = reason;
    this.deviceDeletions = deviceDeletions;
    this.cascade = ImmutableList.copyOf(cascade);
    this.operations = ImmutableList.copyOf(operations);
  }

  /** True when the caller approved: the operations are in the change set. */
  public boolean approved() {
    return approved;
  }

  /** Why approval is needed, e.g. {@code 32 device deletions exceed the threshold of 10}. */
  public String reason() {
    return reason;
  }

  public int deviceDeletions() {
    return deviceDeletions;
  }

  /** Per deleted device: the interfaces, module bays, modules and cables deleted with it. */
  public List<CascadeEntry> cascade() {
    return cascade;
  }

  /** The deletions (and port releases) that need approval, in change-set order. */
  public List<Operation> operations() {
    return operations;
  }
}
