package dev.diet.testing;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.GenerationCounts;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A small hand-built fabric in the desired-state vocabulary, shaped like the generator's output:
 * leaves with template ports, servers with one NIC (bay, module, ports) cabled to the leaves.
 * Immutable; {@code with...} returns a changed copy. For tests that must not depend on the
 * generator (the backend contract suite, properties), and for users' own test harnesses.
 *
 * <p>Server {@code i} (1-based) port {@code k} goes to leaf {@code (i + k + shift) mod leaves};
 * each leaf hands out its ports {@code E1/1, E1/2, ...} in server order, so removing the last
 * servers leaves every other key and cable alone.
 */
public final class TestFabric {
  public static final String MANUFACTURER = "acme";
  public static final String LEAF_TYPE = "acme-sw";
  public static final String SERVER_TYPE = "acme-srv";
  public static final String NIC_TYPE = "acme/NIC-2P";
  public static final String TAG = "hedgehog-generated";
  public static final String SERVER_TEMPLATE = "eth0";

  private final String planId;
  private final String site;
  private final int leaves;
  private final int servers;
  private final int nicPorts;
  private final int leafPorts;
  private final int shift;
  private final String serverPattern;
  private final String leafPattern;
  private final String leafStatus;

  private TestFabric(
      String planId, String site, int leaves, int servers, int nicPorts, int leafPorts, int shift, String serverPattern, String leafPattern,
      String leafStatus) {
    this.planId = planId;
    this.site = site;
    this.leaves = leaves;
    this.servers = servers;
    this.nicPorts = nicPorts;
    this.leafPorts = leafPorts;
    this.shift = shift;
    this.serverPattern = serverPattern;
    this.leafPattern = leafPattern;
    this.leafStatus = leafStatus;
  }

  /** Two leaves, three servers with two NIC ports each, site {@code lab}, names {@code srv-001}, {@code leaf-01}. */
  public static TestFabric of(String planId) {
    return new TestFabric(planId, "lab", 2, 3, 2, 32, 0, planId + "-srv-%03d", planId + "-leaf-%02d", "planned");
  }

  public TestFabric withServers(int n) {
    return new TestFabric(planId, site, leaves, n, nicPorts, leafPorts, shift, serverPattern, leafPattern, leafStatus);
  }

  public TestFabric withLeaves(int n) {
    return new TestFabric(planId, site, n, servers, nicPorts, leafPorts, shift, serverPattern, leafPattern, leafStatus);
  }

  public TestFabric withNicPorts(int n) {
    return new TestFabric(planId, site, leaves, servers, n, leafPorts, shift, serverPattern, leafPattern, leafStatus);
  }

  /** Ports (device-type templates) per leaf. */
  public TestFabric withLeafPorts(int n) {
    return new TestFabric(planId, site, leaves, servers, nicPorts, n, shift, serverPattern, leafPattern, leafStatus);
  }

  /** Moves every cable to another leaf: a distribution change. */
  public TestFabric withShift(int n) {
    return new TestFabric(planId, site, leaves, servers, nicPorts, leafPorts, n, serverPattern, leafPattern, leafStatus);
  }

  /** Naming patterns ({@link String#format} with the 1-based index). */
  public TestFabric withNaming(String serverPattern, String leafPattern) {
    return new TestFabric(planId, site, leaves, servers, nicPorts, leafPorts, shift, serverPattern, leafPattern, leafStatus);
  }

  public TestFabric withLeafStatus(String status) {
    return new TestFabric(planId, site, leaves, servers, nicPorts, leafPorts, shift, serverPattern, leafPattern, status);
  }

  /** The same fabric owned by another plan (names unchanged, so they may collide). */
  public TestFabric withPlanId(String id) {
    return new TestFabric(id, site, leaves, servers, nicPorts, leafPorts, shift, serverPattern, leafPattern, leafStatus);
  }

  public String planId() {
    return planId;
  }

  public int leaves() {
    return leaves;
  }

  public int servers() {
    return servers;
  }

  public String site() {
    return site;
  }

  public String serverName(int i) {
    return String.format(serverPattern, i);
  }

  public String leafName(int n) {
    return String.format(leafPattern, n);
  }

  public ObjectKey serverKey(int i) {
    return ObjectKey.owned(planId, ObjectKind.DEVICE, "server/gpu/" + i);
  }

  public ObjectKey leafKey(int n) {
    return ObjectKey.owned(planId, ObjectKind.DEVICE, "switch/leaf/" + n);
  }

  public ObjectKey nicPortKey(int server, int port) {
    return ObjectKey.owned(planId, ObjectKind.INTERFACE, "server/gpu/" + server + "/nic/p" + port);
  }

  public ObjectKey cableKey(int server, int port) {
    return ObjectKey.owned(planId, ObjectKind.CABLE, "server/gpu/" + server + "/fe/" + port);
  }

