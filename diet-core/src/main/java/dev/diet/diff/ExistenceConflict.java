package dev.diet.diff;

import dev.diet.state.ObjectKey;
import java.util.List;
import java.util.Optional;

/**
 * An object this plan does not own is in the way of a planned one: an unowned device (or another
 * plan's) already has the planned name, or a planned cable end already has another cable. Options:
 * skip (default) and, when the object in the way is unowned and the planned object is new, adopt it.
 */
public final class ExistenceConflict extends Conflict {
  private final long blockingId;
  private final String blockingName;
  private final String blockingOwner;
  private final String reason;

  ExistenceConflict(
      ObjectKey key, String displayName, boolean adoptable, long blockingId, String blockingName, String blockingOwner,
      String reason, Resolution resolution) {
    super(key, displayName, adoptable ? List.of(Resolution.SKIP, Resolution.ADOPT) : List.of(Resolution.SKIP), resolution);
    this.blockingId = blockingId;
    this.blockingName = blockingName;
    this.blockingOwner = blockingOwner;
    this.reason = reason;
  }

  @Override
  public ConflictType type() {
    return ConflictType.EXISTENCE;
  }

  /** NetBox id of the object in the way. */
  public long blockingId() {
    return blockingId;
  }

  public String blockingName() {
    return blockingName;
  }

  /** The plan or key that owns the object in the way, when it is owned by someone else. */
  public Optional<String> blockingOwner() {
    return Optional.ofNullable(blockingOwner);
  }

  public boolean adoptable() {
    return options().contains(Resolution.ADOPT);
  }

  @Override
  public String describe() {
    return reason;
  }
}
