package dev.diet.netbox.jdbc;

import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.contract.ManualChanges;
import dev.diet.spi.contract.NetBoxBackendContract;
import org.junit.jupiter.api.AfterAll;

/**
 * The backend contract on NetBox 4.4's PostgreSQL schema: one fresh database for the class,
 * emptied before each test; skipped without a server.
 */
class PostgresContractTest extends NetBoxBackendContract {
  private static PgTestDatabase database;

  @Override
  protected NetBoxBackend newBackend() {
    if (database == null) {
      database = PgTestDatabase.create();
    } else {
      database.reset();
    }
    return database.backend();
  }

  @Override
  protected ManualChanges manualChanges(NetBoxBackend backend) {
    return new SqlPerson((JdbcNetBoxBackend) backend);
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
