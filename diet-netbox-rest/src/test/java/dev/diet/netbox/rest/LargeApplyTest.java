package dev.diet.netbox.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diet.DietException;
import dev.diet.diff.Action;
import dev.diet.diff.ChangeSet;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.Operation;
import dev.diet.generate.Generator;
import dev.diet.netbox.rest.fake.FakeNetBox;
import dev.diet.netbox.rest.fake.Fault;
import dev.diet.plan.PlanReader;
import dev.diet.reconcile.Preview;
import dev.diet.reconcile.ReconcileStatus;
import dev.diet.reconcile.Reconciler;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 128-GPU case ({@code ux_case_128gpu_odd_ports}) against the fake NetBox: requests per
 * endpoint follow from object counts and the chunk size; with faults injected at random, repeated
 * applies reach in_sync with exactly the planned objects; and no token ever reaches a log line or
 * an exception.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeApplyTest {
  private static final Logger LOG = LoggerFactory.getLogger(LargeApplyTest.class);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
  private static final String CASE = "ux_case_128gpu_odd_ports";
  private static final int MAX_APPLIES = 12;

  private static DesiredState desired;
  private static Map<String, Integer> cleanCounts;
  private static final Set<String> TOKENS = Collections.synchronizedSet(new HashSet<>());
  private static final List<String> MESSAGES = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void generate() {
    desired = Generator.generate(PlanReader.read(SharedFixtures.casePlan(CASE)));
  }

  private static FakeNetBox start() {
    FakeNetBox netbox = FakeNetBox.start();
    TOKENS.add(netbox.token());
    return netbox;
  }

  // ---- request count -------------------------------------------------------------------------

  @ParameterizedTest(name = "chunk size {0}")
  @ValueSource(ints = {500, 100})
  @Order(1)
  void initialApplyNeedsRequestsInProportionToObjectsOverChunkSize(int chunk) {
    try (FakeNetBox netbox = start();
        RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).chunkSize(chunk).build())) {
      Reconciler reconciler = Reconciler.builder(backend).clock(CLOCK).build();
      Preview preview = reconciler.plan(desired, DiffOptions.defaults());
      ChangeSet changeSet = preview.changeSet();
      netbox.requests().reset();
      long started = System.nanoTime();
      ApplyReport report = backend.apply(changeSet, ApplyOptions.defaults().withClock(CLOCK), ProgressListener.NONE);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(report.failures()).isEmpty();
      assertThat(netbox.requests().totalFaulted()).isZero();
      Map<String, Integer> served = netbox.requests().served();
      LOG.info("128-GPU initial apply, chunk {}: {} operations, {} requests in {} ms: {}", chunk, changeSet.operations().size(),
          netbox.requests().totalServed(), millis, served);

      Map<ObjectKind, Integer> creates = new EnumMap<>(ObjectKind.class);
      for (Operation op : changeSet.operations()) {
        assertThat(op.action()).isEqualTo(Action.CREATE);
        creates.merge(op.kind(), 1, Integer::sum);
      }
      int devices = creates.get(ObjectKind.DEVICE);
      int interfaces = creates.get(ObjectKind.INTERFACE);
      Map<String, Integer> expected = new TreeMap<>();
      int bound = 0;
      for (Map.Entry<ObjectKind, Integer> e : creates.entrySet()) {
        ObjectKind kind = e.getKey();
        if (kind == ObjectKind.DEVICE_TYPE || kind == ObjectKind.MODULE_TYPE) {
          // Per chunk: one POST for types without templates, one for those with (under a provisional
          // name), one look-up per 50 of those for leftovers of an interrupted apply, one PATCH renaming them.
          List<DesiredObject> types = desired.objects(kind);
          for (int from = 0; from < types.size(); from += chunk) {
            List<DesiredObject> part = types.subList(from, Math.min(types.size(), from + chunk));
            int with = (int) part.stream().filter(t -> !((String) t.field(Fields.INTERFACE_TEMPLATES)).isBlank()).count();
            expected.merge("POST /" + Wire.endpoint(kind), (with > 0 ? 1 : 0) + (with < part.size() ? 1 : 0), Integer::sum);
            expected.merge("GET /" + Wire.endpoint(kind), ceil(with, Observer.FILTER_CHUNK), Integer::sum);
            expected.merge("PATCH /" + Wire.endpoint(kind), with > 0 ? 1 : 0, Integer::sum);
          }
        } else if (kind != ObjectKind.INTERFACE) {
          expected.put("POST /" + Wire.endpoint(kind), ceil(e.getValue(), chunk));
        }
      }
      int deviceTypeTemplates = templates(ObjectKind.DEVICE_TYPE);
      int moduleTypeTemplates = templates(ObjectKind.MODULE_TYPE);
      expected.put("POST /" + Wire.INTERFACE_TEMPLATES,
          (deviceTypeTemplates == 0 ? 0 : ceil(deviceTypeTemplates, chunk)) + (moduleTypeTemplates == 0 ? 0 : ceil(moduleTypeTemplates, chunk)));
      expected.values().removeIf(v -> v == 0);
      for (Map.Entry<String, Integer> e : expected.entrySet()) {
        assertThat(served.getOrDefault(e.getKey(), 0)).as(e.getKey()).isEqualTo(e.getValue());
        bound += e.getValue();
      }
      // Interfaces: each chunk is one POST and at most one PATCH (adopting template interfaces), after
      // one lookup per 50 devices it touches (a page holds every interface of 50 devices here).
      int interfaceChunks = ceil(interfaces, chunk);
      int lookups = interfaceChunks * ceil(devices, Observer.FILTER_CHUNK) + interfaceChunks;
      assertThat(served.getOrDefault("POST /api/dcim/interfaces/", 0)).isBetween(1, interfaceChunks);
      assertThat(served.getOrDefault("PATCH /api/dcim/interfaces/", 0)).isBetween(deviceTypeTemplates > 0 ? 1 : 0, interfaceChunks);
      assertThat(served.getOrDefault("GET /api/dcim/interfaces/", 0)).isBetween(interfaceChunks, lookups);
      bound += 2 * interfaceChunks + lookups;
      assertThat(netbox.requests().totalServed()).isLessThanOrEqualTo(bound);
      assertThat(served.keySet()).allMatch(k -> expected.containsKey(k) || k.endsWith("/api/dcim/interfaces/"));
      assertThat(changeSet.operations().size()).as("the case is big enough for the bound to mean something").isGreaterThan(20 * bound);

      // Observe: per owned kind its pages; per reference kind one look-up (under 50 keys each) and the
      // templates of device and module types; one collision look-up and four look-ups (interfaces,
      // bays, modules, IP addresses) plus one for templates per 50 devices, each a page or two.
      netbox.requests().reset();
      started = System.nanoTime();
      backend.observe(Reconciler.scopeOf(desired), ProgressListener.NONE);
      millis = (System.nanoTime() - started) / 1_000_000;
      int pages = 0;
      for (ObjectKind kind : Wire.OWNABLE) {
        pages += Math.max(1, ceil(creates.getOrDefault(kind, 0), 1000));
      }
      int perDevices = ceil(devices, Observer.FILTER_CHUNK);
      int observeBound = pages + 7 + 2 + perDevices + 4 * perDevices * 2 + 1;
      LOG.info("128-GPU observe: {} requests in {} ms (bound {})", netbox.requests().totalServed(), millis, observeBound);
      assertThat(netbox.requests().totalServed()).isLessThanOrEqualTo(observeBound);
    }
  }

  @Test
  @Order(1)
  void throttlingAndOutagesAddRetriesButNoServedRequests() {
    Map<String, Integer> clean = servedByInitialApply(false);
    Map<String, Integer> throttled = servedByInitialApply(true);
    assertThat(throttled).isEqualTo(clean);
  }

  private static Map<String, Integer> servedByInitialApply(boolean faults) {
    try (FakeNetBox netbox = start();
        RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
      Preview preview = Reconciler.builder(backend).clock(CLOCK).build().plan(desired, DiffOptions.defaults());
      netbox.requests().reset();
      if (faults) {
        netbox.faults().seed(3).randomly(0.3, Fault.TOO_MANY_REQUESTS, Fault.UNAVAILABLE, Fault.DROP_BEFORE);
      }
      assertThat(backend.apply(preview.changeSet(), ApplyOptions.defaults().withClock(CLOCK), ProgressListener.NONE).failures()).isEmpty();
      assertThat(netbox.requests().totalFaulted() > 0).isEqualTo(faults);
      assertThat(backend.retryCount() > 0).isEqualTo(faults);
      return netbox.requests().served();
    }
  }

  private static int ceil(int n, int d) {
    return (n + d - 1) / d;
  }

  private static int templates(ObjectKind kind) {
    int n = 0;
    for (DesiredObject o : desired.objects(kind)) {
      String text = (String) o.field(Fields.INTERFACE_TEMPLATES);
      n += text == null || text.isBlank() ? 0 : text.split("\n").length;
    }
    return n;
  }

  private static int count(FakeNetBox netbox, String endpoint) {
    return netbox.call("GET", "/api/" + endpoint + "/?limit=1", null).body().path("count").asInt();
  }

  // ---- faults --------------------------------------------------------------------------------

  static LongStream seeds() {
    return LongStream.rangeClosed(Long.getLong("rest.seed", 1), Long.getLong("rest.seed", 50));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @Order(2)
  void repeatedAppliesConvergeUnderRandomFaults(long seed) {
    boolean tight = seed % 2 == 0;
    try (FakeNetBox netbox = start()) {
      netbox.faults().seed(seed).retryAfterSeconds(1).slowDelay(Duration.ofMillis(3))
          .randomly(tight ? 0.08 : 0.04, Fault.TOO_MANY_REQUESTS, Fault.UNAVAILABLE, Fault.BAD_GATEWAY, Fault.DROP_BEFORE, Fault.DROP_AFTER,
              Fault.SLOW);
      RestConfig config = RestTesting.config(netbox).maxRetries(tight ? 1 : 10).build();
      ReconcileStatus status = null;
      Preview last = null;
      int applies = 0;
      try (RestNetBoxBackend backend = connect(config)) {
        Reconciler reconciler = Reconciler.builder(backend).clock(CLOCK).build();
        while (applies <= MAX_APPLIES) {
          try {
            Preview preview = reconciler.plan(desired, DiffOptions.defaults());
            last = preview;
            status = preview.status();
            if (status == ReconcileStatus.IN_SYNC || applies == MAX_APPLIES) {
              break;
            }
            applies++;
            reconciler.apply(preview).report().failures().forEach(f -> MESSAGES.add(f.toString()));
          } catch (DietException e) {
            applies++;
            remember(e);
          }
        }
      }
      LOG.info("seed {}: in_sync after {} applies, {} faults injected", seed, applies, netbox.faults().injected());
      netbox.faults().clear();
      assertThat(status).as("status after " + applies + " applies: " + (last == null ? "" : last.conflicts())).isEqualTo(ReconcileStatus.IN_SYNC);
      try (RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
        Set<ObjectKey> owned = backend.observe(Reconciler.scopeOf(desired), ProgressListener.NONE).owned().keySet();
        assertThat(owned).isEqualTo(desired.objects().stream().map(DesiredObject::key).filter(k -> !k.isReference()).collect(Collectors.toSet()));
      }
      assertThat(objectCounts(netbox)).as("no duplicates, none missing").isEqualTo(cleanCounts());
    }
  }

  private static RestNetBoxBackend connect(RestConfig config) {
    for (int i = 0; ; i++) {
      try {
        return RestNetBoxBackend.connect(config);
      } catch (DietException e) {
        remember(e);
        if (i > 20) {
          throw e;
        }
      }
    }
  }

  private static void remember(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      MESSAGES.add(String.valueOf(t));
      MESSAGES.add(String.valueOf(t.getMessage()));
      if (t instanceof DietException) {
        ((DietException) t).hint().ifPresent(MESSAGES::add);
      }
    }
  }

  private static synchronized Map<String, Integer> cleanCounts() {
    if (cleanCounts == null) {
      try (FakeNetBox netbox = start(); RestNetBoxBackend backend = RestNetBoxBackend.connect(RestTesting.config(netbox).build())) {
        assertThat(Reconciler.builder(backend).clock(CLOCK).build().planAndApply(desired, DiffOptions.defaults()).succeeded()).isTrue();
        cleanCounts = objectCounts(netbox);
      }
    }
    return cleanCounts;
  }

  private static Map<String, Integer> objectCounts(FakeNetBox netbox) {
    Map<String, Integer> out = new TreeMap<>();
    for (String e : List.of("dcim/sites", "dcim/manufacturers", "dcim/device-roles", "extras/tags", "extras/custom-fields", "dcim/device-types",
        "dcim/module-types", "dcim/interface-templates", "dcim/devices", "dcim/module-bays", "dcim/modules", "dcim/interfaces", "dcim/cables")) {
      out.put(e, count(netbox, e));
    }
    return out;
  }

  // ---- secrecy -------------------------------------------------------------------------------

  @Test
  @Order(3)
  void noTokenInAnyLogLineOrException() throws IOException {
    assertThat(TOKENS).as("the earlier tests ran").isNotEmpty();
    assertThat(MESSAGES).as("the fault runs produced failures and exceptions").isNotEmpty();
    String file = System.getProperty("org.slf4j.simpleLogger.logFile");
    assumeTrue(file != null, "slf4j-simple writes to a file only when the build sets org.slf4j.simpleLogger.logFile (the pom does)");
    Path log = Path.of(file);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).as("the fault runs logged retries").anyMatch(l -> l.contains("retry"));
    for (String token : TOKENS) {
      assertThat(lines).noneMatch(l -> l.contains(token));
      assertThat(MESSAGES).noneMatch(m -> m.contains(token));
    }
  }
}
