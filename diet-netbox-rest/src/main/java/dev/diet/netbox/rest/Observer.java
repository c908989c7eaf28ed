package dev.diet.netbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.spi.ExternalReference;
import dev.diet.spi.ObserveScope;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.spi.OwnershipFields;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Observe over REST: the plan's objects of every ownable kind (filtered on {@code cf_diet_plan},
 * kinds and pages fetched in parallel), the scope's reference data with its interface templates,
 * devices in the way of planned names, and what outside the plan hangs on owned devices.
 */
final class Observer {
  /** Most values of one filter per request, keeping URLs short. */
  static final int FILTER_CHUNK = 50;

  private final NetBoxHttp http;

  Observer(NetBoxHttp http) {
    this.http = http;
  }

  ObservedState observe(ObserveScope scope, ProgressListener listener) {
    String plan = scope.planId();
    int steps = Wire.OWNABLE.size() + 3;
    listener.started(Phase.OBSERVE, "observe", steps);
    Map<ObjectKind, CompletableFuture<List<ObjectNode>>> pending = new EnumMap<>(ObjectKind.class);
    for (ObjectKind kind : Wire.OWNABLE) {
      pending.put(kind, async(() -> http.list(Wire.endpoint(kind), Query.of("cf_" + OwnershipFields.PLAN, plan))));
    }
    CompletableFuture<Map<ObjectKey, ObservedObject>> refs = async(() -> references(scope.referenceKeys()));
    Map<ObjectKind, List<ObjectNode>> owned = new EnumMap<>(ObjectKind.class);
    int done = 0;
    for (ObjectKind kind : Wire.OWNABLE) {
      owned.put(kind, NetBoxHttp.join(pending.get(kind)));
      listener.progressed(Phase.OBSERVE, "observe", ++done, steps);
    }
    Map<ObjectKey, ObservedObject> references = NetBoxHttp.join(refs);
    listener.progressed(Phase.OBSERVE, "observe", ++done, steps);

    Keys keys = new Keys();
    owned.forEach((kind, nodes) -> nodes.forEach(n -> {
      String key = Wire.carriedKey(n);
      if (key != null && plan.equals(Wire.carriedPlan(n))) {
        keys.put(kind, n.path("id").asLong(), ObjectKey.parse(key));
      }
    }));
    List<ObservedObject> ownedObjects = new ArrayList<>();
    owned.forEach((kind, nodes) -> nodes.forEach(n -> {
      if (keys.key(kind, n.path("id").asLong()) != null) {
        ownedObjects.add(toObserved(kind, n, keys, Map.of()));
      }
    }));

    List<ObservedObject> collisions = collisions(scope, references, keys);
    listener.progressed(Phase.OBSERVE, "observe", ++done, steps);
    List<ExternalReference> external = externalReferences(owned, keys);
    listener.progressed(Phase.OBSERVE, "observe", ++done, steps);
    listener.finished(Phase.OBSERVE, "observe");
    return new ObservedState(plan, ownedObjects, references, collisions, external);
  }

  private <T> CompletableFuture<T> async(Supplier<T> task) {
    return CompletableFuture.supplyAsync(task, http.executor());
  }

  /** NetBox ids of the plan's objects and the keys they carry. */
  static final class Keys {
    private final Map<ObjectKind, Map<Long, ObjectKey>> byId = new EnumMap<>(ObjectKind.class);

    void put(ObjectKind kind, long id, ObjectKey key) {
      byId.computeIfAbsent(kind, k -> new HashMap<>()).put(id, key);
    }

    ObjectKey key(ObjectKind kind, long id) {
      return byId.getOrDefault(kind, Map.of()).get(id);
    }

    Set<Long> ids(ObjectKind kind) {
      return byId.getOrDefault(kind, Map.of()).keySet();
    }

    Object ref(ObjectKind kind, long id) {
      ObjectKey key = key(kind, id);
      return key == null ? ObservedObject.foreignRef(kind, id) : Ref.to(key);
    }
  }

  /** One object in the desired-state vocabulary; {@code templates} gives reference types' interface templates by id. */
  static ObservedObject toObserved(ObjectKind kind, JsonNode n, Keys keys, Map<Long, String> templates) {
    Map<String, Object> fields = new TreeMap<>();
    for (String field : Wire.observedFields(kind)) {
      fields.put(field, read(kind, field, n, keys, templates));
    }
    Wire.customFields(n, fields);
    return new ObservedObject(kind, n.path("id").asLong(), fields, Wire.tagSlugs(n), kind.isReference() ? null : mark(kind, n));
  }