  /** The interface templates of the leaf type: {@code E1/1} to {@code E1/<leafPorts>}. */
  public List<String> leafTemplateNames() {
    List<String> out = new ArrayList<>();
    for (int p = 1; p <= leafPorts; p++) {
      out.add("E1/" + p);
    }
    return out;
  }

  public DesiredState build() {
    List<DesiredObject> objects = new ArrayList<>(referenceData());
    ObjectKey siteKey = ref(ObjectKind.SITE, site);
    int[] cursor = new int[leaves + 1];
    List<DesiredObject> leafPortObjects = new ArrayList<>();
    for (int n = 1; n <= leaves; n++) {
      objects.add(device(leafKey(n), leafName(n), siteKey, "leaf", LEAF_TYPE, leafStatus, "leaf"));
    }
    int switchInterfaces = 0;
    int cables = 0;
    for (int i = 1; i <= servers; i++) {
      ObjectKey server = serverKey(i);
      objects.add(device(server, serverName(i), siteKey, "server", SERVER_TYPE, "planned", "gpu"));
      ObjectKey bay = ObjectKey.owned(planId, ObjectKind.MODULE_BAY, "server/gpu/" + i + "/nic");
      objects.add(object(bay, Map.of(Fields.DEVICE, Ref.to(server), Fields.NAME, "nic", Fields.LABEL, "NIC slot nic"), Set.of()));
      ObjectKey module = ObjectKey.owned(planId, ObjectKind.MODULE, "server/gpu/" + i + "/nic");
      objects.add(object(module, fields(Fields.DEVICE, Ref.to(server), Fields.MODULE_BAY, Ref.to(bay),
          Fields.MODULE_TYPE, Ref.to(ref(ObjectKind.MODULE_TYPE, NIC_TYPE)), Fields.STATUS, "active", Fields.SERIAL, serverName(i) + "-nic",
          Fields.customField("hedgehog_plan_id"), planId), Set.of()));
      for (int k = 0; k < nicPorts; k++) {
        ObjectKey nicPort = nicPortKey(i, k);
        objects.add(object(nicPort, fields(Fields.DEVICE, Ref.to(server), Fields.MODULE, Ref.to(module), Fields.NAME, "nic-p" + k,
            Fields.TYPE, "other", Fields.ENABLED, true), Set.of()));
        int leaf = Math.floorMod(i + k + shift, leaves) + 1;
        int port = ++cursor[leaf];
        if (port > leafPorts) {
          throw new IllegalArgumentException("leaf " + leaf + " has only " + leafPorts + " ports");
        }
        ObjectKey leafPort = ObjectKey.owned(planId, ObjectKind.INTERFACE, "switch/leaf/" + leaf + "/E1/" + port);
        leafPortObjects.add(object(leafPort, fields(Fields.DEVICE, Ref.to(leafKey(leaf)), Fields.NAME, "E1/" + port,
            Fields.TYPE, "800gbase-x-qsfpdd", Fields.ENABLED, true, Fields.customField("hedgehog_plan_id"), planId,
            Fields.customField("hedgehog_zone"), "server", Fields.customField("hedgehog_physical_port"), port,
            Fields.customField("hedgehog_breakout_index"), null), Set.of(TAG)));
        switchInterfaces++;
        objects.add(object(cableKey(i, k), fields(Fields.A_END, Ref.to(nicPort), Fields.B_END, Ref.to(leafPort),
            Fields.STATUS, "connected", Fields.customField("hedgehog_plan_id"), planId), Set.of(TAG)));
        cables++;
      }
    }
    objects.addAll(leafPortObjects);
    return state(planId, objects, Map.of("leaf", leaves), new GenerationCounts(leaves + servers, switchInterfaces, cables));
  }

  private DesiredObject device(ObjectKey key, String name, ObjectKey siteKey, String role, String type, String status, String cls) {
    return object(key, fields(Fields.NAME, name, Fields.SITE, Ref.to(siteKey), Fields.ROLE, Ref.to(ref(ObjectKind.DEVICE_ROLE, role)),
        Fields.DEVICE_TYPE, Ref.to(ref(ObjectKind.DEVICE_TYPE, type)), Fields.STATUS, status,
        Fields.customField("hedgehog_plan_id"), planId, Fields.customField("hedgehog_class"), cls), Set.of(TAG));
  }

