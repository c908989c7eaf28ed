package dev.diet.netbox.rest;

import dev.diet.netbox.rest.fake.FakeNetBox;
import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.contract.ManualChanges;
import dev.diet.spi.contract.NetBoxBackendContract;
import org.junit.jupiter.api.AfterEach;

/** The backend contract, run against the REST backend talking to the in-process fake NetBox. */
class RestNetBoxBackendContractTest extends NetBoxBackendContract {
  private FakeNetBox netbox;

  @Override
  protected NetBoxBackend newBackend() {
    netbox = FakeNetBox.start();
    return RestNetBoxBackend.connect(RestTesting.config(netbox).build());
  }

  @Override
  protected ManualChanges manualChanges(NetBoxBackend backend) {
    return new FakeNetBoxHands(netbox);
  }

  @Override
  protected boolean isTransactional() {
    return false;
  }

  @AfterEach
  void stopNetBox() {
    netbox.close();
  }
}
