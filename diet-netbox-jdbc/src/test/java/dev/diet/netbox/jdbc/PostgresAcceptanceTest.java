package dev.diet.netbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.diff.DiffOptions;
import dev.diet.generate.Generator;
import dev.diet.plan.PlanReader;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;
import dev.diet.state.ObjectKind;
import dev.diet.testing.SharedFixtures;
import dev.diet.testing.TestFabric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's acceptance on NetBox 4.4's PostgreSQL schema: the 128-GPU case leaves the database as
 * NetBox would; a connection killed mid-apply leaves it exactly as before; two concurrent applies of
 * one plan do not both write. Skipped without a PostgreSQL server.
 */
class PostgresAcceptanceTest {
  private static final String CASE = "ux_case_128gpu_odd_ports";
  private static PgTestDatabase database;
  private static DesiredState desired;

  @BeforeEach
  void freshDatabase() {
    if (database == null) {
      database = PgTestDatabase.create();
      desired = Generator.generate(PlanReader.read(SharedFixtures.casePlan(CASE)));
    } else {
      database.reset();
    }
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  @Test
  void the128GpuCaseLeavesTheDatabaseAsNetBoxWould() throws SQLException {
    try (JdbcNetBoxBackend backend = database.backend()) {
      Reconciler reconciler = Reconciler.builder(backend).build();
      ApplyOutcome outcome = reconciler.planAndApply(desired, DiffOptions.defaults());
      assertThat(outcome.report().failures()).isEmpty();
      assertThat(outcome.report().requestId()).isPresent();

      try (Connection c = database.connect()) {
        int cables = desired.countsByKind().get(ObjectKind.CABLE);
        assertThat(count(c, "SELECT count(*) FROM dcim_cable")).isEqualTo(cables);
        assertThat(count(c, "SELECT count(*) FROM (SELECT c.id FROM dcim_cable c LEFT JOIN dcim_cabletermination t ON t.cable_id = c.id "
            + "GROUP BY c.id HAVING count(t.id) <> 2 OR count(DISTINCT t.cable_end) <> 2) bad"))
            .as("cables without exactly one A and one B termination").isZero();
        assertThat(count(c, "SELECT count(*) FROM dcim_cabletermination t JOIN dcim_interface i ON i.id = t.termination_id "
            + "JOIN dcim_device d ON d.id = i.device_id WHERE t._device_id IS DISTINCT FROM d.id OR t._site_id IS DISTINCT FROM d.site_id"))
            .as("terminations with a wrong cached device or site").isZero();

        long cabled = count(c, "SELECT count(*) FROM dcim_interface WHERE cable_id IS NOT NULL");
        assertThat(cabled).isEqualTo(2L * cables);
        String ct = String.valueOf(contentType(c, "dcim", "interface"));
        assertThat(count(c, "SELECT count(*) FROM dcim_interface i "
            + "JOIN dcim_cabletermination me ON me.termination_id = i.id AND me.termination_type_id = " + ct + " "
            + "JOIN dcim_cabletermination other ON other.cable_id = me.cable_id AND other.id <> me.id "
            + "JOIN dcim_cablepath p ON p.id = i._path_id "
            + "WHERE i.cable_id = me.cable_id AND i.cable_end = me.cable_end AND p.is_complete AND p.is_active "
            + "AND p._nodes[1] = '" + ct + ":' || i.id AND p._nodes[array_length(p._nodes, 1)] = '" + ct + ":' || other.termination_id"))
            .as("cabled interfaces with cable, cable_end and a path to the far interface").isEqualTo(cabled);

        assertThat(count(c, "SELECT count(*) FROM dcim_device d WHERE d.interface_count <> "
            + "(SELECT count(*) FROM dcim_interface i WHERE i.device_id = d.id) OR d.module_bay_count <> "
            + "(SELECT count(*) FROM dcim_modulebay b WHERE b.device_id = d.id)")).as("devices with wrong counters").isZero();
        assertThat(count(c, "SELECT count(*) FROM dcim_interface i JOIN dcim_device d ON d.id = i.device_id "
            + "WHERE i._site_id IS DISTINCT FROM d.site_id OR i._name = ''")).as("interfaces without cached site or _name").isZero();
        assertThat(count(c, "SELECT count(*) FROM dcim_interface WHERE name = 'E1/1'")).isPositive();
        assertThat(count(c, "SELECT count(*) FROM dcim_interface WHERE name = 'E1/1' AND _name <> '0001999999999999E000001............'"))
            .as("_name naturalised as NetBox does").isZero();

        assertThat(count(c, "SELECT count(DISTINCT request_id) FROM core_objectchange")).isEqualTo(1);
        assertThat(string(c, "SELECT min(request_id::text) FROM core_objectchange")).isEqualTo(outcome.report().requestId().get());
        assertThat(count(c, "SELECT count(*) FROM core_objectchange WHERE action = 'create' AND changed_object_type_id = " + ct))
            .as("one create per interface, no second entry for adopted template interfaces")
            .isEqualTo(count(c, "SELECT count(*) FROM dcim_interface"));
        assertThat(count(c, "SELECT count(*) FROM extras_cachedvalue v JOIN dcim_device d ON d.id = v.object_id "
            + "WHERE v.field = 'name' AND v.value = d.name")).isEqualTo(count(c, "SELECT count(*) FROM dcim_device"));
        assertThat(count(c, "SELECT count(*) FROM extras_taggeditem")).isPositive();
      }

      Preview again = reconciler.plan(desired, DiffOptions.defaults());
      assertThat(again.changeSet().operations()).isEmpty();
      assertThat(again.isNoOp()).isTrue();
    }
  }

  @Test
  void aConnectionKilledMidApplyLeavesTheDatabaseExactlyAsBefore() throws SQLException {
    try (JdbcNetBoxBackend backend = database.backend()) {
      DesiredState other = TestFabric.of("other").build();
      assertThat(Reconciler.builder(backend).build().planAndApply(other, DiffOptions.defaults()).report().failures()).isEmpty();
      Map<String, String> before = snapshot();

      AtomicBoolean killed = new AtomicBoolean();
      ProgressListener killer = new ProgressListener() {
        @Override
        public void progressed(Phase phase, String detail, long done, long total) {
          if (phase == Phase.APPLY && detail.startsWith("write ") && killed.compareAndSet(false, true)) {
            terminateApplyingBackend();
          }
        }
      };
      Reconciler reconciler = Reconciler.builder(backend).listener(killer).clock(Clock.systemUTC()).build();
      ApplyOutcome outcome = reconciler.planAndApply(desired, DiffOptions.defaults());
      assertThat(killed).isTrue();
      assertThat(outcome.report().succeeded()).isFalse();
      assertThat(outcome.report().rolledBack()).isTrue();
      assertThat(outcome.report().failures().get(0).message()).contains("nothing was written");
      assertThat(snapshot()).isEqualTo(before);

      Reconciler again = Reconciler.builder(backend).build();
      assertThat(again.planAndApply(desired, DiffOptions.defaults()).report().failures()).isEmpty();
      assertThat(again.plan(desired, DiffOptions.defaults()).isNoOp()).isTrue();
      assertThat(again.plan(other, DiffOptions.defaults()).isNoOp()).isTrue();
    }
  }

  @Test
  void twoConcurrentAppliesOfOnePlanDoNotBothWrite() throws Exception {
    try (JdbcNetBoxBackend first = database.backend(); JdbcNetBoxBackend second = database.backend()) {
      ConcurrentApplies.Result result = ConcurrentApplies.run(first, second, desired, 120);
      assertThat(result.secondFailure())
          .isInstanceOf(PlanLockedException.class)
          .hasMessageContaining("another apply of plan '" + desired.planId() + "'");
      assertThat(result.first().report().failures()).isEmpty();

    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static void terminateApplyingBackend() {
    try (Connection c = database.connect(); Statement st = c.createStatement()) {
      st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
          + "AND application_name = 'diet' AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every table DIET writes, as the md5 of its rows in id order. */
  private static Map<String, String> snapshot() throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> tables = new ArrayList<>(List.of("dcim_site", "dcim_manufacturer", "dcim_devicerole", "dcim_devicetype",
        "dcim_moduletype", "dcim_interfacetemplate", "dcim_device", "dcim_modulebay", "dcim_module", "dcim_interface", "dcim_cable",
        "dcim_cabletermination", "dcim_cablepath", "extras_tag", "extras_taggeditem", "extras_customfield",
        "extras_customfield_object_types", "core_objectchange", "extras_cachedvalue", "ipam_ipaddress"));
    try (Connection c = database.connect()) {
      for (String t : tables) {
        out.put(t, string(c, "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM " + t + " x"));
      }
    }
    return out;
  }

  private static long count(Connection c, String sql) throws SQLException {
    return Long.parseLong(string(c, sql));
  }

  private static String string(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static int contentType(Connection c, String app, String model) throws SQLException {
    return (int) count(c, "SELECT id FROM django_content_type WHERE app_label = '" + app + "' AND model = '" + model + "'");
  }
}
