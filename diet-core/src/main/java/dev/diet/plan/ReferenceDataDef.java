package dev.diet.plan;

import java.util.List;
import org.immutables.value.Value;

/** The catalogue objects a plan refers to, as the plan file declares them. */
@Value.Immutable
public abstract class ReferenceDataDef {
  public abstract List<Manufacturer> manufacturers();

  public abstract List<DeviceType> deviceTypes();

  public abstract List<DeviceTypeExtension> deviceTypeExtensions();

  /** Breakout rows declared by the plan; they override built-in rows with the same breakout id. */
  public abstract List<BreakoutOption> breakoutOptions();

  public abstract List<ModuleType> moduleTypes();
}
