package dev.diet.spi;

import dev.diet.diff.ChangeSet;

/**
 * A NetBox that DIET can observe and change. Implementations must behave like NetBox: numeric ids,
 * unique device names per site, unique interface names per device, one cable per interface, cabled
 * objects not deletable before their cable, device-type interface templates instantiated when a
 * device is created.
 *
 * <p>Ownership marks are stored in three custom fields on every managed object (see {@link
 * OwnershipFields}). Reference data (site, manufacturer, device type, role, tag, custom-field
 * definitions) is created when missing and never modified.
 */
public interface NetBoxBackend extends AutoCloseable {

  /**
   * Reads the objects plan {@code scope.planId()} owns, the reference data the scope names, the
   * unowned devices that carry a planned name, and the external references to owned objects.
   */
  ObservedState observe(ObserveScope scope, ProgressListener listener);

  /**
   * Executes a change set in order. A CREATE of an interface whose device already has an interface
   * of that name (instantiated from a device-type template) adopts that interface instead of
   * creating a second one. Backends that can, apply atomically; the report says what failed.
   */
  ApplyReport apply(ChangeSet changeSet, ApplyOptions options, ProgressListener listener);

  /** Where this backend points, for messages; never contains credentials. */
  String describe();

  @Override
  default void close() {}
}
