package dev.diet.netbox.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.diet.diff.DiffOptions;
import dev.diet.netbox.rest.fake.FakeNetBox;
import dev.diet.netbox.rest.fake.Fault;
import dev.diet.reconcile.ApplyOutcome;
import dev.diet.reconcile.ReconcileStatus;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredState;
import dev.diet.testing.TestFabric;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connecting, errors, retries and resuming, against the fake NetBox. */
class RestNetBoxBackendTest {

  @Test
  void configNeverShowsTheToken() {
    RestConfig config = RestConfig.builder(URI.create("https://netbox.example.com"), "0123456789abcdef0123456789abcdef01234567").build();
    assertThat(config.toString()).doesNotContain("0123456789abcdef").contains("(hidden)");
    assertThat(config.baseUrl()).hasToString("https://netbox.example.com/");
    assertThat(config.chunkSize()).isEqualTo(500);
    assertThatThrownBy(() -> RestConfig.builder(URI.create("ftp://x"), "t")).hasMessageContaining("http://");
    assertThatThrownBy(() -> RestConfig.builder(URI.create("https://user:pw@x/"), "t")).hasMessageContaining("credentials");
  }

  @Test
  void connectReportsTheVersionAndDescribesTheTargetWithoutTheToken() {
    try (FakeNetBox netbox = FakeNetBox.start(); RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
      assertThat(backend.netboxVersion()).isEqualTo("4.4.10");
      assertThat(backend.describe()).contains(netbox.uri().toString()).doesNotContain(netbox.token());
    }
  }

  @Test
  void aV2TokenIsSentAsBearer() {
    try (FakeNetBox netbox = FakeNetBox.start("nbt_abc123.0123456789abcdef");
        RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
      assertThat(backend.netboxVersion()).startsWith("4.4");
    }
  }

