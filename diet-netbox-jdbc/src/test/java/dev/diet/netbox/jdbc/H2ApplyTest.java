package dev.diet.netbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diet.diff.DiffOptions;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;
import dev.diet.testing.TestFabric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What an apply leaves in the embedded H2 schema, and the plan lock there. */
class H2ApplyTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static String url() {
    return "jdbc:h2:mem:apply" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=200";
  }

  @Test
  void anApplyWritesTerminationsPathsCountersAndOneChangeLogRequest() throws SQLException {
    DesiredState desired = TestFabric.of("lab").withServers(4).build();
    try (JdbcNetBoxBackend netbox = JdbcNetBoxBackend.connect(url(), null, null)) {
      ApplyOutcome outcome = Reconciler.builder(netbox).build().planAndApply(desired, DiffOptions.defaults());
      assertThat(outcome.report().failures()).isEmpty();
      try (Connection c = netbox.connection()) {
        long cables = count(c, "SELECT count(*) FROM dcim_cable");
        assertThat(cables).isEqualTo(8);
        assertThat(count(c, "SELECT count(*) FROM dcim_cabletermination")).isEqualTo(2 * cables);
        assertThat(count(c, "SELECT count(*) FROM dcim_cablepath")).isEqualTo(2 * cables);
        assertThat(count(c, "SELECT count(*) FROM dcim_interface i JOIN dcim_cabletermination t ON t.termination_id = i.id "
            + "AND t.cable_id = i.cable_id AND t.cable_end = i.cable_end WHERE i._path_id IS NOT NULL")).isEqualTo(2 * cables);
        assertThat(count(c, "SELECT count(*) FROM dcim_device d WHERE d.interface_count <> "
            + "(SELECT count(*) FROM dcim_interface i WHERE i.device_id = d.id)")).isZero();
        assertThat(count(c, "SELECT count(DISTINCT request_id) FROM core_objectchange")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM core_objectchange WHERE action = 'create'"))
            .isEqualTo(count(c, "SELECT (SELECT count(*) FROM dcim_device) + (SELECT count(*) FROM dcim_interface) "
                + "+ (SELECT count(*) FROM dcim_modulebay) + (SELECT count(*) FROM dcim_module) + (SELECT count(*) FROM dcim_cable) "
                + "+ (SELECT count(*) FROM dcim_site) + (SELECT count(*) FROM dcim_manufacturer) + (SELECT count(*) FROM dcim_devicerole) "
                + "+ (SELECT count(*) FROM extras_tag) + (SELECT count(*) FROM extras_customfield) + (SELECT count(*) FROM dcim_devicetype) "
                + "+ (SELECT count(*) FROM dcim_moduletype)"));
      }
    }
  }

  @Test
  void aSecondApplyOfTheSamePlanWhileOneRunsIsRefused() throws Exception {
    String url = url();
    DesiredState desired = TestFabric.of("lab").build();
    CountDownLatch firstIsWriting = new CountDownLatch(1);
    CountDownLatch secondIsDone = new CountDownLatch(1);
    ProgressListener pausing = new ProgressListener() {
      @Override
      public void started(Phase phase, String detail, long total) {
        if (phase == Phase.APPLY && detail.equals("write")) {
          firstIsWriting.countDown();
          try {
            secondIsDone.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (JdbcNetBoxBackend first = JdbcNetBoxBackend.connect(url, null, null); JdbcNetBoxBackend second = JdbcNetBoxBackend.connect(url, null, null)) {
      Future<ApplyOutcome> a = pool.submit(() -> Reconciler.builder(first).listener(pausing).build().planAndApply(desired, DiffOptions.defaults()));
      assertThat(firstIsWriting.await(60, TimeUnit.SECONDS)).isTrue();
      Future<?> b = pool.submit(() -> {
        try {
          return Reconciler.builder(second).build().planAndApply(desired, DiffOptions.defaults());
        } finally {
          secondIsDone.countDown();
        }
      });
      assertThatThrownBy(() -> b.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(PlanLockedException.class);
      assertThat(a.get(60, TimeUnit.SECONDS).report().failures()).isEmpty();
      assertThat(Reconciler.builder(second).build().plan(desired, DiffOptions.defaults()).isNoOp()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