  private static dev.diet.diff.Ownership mark(ObjectKind kind, JsonNode n) {
    try {
      return Wire.ownership(n);
    } catch (IllegalArgumentException e) {
      throw new dev.diet.spi.BackendException(
          "the ownership mark of " + kind.contentType() + " #" + n.path("id").asLong() + " cannot be read: " + e.getMessage(),
          "restore custom field " + OwnershipFields.STATE + " on that object, or clear " + OwnershipFields.PLAN + " to release it from DIET", e);
    }
  }

  private static Object read(ObjectKind kind, String field, JsonNode n, Keys keys, Map<Long, String> templates) {
    switch (field) {
      case Fields.A_END:
      case Fields.B_END:
        JsonNode end = n.path(field.equals(Fields.A_END) ? "a_terminations" : "b_terminations").path(0);
        return end.isMissingNode() ? null : keys.ref(ObjectKind.INTERFACE, end.path("object_id").asLong());
      case Fields.PROFILE:
        JsonNode profile = n.path(Fields.PROFILE);
        return profile.isObject() ? profile.path("name").asText() : Wire.value(profile);
      case Fields.CF_TYPE:
        return Wire.value(n.path("type"));
      case Fields.CF_OBJECT_TYPES:
        List<String> types = new ArrayList<>();
        n.path("object_types").forEach(t -> types.add(t.asText()));
        return String.join(",", new TreeSet<>(types));
      case Fields.INTERFACE_TEMPLATES:
        return templates.getOrDefault(n.path("id").asLong(), "");
      default:
        break;
    }
    ObjectKind target = Wire.refKind(field);
    JsonNode v = n.path(field);
    if (target == null) {
      return Wire.value(v);
    }
    if (v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (target.isReference()) {
      return Ref.to(ObjectKey.reference(target, Wire.naturalKey(target, v)));
    }
    return keys.ref(target, v.path("id").asLong());
  }

  // ---- reference data ------------------------------------------------------------------------

  /** The scope's reference data that exists, by key. */
  Map<ObjectKey, ObservedObject> references(Collection<ObjectKey> wanted) {
    Map<ObjectKey, ObservedObject> out = new LinkedHashMap<>();
    Map<ObjectKind, List<ObjectKey>> byKind = new EnumMap<>(ObjectKind.class);
    wanted.forEach(k -> byKind.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k));
    Map<ObjectKind, CompletableFuture<Map<ObjectKey, ObjectNode>>> pending = new EnumMap<>(ObjectKind.class);
    byKind.forEach((kind, keys) -> pending.put(kind, async(() -> findReferences(kind, keys, null))));
    for (Map.Entry<ObjectKind, CompletableFuture<Map<ObjectKey, ObjectNode>>> e : pending.entrySet()) {
      ObjectKind kind = e.getKey();
      Map<ObjectKey, ObjectNode> found = NetBoxHttp.join(e.getValue());
      Map<Long, String> templates = kind == ObjectKind.DEVICE_TYPE || kind == ObjectKind.MODULE_TYPE
          ? templates(kind, ids(found.values())) : Map.of();
      found.forEach((key, node) -> out.put(key, toObserved(kind, node, new Keys(), templates)));
    }
    return out;
  }

