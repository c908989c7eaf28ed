package dev.diet.diff;

import com.google.common.collect.ImmutableList;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import java.util.List;
import java.util.Objects;

/**
 * Something the differ will not decide alone. Each conflict has a stable id (its object key, plus
 * {@code #field} for field conflicts) to address it in {@link Resolutions}, the resolutions it
 * accepts (the first is the safe default) and the one chosen for this diff.
 */
public abstract class Conflict {
  private final ObjectKey key;
  private final String displayName;
  private final ImmutableList<Resolution> options;
  private final Resolution resolution;

  Conflict(ObjectKey key, String displayName, List<Resolution> options, Resolution resolution) {
    this.key = Objects.requireNonNull(key, "key");
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.options = ImmutableList.copyOf(options);
    this.resolution = resolution == null ? this.options.get(0) : resolution;
    if (!this.options.contains(this.resolution)) {
      throw new ResolutionException(
          "conflict " + id() + " cannot be resolved with " + this.resolution.wire(),
          "choose one of " + this.options.stream().map(Resolution::wire).reduce((a, b) -> a + ", " + b).orElse(""));
    }
  }

  public abstract ConflictType type();

  /** Human one-line description of what disagrees. */
  public abstract String describe();

  /** Stable id for {@link Resolutions#with}: the object key, plus {@code #field} for field conflicts. */
  public String id() {
    return key.toString();
  }

  public ObjectKey key() {
    return key;
  }

  public ObjectKind kind() {
    return key.kind();
  }

  public String displayName() {
    return displayName;
  }

  /** Accepted resolutions; the first is the default, always the safe choice. */
  public List<Resolution> options() {
    return options;
  }

  public Resolution defaultResolution() {
    return options.get(0);
  }

  /** The resolution this diff used: the caller's, or the default. */
  public Resolution resolution() {
    return resolution;
  }

  @Override
  public String toString() {
    return type().wire() + " conflict " + id() + ": " + describe() + " [" + resolution.wire() + "]";
  }
}
