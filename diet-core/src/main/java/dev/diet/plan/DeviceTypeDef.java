package dev.diet.plan;

import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/** Switch or server hardware (NetBox {@code dcim.DeviceType}) with its interface templates. */
@Value.Immutable
public abstract class DeviceTypeDef {
  public abstract String id();

  /** Case-local id of the manufacturer. */
  public abstract String manufacturer();

  public abstract String model();

  /** NetBox slug; defaults to the model lower-cased with spaces replaced by {@code -}. */
  @Value.Default
  public String slug() {
    return model().toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  @Value.Default
  public int uHeight() {
    return 1;
  }

  @Value.Default
  public boolean isFullDepth() {
    return false;
  }

  public abstract List<InterfaceTemplate> interfaceTemplates();
}