  /** Reference objects of one kind by natural key ({@code fields} narrows the payload, or null for all). */
  Map<ObjectKey, ObjectNode> findReferences(ObjectKind kind, List<ObjectKey> keys, String fields) {
    String param = kind == ObjectKind.CUSTOM_FIELD ? "name" : kind == ObjectKind.MODULE_TYPE ? "model" : "slug";
    Set<String> values = new TreeSet<>();
    Set<ObjectKey> wanted = new HashSet<>(keys);
    for (ObjectKey k : keys) {
      values.add(kind == ObjectKind.MODULE_TYPE ? k.path().substring(k.path().indexOf('/') + 1) : k.path());
    }
    Map<ObjectKey, ObjectNode> out = new HashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(values), FILTER_CHUNK)) {
      Query q = new Query().andAll(param, chunk);
      if (fields != null) {
        q.and("fields", fields);
      }
      for (ObjectNode n : http.list(Wire.endpoint(kind), q)) {
        ObjectKey key = ObjectKey.reference(kind, Wire.naturalKey(kind, n));
        if (wanted.contains(key)) {
          out.put(key, n);
        }
      }
    }
    return out;
  }

  /** Interface templates per device type or module type id, as {@code name=type} lines in id order. */
  Map<Long, String> templates(ObjectKind kind, List<Long> typeIds) {
    String field = kind == ObjectKind.DEVICE_TYPE ? "device_type" : "module_type";
    Map<Long, StringBuilder> text = new HashMap<>();
    for (List<Long> chunk : chunks(typeIds, FILTER_CHUNK)) {
      for (ObjectNode t : http.list(Wire.INTERFACE_TEMPLATES, new Query().andAll(field + "_id", chunk))) {
        StringBuilder b = text.computeIfAbsent(t.path(field).path("id").asLong(), x -> new StringBuilder());
        if (b.length() > 0) {
          b.append('\n');
        }
        b.append(t.path("name").asText()).append('=').append(Wire.value(t.path("type")));
      }
    }
    Map<Long, String> out = new HashMap<>();
    text.forEach((id, b) -> out.put(id, b.toString()));
    return out;
  }

  // ---- collisions and external references ----------------------------------------------------

  private List<ObservedObject> collisions(ObserveScope scope, Map<ObjectKey, ObservedObject> references, Keys keys) {
    List<ObservedObject> out = new ArrayList<>();
    if (scope.plannedDeviceNames().isEmpty()) {
      return out;
    }
    ObjectKey siteKey = ObjectKey.reference(ObjectKind.SITE, scope.siteSlug());
    ObservedObject site = references.get(siteKey);
    Long siteId = site != null ? Long.valueOf(site.id()) : null;
    if (siteId == null) {
      ObjectNode found = findReferences(ObjectKind.SITE, List.of(siteKey), "id,slug").get(siteKey);
      siteId = found == null ? null : found.path("id").asLong();
    }
    if (siteId == null) {
      return out;
    }
    Set<Long> seen = new HashSet<>();
    for (List<String> names : chunks(new ArrayList<>(scope.plannedDeviceNames()), FILTER_CHUNK)) {
      for (ObjectNode d : http.list(Wire.endpoint(ObjectKind.DEVICE), Query.of("site_id", siteId).andAll("name__ie", names))) {
        if (!scope.planId().equals(Wire.carriedPlan(d)) && seen.add(d.path("id").asLong())) {
          out.add(toObserved(ObjectKind.DEVICE, d, keys, Map.of()));
        }
      }
    }
    return out;
  }

  private List<ExternalReference> externalReferences(Map<ObjectKind, List<ObjectNode>> owned, Keys keys) {
    List<ExternalReference> out = new ArrayList<>();
    Set<Long> ownedCables = keys.ids(ObjectKind.CABLE);
    for (ObjectNode iface : owned.get(ObjectKind.INTERFACE)) {
      ObjectKey key = keys.key(ObjectKind.INTERFACE, iface.path("id").asLong());
      long cable = iface.path("cable").path("id").asLong(0);
      if (key != null && cable != 0 && !ownedCables.contains(cable)) {
        out.add(new ExternalReference(key, ObjectKind.CABLE.contentType(), cable, "cable #" + cable + " to " + peer(iface)));
      }
    }
    List<Long> devices = new ArrayList<>(new TreeSet<>(keys.ids(ObjectKind.DEVICE)));
    if (devices.isEmpty()) {
      return out;
    }
    Map<Long, Long> typeOfDevice = new HashMap<>();
    for (ObjectNode d : owned.get(ObjectKind.DEVICE)) {
      typeOfDevice.put(d.path("id").asLong(), d.path("device_type").path("id").asLong());
    }
    CompletableFuture<List<ObjectNode>> ifaces = byDevice("api/dcim/interfaces/", devices, "id,name,device,cable,link_peers");
    CompletableFuture<List<ObjectNode>> bays = byDevice("api/dcim/module-bays/", devices, "id,name,device");
    CompletableFuture<List<ObjectNode>> modules = byDevice("api/dcim/modules/", devices, "id,device");
    CompletableFuture<List<ObjectNode>> ips = byDevice(Wire.IP_ADDRESSES, devices, "id,address,assigned_object_type,assigned_object_id");
    CompletableFuture<Map<Long, String>> templates =
        async(() -> templates(ObjectKind.DEVICE_TYPE, new ArrayList<>(new TreeSet<>(typeOfDevice.values()))));

    Map<Long, String> labels = new HashMap<>();
    Map<Long, Long> deviceOfInterface = new HashMap<>();
    Map<Long, String> deviceNames = new HashMap<>();
    owned.get(ObjectKind.DEVICE).forEach(d -> deviceNames.put(d.path("id").asLong(), d.path("name").asText("device #" + d.path("id").asLong())));
    List<ObjectNode> allInterfaces = NetBoxHttp.join(ifaces);
    for (ObjectNode i : allInterfaces) {
      long device = i.path("device").path("id").asLong();
      deviceOfInterface.put(i.path("id").asLong(), device);
      labels.put(i.path("id").asLong(), deviceNames.getOrDefault(device, "device #" + device) + ":" + i.path("name").asText());
    }
    Map<Long, Set<String>> templateNames = new HashMap<>();
    NetBoxHttp.join(templates).forEach((type, text) -> {
      Set<String> names = new HashSet<>();
      for (String line : text.split("\n")) {
        int eq = line.lastIndexOf('=');
        if (eq > 0) {
          names.add(line.substring(0, eq));
        }
      }
      templateNames.put(type, names);
    });

    for (ObjectNode ip : NetBoxHttp.join(ips)) {
      if (!ObjectKind.INTERFACE.contentType().equals(ip.path("assigned_object_type").asText())) {
        continue;
      }
      long target = ip.path("assigned_object_id").asLong();
      ObjectKey ifaceKey = keys.key(ObjectKind.INTERFACE, target);
      String address = ip.path("address").asText();
      if (ifaceKey != null) {
        out.add(new ExternalReference(ifaceKey, "ipam.ipaddress", ip.path("id").asLong(), "IP address " + address));
      } else {
        ObjectKey deviceKey = keys.key(ObjectKind.DEVICE, deviceOfInterface.getOrDefault(target, -1L));
        if (deviceKey != null) {
          out.add(new ExternalReference(deviceKey, "ipam.ipaddress", ip.path("id").asLong(),
              "IP address " + address + " on " + labels.get(target)));
        }
      }
    }
    for (ObjectNode i : allInterfaces) {
      long id = i.path("id").asLong();
      if (keys.key(ObjectKind.INTERFACE, id) != null) {
        continue;
      }
      long device = i.path("device").path("id").asLong();
      ObjectKey deviceKey = keys.key(ObjectKind.DEVICE, device);
      if (deviceKey == null) {
        continue;
      }
      long cable = i.path("cable").path("id").asLong(0);
      if (cable != 0 && !ownedCables.contains(cable)) {
        out.add(new ExternalReference(deviceKey, ObjectKind.CABLE.contentType(), cable,
            "cable #" + cable + " on " + labels.get(id) + " to " + peer(i)));
      }
      Set<String> fromTemplates = templateNames.getOrDefault(typeOfDevice.get(device), Set.of());
      if (!fromTemplates.contains(i.path("name").asText())) {
        out.add(new ExternalReference(deviceKey, ObjectKind.INTERFACE.contentType(), id, "interface " + labels.get(id) + " added outside DIET"));
      }
    }
    for (ObjectNode m : NetBoxHttp.join(modules)) {
      long id = m.path("id").asLong();
      ObjectKey deviceKey = keys.key(ObjectKind.DEVICE, m.path("device").path("id").asLong());
      if (keys.key(ObjectKind.MODULE, id) == null && deviceKey != null) {
        out.add(new ExternalReference(deviceKey, ObjectKind.MODULE.contentType(), id, "module #" + id + " added outside DIET"));
      }
    }
    for (ObjectNode b : NetBoxHttp.join(bays)) {
      long id = b.path("id").asLong();
      ObjectKey deviceKey = keys.key(ObjectKind.DEVICE, b.path("device").path("id").asLong());
      if (keys.key(ObjectKind.MODULE_BAY, id) == null && deviceKey != null) {
        out.add(new ExternalReference(deviceKey, ObjectKind.MODULE_BAY.contentType(), id,
            "module bay '" + b.path("name").asText() + "' added outside DIET"));
      }
    }
    return out;
  }

  private CompletableFuture<List<ObjectNode>> byDevice(String endpoint, List<Long> devices, String fields) {
    return async(() -> {
      List<ObjectNode> out = new ArrayList<>();
      for (List<Long> chunk : chunks(devices, FILTER_CHUNK)) {
        out.addAll(http.list(endpoint, new Query().andAll("device_id", chunk).and("fields", fields)));
      }
      return out;
    });
  }

  private static String peer(JsonNode iface) {
    JsonNode p = iface.path("link_peers").path(0);
    if (p.isMissingNode()) {
      return "nothing";
    }
    String device = p.path("device").path("name").asText(p.path("device").path("display").asText("?"));
    return device + ":" + p.path("name").asText(p.path("display").asText("?"));
  }

  private static List<Long> ids(Collection<ObjectNode> nodes) {
    List<Long> out = new ArrayList<>();
    nodes.forEach(n -> out.add(n.path("id").asLong()));
    return out;
  }

  static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }
}
