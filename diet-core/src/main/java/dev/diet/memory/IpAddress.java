package dev.diet.memory;

import java.util.OptionalLong;

/** An IP address in an {@link InMemoryNetBox}, optionally assigned to an interface. */
public final class IpAddress {
  private final long id;
  private final String address;
  private final Long assignedInterface;

  IpAddress(Row row) {
    this.id = row.id;
    this.address = row.text("address");
    this.assignedInterface = row.ref("assigned_interface");
  }

  public long id() {
    return id;
  }

  /** The address with its prefix length, e.g. {@code 10.0.0.1/24}. */
  public String address() {
    return address;
  }

  public OptionalLong assignedInterface() {
    return assignedInterface == null ? OptionalLong.empty() : OptionalLong.of(assignedInterface);
  }

  @Override
  public String toString() {
    return "ip#" + id + " " + address + (assignedInterface == null ? "" : " on interface #" + assignedInterface);
  }
}
