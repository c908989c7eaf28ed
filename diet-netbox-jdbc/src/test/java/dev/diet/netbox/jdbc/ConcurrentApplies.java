package dev.diet.netbox.jdbc;

import dev.diet.diff.DiffOptions;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Two applies of one plan, the second started while the first is writing (held there until the second ends). */
final class ConcurrentApplies {
  /** What the first apply did, and what the second threw (null when it completed). */
  record Result(ApplyOutcome first, Throwable secondFailure) {}

  private ConcurrentApplies() {}

  static Result run(JdbcNetBoxBackend first, JdbcNetBoxBackend second, DesiredState desired, long timeoutSeconds) throws Exception {
    CountDownLatch firstIsWriting = new CountDownLatch(1);
    CountDownLatch secondIsDone = new CountDownLatch(1);
    ProgressListener pausing = new ProgressListener() {
      @Override
      public void started(Phase phase, String detail, long total) {
        if (phase == Phase.APPLY && detail.equals("write")) {
          firstIsWriting.countDown();
          try {
            secondIsDone.await(timeoutSeconds, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<ApplyOutcome> a = pool.submit(() -> Reconciler.builder(first).listener(pausing).build().planAndApply(desired, DiffOptions.defaults()));
      if (!firstIsWriting.await(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new AssertionError("the first apply never reached its writes");
      }
      Future<ApplyOutcome> b = pool.submit(() -> {
        try {
          return Reconciler.builder(second).build().planAndApply(desired, DiffOptions.defaults());
        } finally {
          secondIsDone.countDown();
        }
      });
      Throwable secondFailure = null;
      try {
        b.get(timeoutSeconds, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        secondFailure = e.getCause();
      }
      return new Result(a.get(timeoutSeconds, TimeUnit.SECONDS), secondFailure);
    } finally {
      pool.shutdownNow();
    }
  }
}
