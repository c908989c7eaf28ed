package dev.diet.plan;

import java.util.Optional;
import org.immutables.value.Value;

/** How every server of a class attaches to one switch port zone. */
@Value.Immutable
public abstract class ServerConnectionDef {
  /** Id of the server class. */
  public abstract String serverClass();

  /** Unique within the server class; {@code ^[a-zA-Z0-9_-]+$}. */
  public abstract String connectionId();

  @Value.Default
  public String connectionName() {
    return "";
  }

  /** Id of one of this server class's NICs. */
  public abstract String nic();

  /** First NIC port used, 0-based. */
  @Value.Default
  public int portIndex() {
    return 0;
  }

  /** Ports, and so cables, per server for this connection. */
  public abstract int portsPerConnection();

  @Value.Default
  public ConnectionType hedgehogConnType() {
    return ConnectionType.UNBUNDLED;
  }

  /** Absent means round-robin by server. */
  public abstract Optional<Distribution> distribution();

  /** {@code <switch_class_id>/<zone_name>} of the target zone. */
  public abstract String targetZone();

  /** Speed in Gbps; drives sizing and the switch interface type. */
  public abstract int speed();

  /** Rail number for rail-optimized connections. */
  public abstract Optional<Integer> rail();

  public abstract Optional<PortType> portType();

  public abstract Optional<String> transceiverModuleType();

  /** Id of the switch class the target zone belongs to. */
  public String targetSwitchClass() {
    int slash = targetZone().indexOf('/');
    return slash < 0 ? targetZone() : targetZone().substring(0, slash);
  }

  public boolean is(Distribution d) {
    return distribution().filter(d::equals).isPresent();
  }
}
