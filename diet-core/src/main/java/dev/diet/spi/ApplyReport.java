package dev.diet.spi;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.diet.diff.Action;
import dev.diet.state.ObjectKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an apply did: operations done per action, the failures (with NetBox's own message), and
 * whether the backend rolled everything back.
 */
public final class ApplyReport {
  /** One operation that failed, and why. */
  public static final class Failure {
    private final ObjectKey key;
    private final String message;

    public Failure(ObjectKey key, String message) {
      this.key = Objects.requireNonNull(key, "key");
      this.message = Objects.requireNonNull(message, "message");
    }

    public ObjectKey key() {
      return key;
    }

    public String message() {
      return message;
    }

    @Override
    public String toString() {
      return key + ": " + message;
    }
  }

  private final ImmutableMap<Action, Integer> done;
  private final ImmutableList<Failure> failures;
  private final boolean rolledBack;
  private final String requestId;

  public ApplyReport(Map<Action, Integer> done, List<Failure> failures, boolean rolledBack, String requestId) {
    this.done = ImmutableMap.copyOf(done);
    this.failures = ImmutableList.copyOf(failures);
    this.rolledBack = rolledBack;
    this.requestId = requestId;
  }

  /** Operations completed, by action. After a rollback nothing remains of them. */
  public Map<Action, Integer> done() {
    return done;
  }

  public int done(Action action) {
    return done.getOrDefault(action, 0);
  }

  public List<Failure> failures() {
    return failures;
  }

  public boolean succeeded() {
    return failures.isEmpty();
  }

  /** True when the backend undid everything after a failure (transactional backends). */
  public boolean rolledBack() {
    return rolledBack;
  }

  /** Change-log request id shared by every change of this apply, where the backend has one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  @Override
  public String toString() {
    return "ApplyReport{done=" + done + ", failures=" + failures + ", rolledBack=" + rolledBack + "}";
  }
}
