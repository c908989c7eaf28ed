package dev.diet.netbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.diff.DiffOptions;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Reconciler;
import dev.diet.state.DesiredState;
import dev.diet.testing.TestFabric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    try (JdbcNetBoxBackend first = JdbcNetBoxBackend.connect(url, null, null); JdbcNetBoxBackend second = JdbcNetBoxBackend.connect(url, null, null)) {
      ConcurrentApplies.Result result = ConcurrentApplies.run(first, second, desired, 60);
      assertThat(result.secondFailure()).isInstanceOf(PlanLockedException.class);
      assertThat(result.first().report().failures()).isEmpty();
      assertThat(Reconciler.builder(second).build().plan(desired, DiffOptions.defaults()).isNoOp()).isTrue();
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
