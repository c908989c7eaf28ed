package dev.diet.netbox.jdbc;

import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.contract.ManualChanges;
import dev.diet.spi.contract.NetBoxBackendContract;
import java.util.concurrent.atomic.AtomicInteger;

/** The backend contract on DIET's embedded H2 schema (a fresh in-memory database per test). */
class H2ContractTest extends NetBoxBackendContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  protected NetBoxBackend newBackend() {
    return JdbcNetBoxBackend.connect("jdbc:h2:mem:contract" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=200", null, null);
  }

  @Override
  protected ManualChanges manualChanges(NetBoxBackend backend) {
    return new SqlPerson((JdbcNetBoxBackend) backend);
  }
}
