package dev.diet.spi.contract;

import dev.diet.state.ObjectKind;
import java.util.List;
import java.util.Map;

/**
 * What the contract suite needs a backend's test harness to do as a person at NetBox's UI would,
 * outside DIET. Each backend's contract test implements it against its own NetBox (in-memory,
 * database, test server).
 */
public interface ManualChanges {
  /**
   * Sets one field: a column in the desired-state vocabulary (e.g. {@code status}, {@code
   * description}) or {@code cf.<name>} for a custom field. Values are String, Integer, Boolean or null.
   */
  void editField(ObjectKind kind, long id, String field, Object value);

  /**
   * Deletes an object as NetBox's UI does: a device takes its components, their cables and IP
   * addresses with it; an interface its cable and IP addresses.
   */
  void delete(ObjectKind kind, long id);

  /** Adds an IP address (e.g. {@code 10.0.0.1/24}) assigned to an interface; returns its id. */
  long addIpAddress(long interfaceId, String address);

  /**
   * Adds a device without DIET's mark, instantiating its type's interface templates; site, role and
   * device type by slug (they exist). Returns its id.
   */
  long addDevice(String siteSlug, String name, String roleSlug, String deviceTypeSlug);

  /** Adds an interface without DIET's mark to a device; returns its id. */
  long addInterface(long deviceId, String name, String type);

  /** Connects two interfaces with a cable DIET does not own; returns the cable's id. */
  long addCable(long interfaceA, long interfaceB);

  /** Adds a tag to an object, creating the tag when it does not exist. */
  void addTag(ObjectKind kind, long id, String tagSlug);

  /**
   * Creates reference data by hand (site, manufacturer, role, tag, custom field, device type, module
   * type) with these fields in the desired-state vocabulary; references to other reference data are
   * {@link dev.diet.state.Ref}s by reference key.
   */
  void createReference(ObjectKind kind, Map<String, ?> fields);

  /** Names of every interface on a device, owned or not, sorted. */
  List<String> interfaceNames(long deviceId);

  /** True when an object of that kind and id exists. */
  boolean exists(ObjectKind kind, long id);
}
