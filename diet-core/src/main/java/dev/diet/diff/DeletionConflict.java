package dev.diet.diff;

import com.google.common.collect.ImmutableList;
import dev.diet.spi.ExternalReference;
import dev.diet.state.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An owned object leaving the plan (with its components) is referred to by something outside the
 * plan. Options: skip (default: keep it, owned), orphan (keep it, unmarked) and force (delete it;
 * NetBox deletes the IP addresses assigned to deleted interfaces). Force is not offered while a
 * cable DIET does not own is attached: remove that cable in NetBox first.
 */
public final class DeletionConflict extends Conflict {
  private final long netboxId;
  private final ImmutableList<ExternalReference> references;

  DeletionConflict(ObjectKey key, String displayName, long netboxId, List<ExternalReference> references, Resolution resolution) {
    super(key, displayName, options(references), resolution);
    this.netboxId = netboxId;
    this.references = ImmutableList.copyOf(references);
  }

  static List<Resolution> options(List<ExternalReference> references) {
    List<Resolution> out = new ArrayList<>(List.of(Resolution.SKIP, Resolution.ORPHAN));
    if (references.stream().noneMatch(r -> r.kind().equals("dcim.cable"))) {
      out.add(Resolution.FORCE);
    }
    return out;
  }

  @Override
  public ConflictType type() {
    return ConflictType.DELETION;
  }

  public long netboxId() {
    return netboxId;
  }

  /** What refers to the object or its components. */
  public List<ExternalReference> references() {
    return references;
  }

  @Override
  public String describe() {
    return "not in the plan any more, but referred to by "
        + references.stream().map(ExternalReference::description).collect(Collectors.joining(", "));
  }
}
