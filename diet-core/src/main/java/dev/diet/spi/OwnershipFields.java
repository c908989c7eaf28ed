package dev.diet.spi;

/** Names of the NetBox custom fields that carry DIET's ownership mark on every managed object. */
public final class OwnershipFields {
  /** Text: the owning plan's id. Observe filters on it. */
  public static final String PLAN = "diet_plan";
  /** Text: the object's {@link dev.diet.state.ObjectKey}. */
  public static final String KEY = "diet_key";
  /**
   * JSON: {@code {"v":1,"applied":{field:value,...},"seen":{field:value,...}}} plus, when present,
   * {@code "released":[field,...]} and {@code "fp":"<plan fingerprint>"}; references are written as
   * {@code {"ref":"<key>"}}. {@link OwnershipCodec} reads and writes it.
   */
  public static final String STATE = "diet_state";
  /** Tag slug that protects an owned object from deletion by DIET. */
  public static final String PROTECTED_TAG = "diet-protected";

  private OwnershipFields() {}
}
