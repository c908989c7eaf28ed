package dev.diet.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A NIC, BMC port or transceiver (NetBox {@code dcim.ModuleType}). */
@Value.Immutable
public abstract class ModuleTypeDef {
  /** Profile name that marks a module type as a transceiver. */
  public static final String TRANSCEIVER_PROFILE = "Network Transceiver";

  public abstract String id();

  /** Case-local id of the manufacturer. */
  public abstract String manufacturer();

  public abstract String model();

  /** Module-type profile; plan files cannot set it, the built-in catalogue does. */
  public abstract Optional<String> profile();

  /** Attributes such as {@code cage_type} or {@code medium}; values are strings, numbers or booleans. */
  public abstract Map<String, Object> attributeData();

  public abstract List<InterfaceTemplate> interfaceTemplates();

  public boolean isTransceiver() {
    return profile().filter(TRANSCEIVER_PROFILE::equals).isPresent();
  }

  /** Virtual placeholders ({@code model} starting with {@code "Virtual "}) skip transceiver work. */
  public boolean isVirtualPlaceholder() {
    return model().strip().startsWith("Virtual ");
  }
}
