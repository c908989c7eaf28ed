package dev.diet.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the in-memory NetBox's change log (like NetBox's {@code core_objectchange}): every
 * write, with the request id its apply or manual change shares.
 */
public final class ChangeRecord {
  /** What happened to the object. */
  public enum Kind {
    CREATE,
    UPDATE,
    DELETE
  }

  private final String requestId;
  private final Instant time;
  private final Kind kind;
  private final String contentType;
  private final long objectId;

  ChangeRecord(String requestId, Instant time, Kind kind, String contentType, long objectId) {
    this.requestId = Objects.requireNonNull(requestId);
    this.time = time;
    this.kind = kind;
    this.contentType = contentType;
    this.objectId = objectId;
  }

  public String requestId() {
    return requestId;
  }

  public Instant time() {
    return time;
  }

  public Kind kind() {
    return kind;
  }

  /** NetBox content type, e.g. {@code dcim.device}. */
  public String contentType() {
    return contentType;
  }

  public long objectId() {
    return objectId;
  }

  @Override
  public String toString() {
    return requestId + " " + kind + " " + contentType + "#" + objectId;
  }
}