  private List<DesiredObject> referenceData() {
    List<DesiredObject> out = new ArrayList<>();
    out.add(object(ref(ObjectKind.SITE, site), fields(Fields.NAME, site.toUpperCase(java.util.Locale.ROOT), Fields.SLUG, site, Fields.STATUS, "active"), Set.of()));
    out.add(object(ref(ObjectKind.MANUFACTURER, MANUFACTURER), fields(Fields.NAME, "Acme", Fields.SLUG, MANUFACTURER), Set.of()));
    for (String role : List.of("leaf", "server")) {
      out.add(object(ref(ObjectKind.DEVICE_ROLE, role),
          fields(Fields.NAME, Character.toUpperCase(role.charAt(0)) + role.substring(1), Fields.SLUG, role, Fields.COLOR, "9e9e9e"), Set.of()));
    }
    out.add(object(ref(ObjectKind.TAG, TAG), fields(Fields.NAME, TAG, Fields.SLUG, TAG, Fields.COLOR, "9e9e9e"), Set.of()));
    String owned = "dcim.cable,dcim.device,dcim.interface,dcim.module,dcim.modulebay";
    out.add(customField("hedgehog_plan_id", "text", "dcim.cable,dcim.device,dcim.interface,dcim.module"));
    out.add(customField("hedgehog_class", "text", "dcim.device"));
    out.add(customField("hedgehog_zone", "text", "dcim.cable,dcim.interface"));
    out.add(customField("hedgehog_physical_port", "integer", "dcim.interface"));
    out.add(customField("hedgehog_breakout_index", "integer", "dcim.interface"));
    out.add(customField("diet_plan", "text", owned));
    out.add(customField("diet_key", "text", owned));
    out.add(customField("diet_state", "json", owned));
    Ref manufacturer = Ref.to(ref(ObjectKind.MANUFACTURER, MANUFACTURER));
    out.add(object(ref(ObjectKind.DEVICE_TYPE, LEAF_TYPE), fields(Fields.MANUFACTURER, manufacturer, Fields.MODEL, "SW-" + leafPorts,
        Fields.SLUG, LEAF_TYPE, Fields.U_HEIGHT, 1, Fields.IS_FULL_DEPTH, true, Fields.INTERFACE_TEMPLATES,
        leafTemplateNames().stream().map(n -> n + "=800gbase-x-qsfpdd").collect(Collectors.joining("\n"))), Set.of()));
    out.add(object(ref(ObjectKind.DEVICE_TYPE, SERVER_TYPE), fields(Fields.MANUFACTURER, manufacturer, Fields.MODEL, "SRV-1",
        Fields.SLUG, SERVER_TYPE, Fields.U_HEIGHT, 2, Fields.IS_FULL_DEPTH, false, Fields.INTERFACE_TEMPLATES, SERVER_TEMPLATE + "=1000base-t"), Set.of()));
    out.add(object(ref(ObjectKind.MODULE_TYPE, NIC_TYPE), fields(Fields.MANUFACTURER, manufacturer, Fields.MODEL, "NIC-2P",
        Fields.PROFILE, null, Fields.INTERFACE_TEMPLATES, "p0=other\np1=other"), Set.of()));
    return out;
  }

  private static DesiredObject customField(String name, String type, String objectTypes) {
    return object(ref(ObjectKind.CUSTOM_FIELD, name), fields(Fields.NAME, name, Fields.CF_TYPE, type, Fields.CF_OBJECT_TYPES, objectTypes), Set.of());
  }

  @Override
  public String toString() {
    return "TestFabric{" + planId + ", leaves=" + leaves + ", servers=" + servers + ", nicPorts=" + nicPorts + ", leafPorts=" + leafPorts
        + ", shift=" + shift + ", naming=" + serverPattern + "/" + leafPattern + ", leafStatus=" + leafStatus + "}";
  }

  // ---- helpers for tests that change a desired state -----------------------------------------

  public static ObjectKey ref(ObjectKind kind, String naturalKey) {
    return ObjectKey.reference(kind, naturalKey);
  }

  public static DesiredObject object(ObjectKey key, Map<String, ?> fields, Set<String> tags) {
    return new DesiredObject(key, fields, tags);
  }

  /** A field map from alternating names and values (values may be null). */
  public static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  /** A desired state of these objects with a fingerprint over their content. */
  public static DesiredState state(String planId, List<DesiredObject> objects, Map<String, Integer> switches, GenerationCounts counts) {
    Hasher h = Hashing.sha256().newHasher();
    objects.stream().map(DesiredObject::toString).sorted().forEach(s -> h.putString(s, StandardCharsets.UTF_8).putChar('\n'));
    return new DesiredState(planId, h.hash().toString(), objects, switches, counts);
  }

  /** The state without the objects matching {@code drop}. */
  public static DesiredState without(DesiredState state, Predicate<DesiredObject> drop) {
    return state(state.planId(), state.objects().stream().filter(drop.negate()).collect(Collectors.toList()), state.switchQuantities(), state.counts());
  }

  /** The state with one object changed. */
  public static DesiredState changed(DesiredState state, ObjectKey key, UnaryOperator<DesiredObject> change) {
    return state(state.planId(), state.objects().stream().map(o -> o.key().equals(key) ? change.apply(o) : o).collect(Collectors.toList()),
        state.switchQuantities(), state.counts());
  }

  /** The object with one field set. */
  public static DesiredObject withField(DesiredObject o, String field, Object value) {
    Map<String, Object> f = new LinkedHashMap<>(o.fields());
    f.put(field, value);
    return new DesiredObject(o.key(), f, o.tags());
  }
}