  @Test
  void aWrongTokenIsAnAuthenticationErrorThatNeverEchoesIt() {
    try (FakeNetBox netbox = FakeNetBox.start()) {
      String wrong = "feedfacefeedfacefeedfacefeedfacefeedface";
      assertThatThrownBy(() -> RestNetBoxBackend.connect(RestConfig.builder(netbox.uri(), wrong).build()))
          .isInstanceOf(NetBoxAuthenticationException.class)
          .hasMessageContaining("refused the API token")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(netbox.token()));
    }
  }

  @Test
  void anUnsupportedVersionOrAWrongUrlIsAnEndpointError() {
    try (FakeNetBox netbox = FakeNetBox.start()) {
      netbox.version("3.7.8");
      assertThatThrownBy(() -> RestNetBoxBackend.connect(RestTesting.config(netbox).build()))
          .isInstanceOf(NetBoxEndpointException.class)
          .hasMessageContaining("3.7.8 ")
          .hasMessageContaining("not supported");
      netbox.version("4.4.10");
      RestConfig wrongPath = RestConfig.builder(netbox.uri().resolve("netbox/"), netbox.token()).build();
      assertThatThrownBy(() -> RestNetBoxBackend.connect(wrongPath))
          .isInstanceOf(NetBoxEndpointException.class)
          .hasMessageContaining("404");
    }
  }

  /** A NetBox that never answered is a wrong URL or a stopped server: reported at once, not after the retry budget. */
  @Test
  void nothingListeningIsUnreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RestConfig config = RestConfig.builder(URI.create("http://127.0.0.1:" + port + "/"), "secret-token-value")
        .maxRetries(5).retryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(10)).build();
    assertThatThrownBy(() -> RestNetBoxBackend.connect(config))
        .isInstanceOf(NetBoxUnreachableException.class)
        .hasMessageContaining("failed 1 times")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-token-value"));
  }

  @Test
  void throttlingAndOutagesAreRetriedWithinTheBudget() {
    try (FakeNetBox netbox = FakeNetBox.start()) {
      netbox.faults().everyNth(2, Fault.TOO_MANY_REQUESTS).everyNth(3, Fault.UNAVAILABLE);
      try (RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
        DesiredState desired = TestFabric.of("alpha").build();
        ApplyOutcome outcome = Reconciler.builder(backend).build().planAndApply(desired, DiffOptions.defaults());
        assertThat(outcome.report().failures()).isEmpty();
        assertThat(backend.retryCount()).isPositive();
        assertThat(netbox.requests().totalFaulted()).isPositive();
      }
    }
  }

  @Test
  void anExhaustedRetryBudgetIsUnavailableNotAHang() {
    try (FakeNetBox netbox = FakeNetBox.start()) {
      RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).maxRetries(2).build());
      netbox.faults().everyNth(1, Fault.UNAVAILABLE);
      assertThatThrownBy(() -> backend.observe(Reconciler.scopeOf(TestFabric.of("alpha").build()), ProgressListener.NONE))
          .isInstanceOf(NetBoxUnavailableException.class)
          .hasMessageContaining("failed 3 times")
          .hasMessageContaining("503");
      backend.close();
    }
  }

  @Test
  void aLostResponseToABulkCreateDoesNotDuplicateAnything() {
    try (FakeNetBox netbox = FakeNetBox.start()) {
      netbox.faults().everyNth("POST /api/dcim/interfaces/", 1, Fault.DROP_AFTER);
      try (RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).maxRetries(1).build())) {
        DesiredState desired = TestFabric.of("alpha").build();
        Reconciler reconciler = Reconciler.builder(backend).build();
        reconciler.planAndApply(desired, DiffOptions.defaults());
        netbox.faults().clear();
        int interfaces = count(netbox, "dcim/interfaces");
        assertThat(reconciler.planAndApply(desired, DiffOptions.defaults()).report().failures()).isEmpty();
        assertThat(reconciler.status(desired).status()).isEqualTo(ReconcileStatus.IN_SYNC);
        assertThat(count(netbox, "dcim/interfaces")).isEqualTo(interfaces);
      }
    }
  }

  @Test
  void aTypeLeftWithoutItsTemplatesByAnInterruptedApplyIsFinishedNextTime() {
    try (FakeNetBox netbox = FakeNetBox.start()) {
      netbox.faults().everyNth("POST /api/dcim/interface-templates/", 1, Fault.UNAVAILABLE);
      DesiredState desired = TestFabric.of("alpha").build();
      try (RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).maxRetries(0).build())) {
        ApplyOutcome first = Reconciler.builder(backend).build().planAndApply(desired, DiffOptions.defaults());
        assertThat(first.report().failures()).isNotEmpty();
        assertThat(first.report().rolledBack()).isFalse();
      }
      assertThat(netbox.call("GET", "/api/dcim/device-types/?slug=acme-sw--diet-incomplete", null).body().path("count").asInt()).isOne();
      netbox.faults().clear();
      try (RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
        Reconciler reconciler = Reconciler.builder(backend).build();
        assertThat(reconciler.planAndApply(desired, DiffOptions.defaults()).report().failures()).isEmpty();
        assertThat(reconciler.status(desired).status()).isEqualTo(ReconcileStatus.IN_SYNC);
      }
      assertThat(count(netbox, "dcim/device-types")).isEqualTo(desired.objects(dev.diet.state.ObjectKind.DEVICE_TYPE).size());
      assertThat(count(netbox, "dcim/module-types")).isEqualTo(desired.objects(dev.diet.state.ObjectKind.MODULE_TYPE).size());
    }
  }

  @Test
  void netBoxsValidationMessageReachesTheReport() {
    try (FakeNetBox netbox = FakeNetBox.start(); RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
      DesiredState desired = TestFabric.of("alpha").build();
      Reconciler reconciler = Reconciler.builder(backend).build();
      var preview = reconciler.plan(desired, DiffOptions.defaults());
      netbox.call("POST", "/api/dcim/sites/", JsonNodeFactory.instance.objectNode().put("name", "LAB").put("slug", "lab-other"));
      var report = reconciler.apply(preview).report();
      assertThat(report.failures()).anySatisfy(f -> assertThat(f.message()).contains("site with this name already exists."));
    }
  }

  @Test
  void slowBulkWritesMakeTheNextChunksSmaller() {
    DesiredState desired = TestFabric.of("alpha").withServers(30).build();
    int[] writes = new int[2];
    for (int slow = 0; slow < 2; slow++) {
      try (FakeNetBox netbox = FakeNetBox.start()) {
        if (slow == 1) {
          netbox.faults().slowDelay(Duration.ofMillis(200)).everyNth("POST /api/dcim/interfaces/", 1, Fault.SLOW);
        }
        RestConfig config = RestTesting.config(netbox).chunkSize(50).requestBudget(Duration.ofMillis(100)).build();
        try (RestNetBoxBackend backend = RestNetBoxBackend.connect(config)) {
          Reconciler reconciler = Reconciler.builder(backend).build();
          assertThat(reconciler.planAndApply(desired, DiffOptions.defaults()).report().failures()).isEmpty();
          assertThat(reconciler.status(desired).status()).isEqualTo(ReconcileStatus.IN_SYNC);
        }
        writes[slow] = netbox.requests().served("POST /api/dcim/interfaces/") + netbox.requests().served("PATCH /api/dcim/interfaces/");
      }
    }
    assertThat(writes[1]).isGreaterThan(writes[0]);
  }

  @Test
  void anUnreadableMarkIsABackendErrorNamingTheObject() {
    try (FakeNetBox netbox = FakeNetBox.start(); RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
      DesiredState desired = TestFabric.of("alpha").build();
      Reconciler reconciler = Reconciler.builder(backend).build();
      assertThat(reconciler.planAndApply(desired, DiffOptions.defaults()).succeeded()).isTrue();
      long device = netbox.call("GET", "/api/dcim/devices/?limit=1", null).body().path("results").path(0).path("id").asLong();
      var body = JsonNodeFactory.instance.objectNode();
      body.putObject("custom_fields").put("diet_state", "{not json");
      assertThat(netbox.call("PATCH", "/api/dcim/devices/" + device + "/", body).status()).isEqualTo(200);
      assertThatThrownBy(() -> reconciler.plan(desired, DiffOptions.defaults()))
          .isInstanceOf(dev.diet.spi.BackendException.class)
          .hasMessageContaining("dcim.device #" + device)
          .satisfies(e -> assertThat(((dev.diet.spi.BackendException) e).hint()).hasValueSatisfying(h -> assertThat(h).contains("diet_state")));
    }
  }

  @Test
  void plansWhoseIdsContainEachOtherStayApartEvenWithLooseCustomFieldFilters() {
    try (FakeNetBox netbox = FakeNetBox.start(); RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
      for (String name : java.util.List.of("diet_plan", "diet_key", "diet_state")) {
        var cf = JsonNodeFactory.instance.objectNode().put("name", name).put("type", name.equals("diet_state") ? "json" : "text");
        var types = cf.putArray("object_types");
        java.util.List.of("dcim.device", "dcim.modulebay", "dcim.module", "dcim.interface", "dcim.cable").forEach(types::add);
        assertThat(netbox.call("POST", "/api/extras/custom-fields/", cf).status()).isEqualTo(201);
      }
      Reconciler reconciler = Reconciler.builder(backend).build();
      TestFabric lab = TestFabric.of("lab").withServers(2);
      TestFabric lab2 = TestFabric.of("LAB2").withServers(1);
      DesiredState one = lab.build();
      DesiredState two = lab2.build();
      assertThat(reconciler.planAndApply(one, DiffOptions.defaults()).report().failures()).isEmpty();
      assertThat(reconciler.planAndApply(two, DiffOptions.defaults()).report().failures()).isEmpty();
      assertThat(reconciler.status(one).status()).isEqualTo(ReconcileStatus.IN_SYNC);
      assertThat(reconciler.status(two).status()).isEqualTo(ReconcileStatus.IN_SYNC);
      assertThat(reconciler.planAndApply(lab.withServers(1).build(), DiffOptions.defaults()).report().failures()).isEmpty();
      assertThat(reconciler.status(two).status()).isEqualTo(ReconcileStatus.IN_SYNC);
    }
  }

  private static int count(FakeNetBox netbox, String endpoint) {
    return netbox.call("GET", "/api/" + endpoint + "/?limit=1", null).body().path("count").asInt();
  }
}
