package dev.diet.netbox.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.diff.Action;
import dev.diet.diff.Operation;
import dev.diet.diff.Ownership;
import dev.diet.spi.OwnershipCodec;
import dev.diet.spi.OwnershipFields;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Executes one change set inside one transaction, as NetBox's ORM would: every NOT NULL column,
 * template interfaces, cable terminations and paths, cached site columns, counters, tags, the
 * change log and the search cache. Reads are bulk; new rows are written at the end in bulk.
 */
final class Applier {
  /** NetBox refuses an operation; the message says why. */
  static final class RuleViolation extends RuntimeException {
    RuleViolation(String message) {
      super(message);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> MARK = Set.of(OwnershipFields.PLAN, OwnershipFields.KEY, OwnershipFields.STATE);
  private static final Map<String, String[][]> SEARCH = new HashMap<>();

  static {
    SEARCH.put("dcim_site", new String[][] {{"name", "100"}, {"slug", "110"}, {"facility", "100"}, {"description", "500"},
        {"physical_address", "2000"}, {"shipping_address", "2000"}, {"comments", "5000"}});
    SEARCH.put("dcim_manufacturer", new String[][] {{"name", "100"}, {"slug", "110"}, {"description", "500"}});
    SEARCH.put("dcim_devicerole", new String[][] {{"name", "100"}, {"slug", "110"}, {"description", "500"}, {"comments", "5000"}});
    SEARCH.put("extras_tag", new String[][] {{"name", "100"}, {"slug", "110"}, {"description", "500"}});
    SEARCH.put("extras_customfield", new String[][] {{"name", "100"}, {"label", "110"}, {"description", "500"}, {"comments", "5000"}});
    SEARCH.put("dcim_devicetype", new String[][] {{"model", "100"}, {"part_number", "200"}, {"description", "500"}, {"comments", "5000"}});
    SEARCH.put("dcim_moduletype", new String[][] {{"model", "100"}, {"part_number", "200"}, {"description", "500"}, {"comments", "5000"}});
    SEARCH.put("dcim_device", new String[][] {{"asset_tag", "50"}, {"serial", "60"}, {"name", "100"}, {"description", "500"},
        {"comments", "5000"}});
    SEARCH.put("dcim_modulebay", new String[][] {{"name", "100"}, {"label", "200"}, {"description", "500"}});
    SEARCH.put("dcim_module", new String[][] {{"asset_tag", "50"}, {"serial", "60"}, {"description", "500"}, {"comments", "5000"}});
    SEARCH.put("dcim_interface", new String[][] {{"name", "100"}, {"label", "200"}, {"description", "500"}, {"mtu", "2000"}});
    SEARCH.put("dcim_cable", new String[][] {{"label", "100"}, {"description", "500"}, {"comments", "5000"}});
  }

  private static final String[] TAGGED_COLUMNS = {"object_id", "content_type_id", "tag_id"};
  private static final String[] DEVICE_COUNTERS = {"console_port_count", "console_server_port_count", "power_port_count",
      "power_outlet_count", "interface_count", "front_port_count", "rear_port_count", "device_bay_count", "module_bay_count",
      "inventory_item_count"};
  private static final String[] TEMPLATE_COUNTERS = {"console_port_template_count", "console_server_port_template_count",
      "power_port_template_count", "power_outlet_template_count", "interface_template_count", "front_port_template_count",
      "rear_port_template_count", "device_bay_template_count", "module_bay_template_count", "inventory_item_template_count"};

  /** One change-log entry; {@code row} set for creates, whose data is taken from the final image. */
  private static final class Change {
    final String action;
    final String table;
    final long objectId;
    final Row row;
    final String repr;
    final Long relatedDevice;
    final String pre;
    final String post;

    Change(String action, String table, long objectId, Row row, String repr, Long relatedDevice, String pre, String post) {
      this.action = action;
      this.table = table;
      this.objectId = objectId;
      this.row = row;
      this.repr = repr;
      this.relatedDevice = relatedDevice;
      this.pre = pre;
      this.post = post;
    }
  }

  /** One interface template of a device or module type. */
  private static final class Template {
    final Map<String, Object> cols;

    Template(Map<String, Object> cols) {
      this.cols = cols;
    }
  }

  private final Db db;
  private final Dialect dialect;
  private final Map<String, Integer> contentTypes;
  private final String planId;
  private final OffsetDateTime now;
  private final UUID requestId;

  private final Map<String, Map<Long, Row>> rows = new HashMap<>();
  private final List<Row> created = new ArrayList<>();
  private final Set<Row> updatedExisting = new java.util.LinkedHashSet<>();
  private final List<Change> changes = new ArrayList<>();
  private final Map<String, Long> ownedIds = new HashMap<>();
  private final Map<ObjectKind, Map<String, Long>> refIds = new java.util.EnumMap<>(ObjectKind.class);
  private final Map<String, Object[]> customFields = new HashMap<>();
  private final Map<String, Long> tagIds = new HashMap<>();
  private final Map<Long, List<String>> tagsOf = new HashMap<>();
  private final Map<Long, List<Template>> deviceTypeTemplates = new HashMap<>();
  private final Map<Long, Map<String, Long>> deviceNames = new HashMap<>();
  private final Map<Long, Map<String, Row>> interfacesByDevice = new HashMap<>();
  private final Map<Long, long[]> counterDeltas = new HashMap<>();
  private final Map<String, Row> newBays = new HashMap<>();
  /** Rows to delete, by table, written at the start of {@link #finish} (after every read of them). */
  private final Map<String, List<Long>> deletes = new LinkedHashMap<>();
  /** Tag and search-cache rows of deleted objects, by content type. */
  private final Map<Integer, List<Long>> deletedObjects = new LinkedHashMap<>();
  private final Map<Long, Map<String, Long>> cableEndsCache = new HashMap<>();
  private final Map<Long, List<Object[]>> ipsByInterface = new HashMap<>();
  private final Set<Long> childrenLoaded = new HashSet<>();
  private final Map<Long, Row> moduleInBay = new HashMap<>();
  private final Map<String, long[]> idPool = new HashMap<>();
  private final Map<String, Integer> idPoolNext = new HashMap<>();
  private Integer nextRoleTree;
  private Integer nextBayTree;

  Applier(Db db, Map<String, Integer> contentTypes, String planId, OffsetDateTime now) {
    this.db = db;
    this.dialect = db.dialect;
    this.contentTypes = contentTypes;
    this.planId = planId;
    this.now = now;
    this.requestId = UUID.randomUUID();
  }

  String requestId() {
    return requestId.toString();
  }

  // ---- preparation ---------------------------------------------------------------------------

  /** Bulk reads and id allocation for the whole change set, before any operation runs. */
  void prepare(List<Operation> ops) throws SQLException {
    loadTagsAndCustomFields();
    Map<String, Set<Long>> byId = new HashMap<>();
    Set<ObjectKey> createdKeys = new HashSet<>();
    Map<ObjectKind, Set<String>> wanted = new java.util.EnumMap<>(ObjectKind.class);
    for (Operation op : ops) {
      op.netboxId().ifPresent(id -> byId.computeIfAbsent(Vocab.table(op.kind()), t -> new HashSet<>()).add(id));
      if (op.action() == Action.CREATE) {
        createdKeys.add(op.key());
      }
      for (Object v : op.after().values()) {
        if (v instanceof Ref && !((Ref) v).key().isReference()) {
          ObjectKey k = ((Ref) v).key();
          wanted.computeIfAbsent(k.kind(), x -> new HashSet<>()).add(k.toString());
        }
      }
    }
    Set<String> createdText = new HashSet<>();
    createdKeys.forEach(k -> createdText.add(k.toString()));
    for (Map.Entry<ObjectKind, Set<String>> e : wanted.entrySet()) {
      Set<String> missing = new HashSet<>();
      for (String k : e.getValue()) {
        if (!createdText.contains(k)) {
          missing.add(k);
        }
      }
      if (!missing.isEmpty()) {
        loadOwnedIds(e.getKey(), missing);
      }
    }
    for (Map.Entry<String, Set<Long>> e : byId.entrySet()) {
      loadRows(e.getKey(), e.getValue());
    }
    // Devices that get interfaces, bays or modules, and interfaces that get cables.
    Set<Long> devices = new HashSet<>();
    Set<Long> interfaces = new HashSet<>();
    for (Operation op : ops) {
      if (op.action() != Action.CREATE) {
        continue;
      }
      Object d = op.after().get(Fields.DEVICE);
      if (d instanceof Ref && ownedIds.containsKey(((Ref) d).key().toString())) {
        devices.add(ownedIds.get(((Ref) d).key().toString()));
      }
      for (String end : List.of(Fields.A_END, Fields.B_END)) {
        Object v = op.after().get(end);
        if (v instanceof Ref && ownedIds.containsKey(((Ref) v).key().toString())) {
          interfaces.add(ownedIds.get(((Ref) v).key().toString()));
        }
      }
    }
    loadRows("dcim_device", devices);
    loadInterfacesOf(devices);
    loadRows("dcim_interface", interfaces);
    prefetchDeletes(ops);
    prefetchTags();
    allocate(ops, createdKeys);
  }

  /** What deletes will read: cable ends and their interfaces, devices' components, IP addresses on doomed interfaces. */
  private void prefetchDeletes(List<Operation> ops) throws SQLException {
    List<Long> cables = new ArrayList<>();
    List<Long> devices = new ArrayList<>();
    List<Long> interfaces = new ArrayList<>();
    for (Operation op : ops) {
      if (op.action() != Action.DELETE) {
        continue;
      }
      long id = op.netboxId().getAsLong();
      switch (op.kind()) {
        case CABLE:
          cables.add(id);
          break;
        case DEVICE:
          devices.add(id);
          break;
        case INTERFACE:
          interfaces.add(id);
          break;
        default:
          break;
      }
    }
    if (!cables.isEmpty()) {
      loadCableEnds(cables);
      Set<Long> ends = new HashSet<>();
      cableEndsCache.values().forEach(m -> ends.addAll(m.values()));
      loadRows("dcim_interface", ends);
    }
    if (!devices.isEmpty()) {
      loadInterfacesOf(devices);
      for (String table : List.of("dcim_module", "dcim_modulebay")) {
        List<Long> ids = new ArrayList<>();
        db.queryIn("SELECT id FROM " + table + " WHERE device_id IN IN_LIST", List.of(), devices, rs -> ids.add(rs.getLong(1)));
        loadRows(table, ids);
      }
      childrenLoaded.addAll(devices);
      for (Long d : devices) {
        interfaces.addAll(interfacesByDevice.get(d).values().stream().map(r -> r.id).collect(java.util.stream.Collectors.toList()));
      }
    }
    if (!interfaces.isEmpty()) {
      loadIps(interfaces);
    }
  }

  private void allocate(List<Operation> ops, Set<ObjectKey> createdKeys) throws SQLException {
    Map<String, Integer> need = new HashMap<>();
    Map<String, Set<String>> templateNamesByDeviceKey = new HashMap<>();
    Map<String, Set<String>> newTypeTemplates = new HashMap<>();
    for (Operation op : ops) {
      if (op.action() == Action.CREATE && op.kind() == ObjectKind.DEVICE_TYPE) {
        Set<String> names = new HashSet<>();
        Object text = op.after().get(Fields.INTERFACE_TEMPLATES);
        for (String line : text instanceof String ? ((String) text).split("\n") : new String[0]) {
          int eq = line.lastIndexOf('=');
          if (eq > 0) {
            names.add(line.substring(0, eq));
          }
        }
        newTypeTemplates.put(op.key().path(), names);
        need.merge("dcim_interfacetemplate", names.size(), Integer::sum);
      }
      if (op.action() != Action.CREATE || op.key().isReference()) {
        continue;
      }
      need.merge(Vocab.table(op.kind()), 1, Integer::sum);
      if (op.kind() == ObjectKind.CABLE) {
        need.merge("dcim_cabletermination", 2, Integer::sum);
        need.merge("dcim_cablepath", 2, Integer::sum);
      } else if (op.kind() == ObjectKind.DEVICE) {
        Object type = op.after().get(Fields.DEVICE_TYPE);
        if (type instanceof Ref && newTypeTemplates.containsKey(((Ref) type).key().path())) {
          Set<String> names = newTypeTemplates.get(((Ref) type).key().path());
          templateNamesByDeviceKey.put(op.key().toString(), names);
          need.merge("dcim_interface", names.size(), Integer::sum);
        } else if (type instanceof Ref) {
          Long typeId = refIdOrNull(ObjectKind.DEVICE_TYPE, ((Ref) type).key().path());
          if (typeId != null) {
            Set<String> names = new HashSet<>();
            templates(typeId).forEach(t -> names.add((String) t.cols.get("name")));
            templateNamesByDeviceKey.put(op.key().toString(), names);
            need.merge("dcim_interface", names.size(), Integer::sum);
          }
        }
      } else if (op.kind() == ObjectKind.INTERFACE) {
        Object d = op.after().get(Fields.DEVICE);
        Object name = op.after().get(Fields.NAME);
        if (d instanceof Ref && templateNamesByDeviceKey.getOrDefault(((Ref) d).key().toString(), Set.of()).contains(name)) {
          need.merge("dcim_interface", -1, Integer::sum);
        }
      }
    }
    for (Map.Entry<String, Integer> e : need.entrySet()) {
      if (e.getValue() > 0) {
        idPool.put(e.getKey(), db.allocateIds(e.getKey(), e.getValue()));
        idPoolNext.put(e.getKey(), 0);
      }
    }
  }

  private long nextId(String table) throws SQLException {
    long[] pool = idPool.get(table);
    int i = idPoolNext.getOrDefault(table, 0);
    if (pool == null || i >= pool.length) {
      return db.allocateIds(table, 1)[0];
    }
    idPoolNext.put(table, i + 1);
    return pool[i];
  }

  private void loadTagsAndCustomFields() throws SQLException {
    db.query("SELECT id, slug FROM extras_tag", List.of(), rs -> tagIds.put(rs.getString(2), rs.getLong(1)));
    Map<Long, String> cfNames = new HashMap<>();
    db.query("SELECT id, name, type FROM extras_customfield", List.of(), rs -> {
      cfNames.put(rs.getLong(1), rs.getString(2));
      customFields.put(rs.getString(2), new Object[] {rs.getString(3), new TreeSet<String>(), rs.getLong(1)});
    });
    Map<Integer, String> ctNames = new HashMap<>();
    contentTypes.forEach((name, id) -> ctNames.put(id, name));
    db.query("SELECT customfield_id, contenttype_id FROM extras_customfield_object_types", List.of(), rs -> {
      String cf = cfNames.get(rs.getLong(1));
      String ct = ctNames.get(rs.getInt(2));
      if (cf != null && ct != null) {
        @SuppressWarnings("unchecked")
        Set<String> types = (Set<String>) customFields.get(cf)[1];
        types.add(ct);
      }
    });
  }

  private void loadOwnedIds(ObjectKind kind, Set<String> keys) throws SQLException {
    String table = Vocab.table(kind);
    if (dialect == Dialect.POSTGRES) {
      db.query("SELECT id, custom_field_data->>'diet_key' FROM " + table + " WHERE " + dialect.planFilter(null),
          List.of(dialect.planParameter(planId)), rs -> {
            String key = rs.getString(2);
            if (key != null && keys.contains(key)) {
              ownedIds.put(key, rs.getLong(1));
            }
          });
      return;
    }
    db.query("SELECT id, custom_field_data FROM " + table + " WHERE " + dialect.planFilter(null),
        List.of(dialect.planParameter(planId)), rs -> {
          String key = keyOf(rs.getString(2));
          if (key != null && keys.contains(key)) {
            ownedIds.put(key, rs.getLong(1));
          }
        });
  }

  private String keyOf(String cfText) {
    try {
      CustomData cf = CustomData.parse(cfText);
      return planId.equals(cf.plan) ? cf.key : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Reads full images of existing rows into the cache (rows already cached are kept). */
  private void loadRows(String table, Collection<Long> ids) throws SQLException {
    Map<Long, Row> cache = rows.computeIfAbsent(table, t -> new HashMap<>());
    List<Long> missing = new ArrayList<>();
    for (Long id : ids) {
      if (!cache.containsKey(id)) {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    db.queryIn("SELECT * FROM " + table + " WHERE id IN IN_LIST", List.of(), missing, rs -> {
      Row r = readRow(table, rs);
      cache.putIfAbsent(r.id, r);
      indexOwned(r);
    });
  }

  private void loadInterfacesOf(Collection<Long> deviceIds) throws SQLException {
    List<Long> missing = new ArrayList<>();
    for (Long d : deviceIds) {
      if (!interfacesByDevice.containsKey(d)) {
        interfacesByDevice.put(d, new HashMap<>());
        missing.add(d);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<Long, Row> cache = rows.computeIfAbsent("dcim_interface", t -> new HashMap<>());
    db.queryIn("SELECT * FROM dcim_interface WHERE device_id IN IN_LIST", List.of(), missing, rs -> {
      Row r = readRow("dcim_interface", rs);
      Row known = cache.putIfAbsent(r.id, r);
      Row use = known == null ? r : known;
      indexOwned(use);
      if (!use.deleted) {
        interfacesByDevice.get(use.ref("device_id")).put(use.text("name"), use);
      }
    });
  }

  private void indexOwned(Row r) {
    String key = r.ownerKey();
    if (key != null && planId.equals(r.ownerPlan())) {
      ownedIds.putIfAbsent(key, r.id);
    }
  }

  private Row readRow(String table, ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    Map<String, Object> cols = new LinkedHashMap<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
      if (name.equals("name_lower")) {
        continue;
      }
      Object v;
      if (name.equals("custom_field_data")) {
        String text = rs.getString(i);
        try {
          v = text == null ? JSON.objectNode() : MAPPER.readTree(text);
        } catch (java.io.IOException e) {
          throw new SQLException("custom_field_data of " + table + " is not JSON", e);
        }
      } else {
        v = rs.getObject(i);
        if (v instanceof org.postgresql.util.PGobject) {
          v = ((org.postgresql.util.PGobject) v).getValue();
        } else if (v instanceof java.sql.Array || v instanceof Object[]) {
          v = rs.getString(i);
        } else if (v instanceof Short) {
          v = ((Short) v).intValue();
        }
      }
      cols.put(name, v);
    }
    return new Row(table, ((Number) cols.get("id")).longValue(), false, cols);
  }

  private Row row(String table, long id) throws SQLException {
    Map<Long, Row> cache = rows.computeIfAbsent(table, t -> new HashMap<>());
    Row r = cache.get(id);
    if (r == null) {
      loadRows(table, List.of(id));
      r = cache.get(id);
    }
    return r == null || r.deleted ? null : r;
  }

  private Row requireRow(ObjectKind kind, long id) throws SQLException {
    Row r = row(Vocab.table(kind), id);
    if (r == null) {
      throw new RuleViolation(kind.contentType() + " #" + id + " does not exist");
    }
    return r;
  }

  // ---- operations ----------------------------------------------------------------------------

  void execute(Operation op) throws SQLException {
    if (!op.key().isReference()) {
      if (!op.key().owner().equals(planId)) {
        throw new RuleViolation("the change set of plan " + planId + " may not touch " + op.key());
      }
      op.ownership().ifPresent(o -> {
        if (!o.planId().equals(planId) || !o.key().equals(op.key())) {
          throw new RuleViolation("the ownership mark names " + o.planId() + " " + o.key() + ", not " + op.key());
        }
      });
    }
    if (op.action() != Action.DELETE && op.action() != Action.ORPHAN) {
      writeDeletes();
    }
    switch (op.action()) {
      case CREATE:
        if (op.key().isReference()) {
          createReference(op);
        } else {
          create(op);
        }
        break;
      case UPDATE:
        if (op.key().isReference()) {
          throw new RuleViolation("DIET never modifies reference data (" + op.key() + ")");
        }
        update(op, ownedRow(op), false);
        break;
      case ADOPT:
        adopt(op);
        break;
      case ORPHAN:
        orphan(op);
        break;
      case DELETE:
        delete(ownedRow(op), op.kind());
        break;
      default:
        throw new IllegalStateException("unknown action " + op.action());
    }
  }

  private Row ownedRow(Operation op) throws SQLException {
    Row row = requireRow(op.kind(), op.netboxId().getAsLong());
    if (!op.key().toString().equals(row.ownerKey())) {
      throw new RuleViolation(describe(op.kind(), row) + " does not carry the DIET key " + op.key()
          + (row.ownerKey() == null ? " (it is not owned)" : " (it carries " + row.ownerKey() + ")"));
    }
    return row;
  }

  // ---- create --------------------------------------------------------------------------------

  private void create(Operation op) throws SQLException {
    ObjectKind kind = op.kind();
    Map<String, Object> values = values(kind, op.after(), true);
    if (kind == ObjectKind.INTERFACE) {
      long deviceId = (Long) values.get(Fields.DEVICE);
      Row existing = interfacesOf(deviceId).get((String) values.get(Fields.NAME));
      if (existing != null) {
        if (existing.ownerKey() != null) {
          throw new RuleViolation("interface '" + existing.text("name") + "' already exists on device #" + deviceId
              + " and belongs to " + existing.ownerKey());
        }
        Row before = existing.isNew ? null : existing.copy();
        applyValues(kind, existing, values, op.after().keySet());
        writeMark(existing, kind, op.ownership().orElse(null));
        addTags(existing, kind, op.addTags());
        ownedIds.put(op.key().toString(), existing.id);
        touched(kind, existing, before);
        return;
      }
    }
    Row row = Row.fresh(Vocab.table(kind), nextId(Vocab.table(kind)));
    row.cols.put("created", now);
    row.cols.put("last_updated", now);
    row.cols.put("custom_field_data", JSON.objectNode());
    switch (kind) {
      case DEVICE:
        newDevice(row, values);
        break;
      case MODULE_BAY:
        newModuleBay(row, values);
        break;
      case MODULE:
        newModule(row, values);
        break;
      case INTERFACE:
        newInterface(row, values);
        break;
      case CABLE:
        newCable(row, values);
        break;
      default:
        throw new RuleViolation("DIET does not create " + kind.contentType() + " objects this way");
    }
    writeCustom(row, kind, values);
    writeMark(row, kind, op.ownership().orElse(null));
    addTags(row, kind, op.addTags());
    rows.computeIfAbsent(row.table, t -> new HashMap<>()).put(row.id, row);
    created.add(row);
    ownedIds.put(op.key().toString(), row.id);
    changes.add(new Change("create", row.table, row.id, row, null, null, null, null));
    if (kind == ObjectKind.DEVICE) {
      instantiateTemplates(row);
    }
  }

  private void newDevice(Row row, Map<String, Object> v) throws SQLException {
    long site = (Long) v.get(Fields.SITE);
    String name = (String) v.get(Fields.NAME);
    claimDeviceName(site, name, row.id);
    Map<String, Object> c = row.cols;
    c.put("local_context_data", null);
    c.put("name", name);
    c.put("serial", v.get(Fields.SERIAL));
    c.put("asset_tag", v.get("asset_tag"));
    c.put("status", v.get(Fields.STATUS));
    c.put("comments", v.get("comments"));
    c.put("role_id", v.get(Fields.ROLE));
    c.put("device_type_id", v.get(Fields.DEVICE_TYPE));
    c.put("site_id", site);
    c.put("location_id", null);
    c.put("rack_id", null);
    c.put("description", v.get(Fields.DESCRIPTION));
    for (String counter : DEVICE_COUNTERS) {
      c.put(counter, 0L);
    }
  }

  private void claimDeviceName(long site, String name, long deviceId) throws SQLException {
    if (name == null) {
      return;
    }
    Map<String, Long> names = deviceNames(site);
    Long holder = names.get(name.toLowerCase(Locale.ROOT));
    if (holder != null && holder != deviceId) {
      throw new RuleViolation("a device named '" + name + "' already exists in site #" + site + " (#" + holder + ")");
    }
    names.put(name.toLowerCase(Locale.ROOT), deviceId);
  }

  private Map<String, Long> deviceNames(long site) throws SQLException {
    Map<String, Long> names = deviceNames.get(site);
    if (names == null) {
      Map<String, Long> loaded = new HashMap<>();
      db.query("SELECT id, name FROM dcim_device WHERE site_id = ? AND name IS NOT NULL", List.of(site), rs -> {
        Row cached = rows.getOrDefault("dcim_device", Map.of()).get(rs.getLong(1));
        if (cached == null) {
          loaded.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(1));
        }
      });
      for (Row cached : rows.getOrDefault("dcim_device", Map.of()).values()) {
        if (!cached.deleted && cached.text("name") != null && Long.valueOf(site).equals(cached.ref("site_id"))) {
          loaded.put(cached.text("name").toLowerCase(Locale.ROOT), cached.id);
        }
      }
      names = loaded;
      deviceNames.put(site, names);
    }
    return names;
  }

  private void instantiateTemplates(Row device) throws SQLException {
    Map<String, Row> byName = new HashMap<>();
    interfacesByDevice.put(device.id, byName);
    List<Template> templates = templates(device.ref("device_type_id"));
    for (Template t : templates) {
      Row iface = Row.fresh("dcim_interface", nextId("dcim_interface"));
      iface.cols.put("created", now);
      iface.cols.put("last_updated", now);
      iface.cols.put("custom_field_data", JSON.objectNode());
      Map<String, Object> v = new HashMap<>();
      v.put(Fields.DEVICE, device.id);
      v.put(Fields.MODULE, null);
      v.put(Fields.NAME, t.cols.get("name"));
      v.put(Fields.TYPE, t.cols.get("type"));
      v.put(Fields.ENABLED, t.cols.get("enabled"));
      v.put(Fields.LABEL, t.cols.get("label"));
      v.put("mtu", null);
      v.put(Fields.DESCRIPTION, t.cols.get("description"));
      fillInterface(iface, v, device);
      iface.cols.put("mgmt_only", t.cols.get("mgmt_only"));
      iface.cols.put("poe_mode", t.cols.get("poe_mode"));
      iface.cols.put("poe_type", t.cols.get("poe_type"));
      iface.cols.put("rf_role", t.cols.get("rf_role"));
      rows.computeIfAbsent("dcim_interface", x -> new HashMap<>()).put(iface.id, iface);
      created.add(iface);
      byName.put((String) t.cols.get("name"), iface);
      changes.add(new Change("create", "dcim_interface", iface.id, iface, null, device.id, null, null));
    }
    device.cols.put("interface_count", (long) templates.size());
  }

  private List<Template> templates(long deviceTypeId) throws SQLException {
    List<Template> list = deviceTypeTemplates.get(deviceTypeId);
    if (list == null) {
      List<Template> loaded = new ArrayList<>();
      db.query("SELECT name, type, label, description, mgmt_only, enabled, poe_mode, poe_type, rf_role FROM dcim_interfacetemplate "
          + "WHERE device_type_id = ? ORDER BY id", List.of(deviceTypeId), rs -> {
            Map<String, Object> c = new HashMap<>();
            c.put("name", rs.getString(1));
            c.put("type", rs.getString(2));
            c.put("label", rs.getString(3));
            c.put("description", rs.getString(4));
            c.put("mgmt_only", rs.getBoolean(5));
            c.put("enabled", rs.getBoolean(6));
            c.put("poe_mode", rs.getString(7));
            c.put("poe_type", rs.getString(8));
            c.put("rf_role", rs.getString(9));
            loaded.add(new Template(c));
          });
      list = loaded;
      deviceTypeTemplates.put(deviceTypeId, list);
    }
    return list;
  }

  private Map<String, Row> interfacesOf(long deviceId) throws SQLException {
    if (!interfacesByDevice.containsKey(deviceId)) {
      loadInterfacesOf(List.of(deviceId));
    }
    return interfacesByDevice.get(deviceId);
  }

  private void newInterface(Row row, Map<String, Object> v) throws SQLException {
    long deviceId = (Long) v.get(Fields.DEVICE);
    Row device = requireRow(ObjectKind.DEVICE, deviceId);
    fillInterface(row, v, device);
    row.cols.put("mgmt_only", false);
    row.cols.put("poe_mode", null);
    row.cols.put("poe_type", null);
    row.cols.put("rf_role", null);
    interfacesOf(deviceId).put((String) v.get(Fields.NAME), row);
    count(device, "interface_count", 1);
  }

  private void fillInterface(Row row, Map<String, Object> v, Row device) {
    Map<String, Object> c = row.cols;
    c.put("name", v.get(Fields.NAME));
    c.put("label", v.get(Fields.LABEL));
    c.put("description", v.get(Fields.DESCRIPTION));
    c.put("mark_connected", false);
    c.put("enabled", v.get(Fields.ENABLED));
    c.put("mtu", v.get("mtu"));
    c.put("mode", null);
    c.put("_name", Naturalize.interfaceName((String) v.get(Fields.NAME), 100));
    c.put("type", v.get(Fields.TYPE));
    c.put("_path_id", null);
    c.put("cable_id", null);
    c.put("cable_end", null);
    c.put("device_id", device.id);
    c.put("module_id", v.get(Fields.MODULE));
    c.put("_site_id", device.get("site_id"));
    c.put("_location_id", device.get("location_id"));
    c.put("_rack_id", device.get("rack_id"));
  }

  private void count(Row device, String counter, long delta) {
    if (device.isNew) {
      device.cols.put(counter, ((Number) device.cols.get(counter)).longValue() + delta);
    } else {
      long[] d = counterDeltas.computeIfAbsent(device.id, x -> new long[2]);
      d[counter.equals("interface_count") ? 0 : 1] += delta;
    }
  }

  private void newModuleBay(Row row, Map<String, Object> v) throws SQLException {
    long deviceId = (Long) v.get(Fields.DEVICE);
    Row device = requireRow(ObjectKind.DEVICE, deviceId);
    String name = (String) v.get(Fields.NAME);
    Row same = newBays.get(deviceId + "/" + name);
    if (same != null && !same.deleted) {
      throw new RuleViolation("module bay '" + name + "' already exists on device #" + deviceId);
    }
    newBays.put(deviceId + "/" + name, row);
    if (!device.isNew) {
      Long clash = db.queryLong("SELECT id FROM dcim_modulebay WHERE device_id = ? AND module_id IS NULL AND name = ?", deviceId, name);
      if (clash != null && row(Vocab.table(ObjectKind.MODULE_BAY), clash) != null && !row(Vocab.table(ObjectKind.MODULE_BAY), clash).deleted) {
        throw new RuleViolation("module bay '" + name + "' already exists on device #" + deviceId);
      }
    }
    if (nextBayTree == null) {
      Long max = db.queryLong("SELECT MAX(tree_id) FROM dcim_modulebay");
      nextBayTree = max == null ? 1 : max.intValue() + 1;
    }
    Map<String, Object> c = row.cols;
    c.put("name", name);
    c.put("label", v.get(Fields.LABEL));
    c.put("position", v.get("position"));
    c.put("description", v.get(Fields.DESCRIPTION));
    c.put("device_id", deviceId);
    c.put("module_id", null);
    c.put("parent_id", null);
    c.put("level", 0);
    c.put("lft", 1);
    c.put("rght", 2);
    c.put("tree_id", nextBayTree++);
    c.put("_site_id", device.get("site_id"));
    c.put("_location_id", device.get("location_id"));
    c.put("_rack_id", device.get("rack_id"));
    count(device, "module_bay_count", 1);
  }

  private void newModule(Row row, Map<String, Object> v) throws SQLException {
    long deviceId = (Long) v.get(Fields.DEVICE);
    long bayId = (Long) v.get(Fields.MODULE_BAY);
    checkModulePlacement(deviceId, bayId, row.id);
    Map<String, Object> c = row.cols;
    c.put("local_context_data", null);
    c.put("serial", v.get(Fields.SERIAL));
    c.put("asset_tag", v.get("asset_tag"));
    c.put("comments", "");
    c.put("device_id", deviceId);
    c.put("module_bay_id", bayId);
    moduleInBay.put(bayId, row);
    c.put("module_type_id", v.get(Fields.MODULE_TYPE));
    c.put("description", v.get(Fields.DESCRIPTION));
    c.put("status", v.get(Fields.STATUS));
  }

  private void checkModulePlacement(long deviceId, long bayId, long moduleId) throws SQLException {
    Row bay = requireRow(ObjectKind.MODULE_BAY, bayId);
    if (!Long.valueOf(deviceId).equals(bay.ref("device_id"))) {
      throw new RuleViolation("module bay #" + bayId + " belongs to device #" + bay.ref("device_id") + ", not to the module's device #"
          + deviceId);
    }
    Row holderRow = moduleInBay.get(bayId);
    if (holderRow != null && !holderRow.deleted && holderRow.id != moduleId && Long.valueOf(bayId).equals(holderRow.ref("module_bay_id"))) {
      throw new RuleViolation("module bay #" + bayId + " already holds module #" + holderRow.id);
    }
    if (!bay.isNew) {
      Long holder = db.queryLong("SELECT id FROM dcim_module WHERE module_bay_id = ?", bayId);
      if (holder != null && holder != moduleId) {
        Row m = row("dcim_module", holder);
        if (m != null && Long.valueOf(bayId).equals(m.ref("module_bay_id"))) {
          throw new RuleViolation("module bay #" + bayId + " already holds module #" + holder);
        }
      }
    }
  }

  private void newCable(Row row, Map<String, Object> v) throws SQLException {
    long a = (Long) v.get(Fields.A_END);
    long b = (Long) v.get(Fields.B_END);
    Map<String, Object> c = row.cols;
    String type = (String) v.get(Fields.TYPE);
    c.put("type", type == null || type.isEmpty() ? null : type);
    c.put("status", v.get(Fields.STATUS));
    c.put("label", v.get(Fields.LABEL));
    c.put("color", v.get(Fields.COLOR));
    Integer length = (Integer) v.get("length");
    c.put("length", length == null ? null : BigDecimal.valueOf(length));
    c.put("length_unit", length == null ? null : "m");
    c.put("_abs_length", length == null ? null : BigDecimal.valueOf(length));
    c.put("tenant_id", null);
    c.put("comments", "");
    c.put("description", v.get(Fields.DESCRIPTION));
    connect(row, a, b);
  }

  private void connect(Row cable, long a, long b) throws SQLException {
    if (a == b) {
      throw new RuleViolation("a cable cannot connect interface " + interfaceLabel(a) + " to itself");
    }
    Row ia = requireRow(ObjectKind.INTERFACE, a);
    Row ib = requireRow(ObjectKind.INTERFACE, b);
    for (Row i : List.of(ia, ib)) {
      if (i.get("cable_id") != null) {
        throw new RuleViolation("interface " + interfaceLabel(i.id) + " already has cable #" + i.get("cable_id"));
      }
    }
    int ifaceCt = ct("dcim.interface");
    int cableCt = ct("dcim.cable");
    boolean active = "connected".equals(cable.text("status"));
    long pathA = nextId("dcim_cablepath");
    long pathB = nextId("dcim_cablepath");
    String nodeA = ifaceCt + ":" + a;
    String nodeB = ifaceCt + ":" + b;
    String nodeC = cableCt + ":" + cable.id;
    cablePath(pathA, nodeA, nodeC, nodeB, active);
    cablePath(pathB, nodeB, nodeC, nodeA, active);
    termination(cable.id, "A", ia, ifaceCt);
    termination(cable.id, "B", ib, ifaceCt);
    attach(ia, cable.id, "A", pathA);
    attach(ib, cable.id, "B", pathB);
  }

  private void cablePath(long id, String origin, String cable, String destination, boolean active) {
    ArrayNode path = JSON.arrayNode();
    path.addArray().add(origin);
    path.addArray().add(cable);
    path.addArray().add(destination);
    db.insert("dcim_cablepath", new String[] {"id", "_nodes", "is_active", "is_split", "path", "is_complete"},
        new Object[] {id, new Db.TextArray(origin, cable, destination), active, false, path, true});
  }

  private void termination(long cableId, String end, Row iface, int ifaceCt) throws SQLException {
    Row device = requireRow(ObjectKind.DEVICE, iface.ref("device_id"));
    db.insert("dcim_cabletermination", new String[] {"id", "cable_end", "termination_id", "cable_id", "termination_type_id",
        "_device_id", "_rack_id", "_location_id", "_site_id", "created", "last_updated"},
        new Object[] {nextId("dcim_cabletermination"), end, iface.id, cableId, ifaceCt, device.id, device.get("rack_id"),
            device.get("location_id"), device.get("site_id"), now, now});
  }

  private void attach(Row iface, Long cableId, String end, Long pathId) throws SQLException {
    Row before = iface.isNew ? null : iface.copy();
    iface.cols.put("cable_id", cableId);
    iface.cols.put("cable_end", end);
    iface.cols.put("_path_id", pathId);
    iface.cols.put("mark_connected", false);
    touched(ObjectKind.INTERFACE, iface, before);
  }

  // ---- reference data ------------------------------------------------------------------------

  private void createReference(Operation op) throws SQLException {
    ObjectKind kind = op.kind();
    Map<String, Object> v = values(kind, op.after(), true);
    String natural = op.key().path();
    if (refIdOrNull(kind, natural) != null) {
      throw new RuleViolation(kind.contentType() + " '" + natural + "' already exists");
    }
    String table = Vocab.table(kind);
    Row row = Row.fresh(table, db.allocateIds(table, 1)[0]);
    Map<String, Object> c = row.cols;
    c.put("created", now);
    c.put("last_updated", now);
    if (kind != ObjectKind.TAG && kind != ObjectKind.CUSTOM_FIELD) {
      c.put("custom_field_data", JSON.objectNode());
    }
    switch (kind) {
      case SITE:
        checkUnique(table, "name", v.get(Fields.NAME));
        c.put("name", v.get(Fields.NAME));
        c.put("slug", v.get(Fields.SLUG));
        c.put("status", v.get(Fields.STATUS));
        c.put("facility", "");
        c.put("time_zone", null);
        c.put("description", v.get(Fields.DESCRIPTION));
        c.put("physical_address", "");
        c.put("shipping_address", "");
        c.put("comments", "");
        break;
      case MANUFACTURER:
        checkUnique(table, "name", v.get(Fields.NAME));
        c.put("name", v.get(Fields.NAME));
        c.put("slug", v.get(Fields.SLUG));
        c.put("description", v.get(Fields.DESCRIPTION));
        break;
      case DEVICE_ROLE:
        checkUnique(table, "name", v.get(Fields.NAME));
        if (nextRoleTree == null) {
          Long max = db.queryLong("SELECT MAX(tree_id) FROM dcim_devicerole");
          nextRoleTree = max == null ? 1 : max.intValue() + 1;
        }
        c.put("name", v.get(Fields.NAME));
        c.put("slug", v.get(Fields.SLUG));
        c.put("color", v.get(Fields.COLOR));
        c.put("vm_role", true);
        c.put("description", v.get(Fields.DESCRIPTION));
        c.put("level", 0);
        c.put("lft", 1);
        c.put("rght", 2);
        c.put("tree_id", nextRoleTree++);
        c.put("parent_id", null);
        c.put("comments", "");
        break;
      case TAG:
        checkUnique(table, "name", v.get(Fields.NAME));
        c.put("name", v.get(Fields.NAME));
        c.put("slug", v.get(Fields.SLUG));
        c.put("color", v.get(Fields.COLOR));
        c.put("description", v.get(Fields.DESCRIPTION));
        c.put("weight", 1000);
        tagIds.put((String) v.get(Fields.SLUG), row.id);
        break;
      case CUSTOM_FIELD:
        newCustomField(row, v);
        break;
      case DEVICE_TYPE:
        c.put("model", v.get(Fields.MODEL));
        c.put("slug", v.get(Fields.SLUG));
        c.put("part_number", "");
        c.put("u_height", BigDecimal.valueOf((Integer) v.get(Fields.U_HEIGHT)));
        c.put("is_full_depth", v.get(Fields.IS_FULL_DEPTH));
        c.put("subdevice_role", null);
        c.put("front_image", "");
        c.put("rear_image", "");
        c.put("comments", "");
        c.put("manufacturer_id", v.get(Fields.MANUFACTURER));
        c.put("airflow", null);
        c.put("description", v.get(Fields.DESCRIPTION));
        for (String counter : TEMPLATE_COUNTERS) {
          c.put(counter, 0L);
        }
        c.put("exclude_from_utilization", false);
        c.put("interface_template_count", (long) newTemplates(row, "device_type_id", (String) v.get(Fields.INTERFACE_TEMPLATES)));
        break;
      case MODULE_TYPE:
        c.put("model", v.get(Fields.MODEL));
        c.put("part_number", "");
        c.put("comments", "");
        c.put("manufacturer_id", v.get(Fields.MANUFACTURER));
        c.put("description", v.get(Fields.DESCRIPTION));
        c.put("airflow", null);
        c.put("attribute_data", null);
        c.put("profile_id", profile((String) v.get(Fields.PROFILE)));
        newTemplates(row, "module_type_id", (String) v.get(Fields.INTERFACE_TEMPLATES));
        break;
      default:
        throw new IllegalStateException(kind.toString());
    }
    refIds.get(kind).put(natural, row.id);
    created.add(row);
    rows.computeIfAbsent(table, t -> new HashMap<>()).put(row.id, row);
    if (kind != ObjectKind.CUSTOM_FIELD && kind != ObjectKind.TAG) {
      addTags(row, kind, op.addTags());
    }
    changes.add(new Change("create", table, row.id, row, null, null, null, null));
  }

  private void checkUnique(String table, String column, Object value) throws SQLException {
    if (db.queryLong("SELECT id FROM " + table + " WHERE " + column + " = ?", value) != null) {
      throw new RuleViolation(table.replace('_', '.') + " with " + column + " '" + value + "' already exists");
    }
  }

  private void newCustomField(Row row, Map<String, Object> v) throws SQLException {
    String name = (String) v.get(Fields.NAME);
    Map<String, Object> c = row.cols;
    c.put("type", v.get(Fields.CF_TYPE));
    c.put("name", name);
    c.put("label", "");
    c.put("description", v.get(Fields.DESCRIPTION));
    c.put("required", false);
    c.put("filter_logic", MARK.contains(name) ? "exact" : "loose");
    c.put("default", null);
    c.put("weight", 100);
    c.put("validation_regex", "");
    c.put("group_name", "");
    c.put("search_weight", 1000);
    c.put("is_cloneable", false);
    c.put("ui_editable", "yes");
    c.put("ui_visible", "always");
    c.put("comments", "");
    c.put("unique", false);
    Set<String> types = new TreeSet<>();
    for (String t : ((String) v.get(Fields.CF_OBJECT_TYPES)).split(",")) {
      String type = t.trim();
      if (type.isEmpty()) {
        continue;
      }
      types.add(type);
      db.insert("extras_customfield_object_types", new String[] {"id", "customfield_id", "contenttype_id"},
          new Object[] {nextId("extras_customfield_object_types"), row.id, ct(type)});
    }
    customFields.put(name, new Object[] {v.get(Fields.CF_TYPE), types, row.id});
  }

  private int newTemplates(Row type, String column, String text) throws SQLException {
    List<Template> list = new ArrayList<>();
    int n = 0;
    for (String line : text == null ? new String[0] : text.split("\n")) {
      int eq = line.lastIndexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = line.substring(0, eq);
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", nextId("dcim_interfacetemplate"));
      t.put("created", now);
      t.put("last_updated", now);
      t.put("name", name);
      t.put("label", "");
      t.put("description", "");
      t.put("_name", Naturalize.interfaceName(name, 100));
      t.put("type", line.substring(eq + 1));
      t.put("mgmt_only", false);
      t.put("device_type_id", column.equals("device_type_id") ? type.id : null);
      t.put("module_type_id", column.equals("module_type_id") ? type.id : null);
      t.put("poe_mode", null);
      t.put("poe_type", null);
      t.put("enabled", true);
      t.put("rf_role", null);
      db.insert("dcim_interfacetemplate", t.keySet().toArray(new String[0]), t.values().toArray());
      list.add(new Template(t));
      n++;
    }
    if (column.equals("device_type_id")) {
      deviceTypeTemplates.put(type.id, list);
    }
    return n;
  }

  private Long profile(String name) throws SQLException {
    if (name == null || name.isEmpty()) {
      return null;
    }
    Long id = db.queryLong("SELECT id FROM dcim_moduletypeprofile WHERE name = ?", name);
    if (id == null) {
      id = db.allocateIds("dcim_moduletypeprofile", 1)[0];
      db.exec("INSERT INTO dcim_moduletypeprofile (id, created, last_updated, custom_field_data, description, comments, name) "
          + "VALUES (?, ?, ?, " + dialect.jsonParameter() + ", '', '', ?)", id, now, now, "{}", name);
    }
    return id;
  }

  // ---- update, adopt, orphan -----------------------------------------------------------------

  private void update(Operation op, Row row, boolean adopting) throws SQLException {
    ObjectKind kind = op.kind();
    if (kind == ObjectKind.CABLE && !adopting && (op.after().containsKey(Fields.A_END) || op.after().containsKey(Fields.B_END))) {
      throw new RuleViolation("a cable's ends are not changed in place; replace the cable (delete, then create)");
    }
    Row before = row.isNew ? null : row.copy();
    Map<String, Object> values = values(kind, op.after(), false);
    if (kind == ObjectKind.CABLE) {
      values.remove(Fields.A_END);
      values.remove(Fields.B_END);
    }
    applyValues(kind, row, values, values.keySet());
    writeMark(row, kind, op.ownership().orElse(null));
    addTags(row, kind, op.addTags());
    touched(kind, row, before);
  }

  private void adopt(Operation op) throws SQLException {
    Row row = requireRow(op.kind(), op.netboxId().getAsLong());
    if (row.ownerKey() != null) {
      throw new RuleViolation(describe(op.kind(), row) + " already belongs to " + row.ownerKey() + "; only unowned objects can be adopted");
    }
    if (op.kind() == ObjectKind.CABLE) {
      Map<String, Long> ends = cableEnds(row.id);
      for (String end : List.of(Fields.A_END, Fields.B_END)) {
        Object want = op.after().get(end);
        if (want != null && !toColumn(ObjectKind.CABLE, end, want).equals(ends.get(end))) {
          throw new RuleViolation("a cable can only be adopted with the ends it has");
        }
      }
    }
    update(op, row, true);
    ownedIds.put(op.key().toString(), row.id);
  }

  private void orphan(Operation op) throws SQLException {
    Row row = ownedRow(op);
    Row before = row.isNew ? null : row.copy();
    MARK.forEach(row.cf()::remove);
    touched(op.kind(), row, before);
  }

  /** Applies validated values (vocabulary names) onto a row's columns. */
  private void applyValues(ObjectKind kind, Row row, Map<String, Object> values, Collection<String> names) throws SQLException {
    for (String field : names) {
      if (Fields.isCustomField(field)) {
        continue;
      }
      Vocab.Field f = Vocab.field(kind, field);
      Object v = values.get(field);
      if (f.special) {
        continue;
      }
      if (f.required && v == null) {
        throw new RuleViolation(kind.contentType() + " needs a value for " + field);
      }
      switch (kind) {
        case DEVICE:
          if (field.equals(Fields.NAME)) {
            claimDeviceName(row.ref("site_id"), (String) v, row.id);
            String old = row.text("name");
            if (old != null && !old.equalsIgnoreCase(String.valueOf(v))) {
              deviceNames(row.ref("site_id")).remove(old.toLowerCase(Locale.ROOT));
            }
          } else if (field.equals(Fields.SITE) && !v.equals(row.get("site_id"))) {
            deviceNames(row.ref("site_id")).remove(String.valueOf(row.text("name")).toLowerCase(Locale.ROOT));
            claimDeviceName((Long) v, row.text("name"), row.id);
            moveComponents(row, (Long) v);
          }
          break;
        case INTERFACE:
          if (field.equals(Fields.NAME)) {
            Map<String, Row> byName = interfacesOf(row.ref("device_id"));
            Row other = byName.get((String) v);
            if (other != null && other != row && !other.deleted) {
              throw new RuleViolation("interface '" + v + "' already exists on device #" + row.ref("device_id"));
            }
            byName.remove(row.text("name"));
            byName.put((String) v, row);
            row.cols.put("_name", Naturalize.interfaceName((String) v, 100));
          }
          break;
        default:
          break;
      }
      Object col = v;
      if (field.equals(Fields.U_HEIGHT) || field.equals("length")) {
        col = v == null ? null : BigDecimal.valueOf((Integer) v);
      } else if (kind == ObjectKind.CABLE && field.equals(Fields.TYPE) && "".equals(v)) {
        col = null;
      }
      row.cols.put(f.column, col);
    }
    if (kind == ObjectKind.MODULE && (names.contains(Fields.MODULE_BAY) || names.contains(Fields.DEVICE))) {
      checkModulePlacement(row.ref("device_id"), row.ref("module_bay_id"), row.id);
      moduleInBay.put(row.ref("module_bay_id"), row);
    }
    if (kind == ObjectKind.CABLE && names.contains(Fields.STATUS)) {
      boolean active = "connected".equals(row.text("status"));
      Map<String, Long> ends = cableEnds(row.id);
      for (Long iface : ends.values()) {
        Row i = row("dcim_interface", iface);
        if (i != null && i.get("_path_id") != null) {
          db.exec("UPDATE dcim_cablepath SET is_active = ? WHERE id = ?", active, i.ref("_path_id"));
        }
      }
    }
    writeCustom(row, kind, values);
  }

  /** A device moved to another site: its components' and cable terminations' cached site follow (as NetBox's signal does). */
  private void moveComponents(Row device, long site) throws SQLException {
    for (Row i : interfacesOf(device.id).values()) {
      i.cols.put("_site_id", site);
    }
    for (Map<Long, Row> cache : List.of(rows.getOrDefault("dcim_modulebay", Map.of()), rows.getOrDefault("dcim_interface", Map.of()))) {
      for (Row r : cache.values()) {
        if (Long.valueOf(device.id).equals(r.ref("device_id"))) {
          r.cols.put("_site_id", site);
        }
      }
    }
    if (!device.isNew) {
      db.exec("UPDATE dcim_interface SET _site_id = ? WHERE device_id = ?", site, device.id);
      db.exec("UPDATE dcim_modulebay SET _site_id = ? WHERE device_id = ?", site, device.id);
      db.exec("UPDATE dcim_cabletermination SET _site_id = ? WHERE _device_id = ?", site, device.id);
    }
  }

  /** Records that a row changed: an UPDATE and a change-log entry for existing rows; new rows are written at the end. */
  private void touched(ObjectKind kind, Row row, Row before) throws SQLException {
    if (row.isNew) {
      return;
    }
    row.cols.put("last_updated", now);
    Map<String, Object> set = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : row.cols.entrySet()) {
      Object old = before.cols.get(e.getKey());
      Object value = e.getValue();
      if (!same(old, value)) {
        set.put(e.getKey(), value);
      }
    }
    db.update(row.table, row.id, set);
    updatedExisting.add(row);
    changes.add(new Change("update", row.table, row.id, null, repr(row), related(row), snapshot(before), snapshot(row)));
  }

  private static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number && b instanceof Number) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (a instanceof OffsetDateTime || b instanceof OffsetDateTime) {
      return a.toString().equals(b.toString()) || (a instanceof OffsetDateTime && b instanceof OffsetDateTime && ((OffsetDateTime) a).isEqual((OffsetDateTime) b));
    }
    return a.equals(b);
  }

  // ---- delete --------------------------------------------------------------------------------

  private void delete(Row row, ObjectKind kind) throws SQLException {
    switch (kind) {
      case CABLE:
        disconnect(row);
        deletes.computeIfAbsent("dcim_cabletermination#cable_id", x -> new ArrayList<>()).add(row.id);
        break;
      case INTERFACE:
        requireNoCable(row);
        break;
      case MODULE:
      case MODULE_BAY:
      case DEVICE:
        List<Row> parts = dependents(row, kind);
        for (Row p : parts) {
          if (p.table.equals("dcim_interface")) {
            requireNoCable(p);
          }
        }
        for (Row p : parts) {
          drop(p);
        }
        break;
      default:
        throw new RuleViolation("DIET never deletes " + kind.contentType() + " objects");
    }
    drop(row);
  }

  private void requireNoCable(Row iface) throws SQLException {
    if (iface.get("cable_id") != null) {
      throw new RuleViolation("interface " + interfaceLabel(iface.id) + " still has cable #" + iface.get("cable_id")
          + "; delete the cable first");
    }
  }

  private List<Row> dependents(Row row, ObjectKind kind) throws SQLException {
    List<Row> out = new ArrayList<>();
    if (kind == ObjectKind.DEVICE) {
      out.addAll(interfacesOf(row.id).values());
      out.addAll(childRows("dcim_module", "device_id", row.id));
      out.addAll(childRows("dcim_modulebay", "device_id", row.id));
    } else if (kind == ObjectKind.MODULE_BAY) {
      for (Row m : childRows("dcim_module", "module_bay_id", row.id)) {
        out.addAll(dependents(m, ObjectKind.MODULE));
        out.add(m);
      }
    } else if (kind == ObjectKind.MODULE) {
      for (Row i : interfacesOf(row.ref("device_id")).values()) {
        if (Long.valueOf(row.id).equals(i.ref("module_id"))) {
          out.add(i);
        }
      }
    }
    return out;
  }

  private List<Row> childRows(String table, String column, long parent) throws SQLException {
    if (!(column.equals("device_id") && childrenLoaded.contains(parent))) {
      List<Long> ids = new ArrayList<>();
      db.query("SELECT id FROM " + table + " WHERE " + column + " = ?", List.of(parent), rs -> ids.add(rs.getLong(1)));
      loadRows(table, ids);
    }
    List<Row> out = new ArrayList<>();
    for (Row r : rows.getOrDefault(table, Map.of()).values()) {
      if (!r.deleted && Long.valueOf(parent).equals(r.ref(column))) {
        out.add(r);
      }
    }
    out.sort((a, b) -> Long.compare(a.id, b.id));
    return out;
  }

  private void drop(Row row) throws SQLException {
    if (row.deleted) {
      return;
    }
    int ct = ctOfTable(row.table);
    if (row.table.equals("dcim_interface")) {
      if (!ipsByInterface.containsKey(row.id)) {
        loadIps(List.of(row.id));
      }
      int ipCt = ct("ipam.ipaddress");
      for (Object[] ip : ipsByInterface.getOrDefault(row.id, List.of())) {
        deletedObjects.computeIfAbsent(ipCt, x -> new ArrayList<>()).add((Long) ip[0]);
        deletes.computeIfAbsent("ipam_ipaddress", x -> new ArrayList<>()).add((Long) ip[0]);
        changes.add(new Change("delete", "ipam_ipaddress", (Long) ip[0], null, (String) ip[1], null, null, null));
      }
      Map<String, Row> byName = interfacesByDevice.get(row.ref("device_id"));
      if (byName != null && byName.get(row.text("name")) == row) {
        byName.remove(row.text("name"));
      }
      Row device = row("dcim_device", row.ref("device_id"));
      if (device != null && !device.deleted) {
        count(device, "interface_count", -1);
      }
    } else if (row.table.equals("dcim_modulebay")) {
      Row device = row("dcim_device", row.ref("device_id"));
      if (device != null && !device.deleted) {
        count(device, "module_bay_count", -1);
      }
    } else if (row.table.equals("dcim_device") && row.text("name") != null) {
      Map<String, Long> names = deviceNames.get(row.ref("site_id"));
      if (names != null) {
        names.remove(row.text("name").toLowerCase(Locale.ROOT));
      }
    }
    if (row.isNew) {
      throw new RuleViolation("cannot delete " + row.table + " #" + row.id + " created in the same apply");
    }
    row.deleted = true;
    deletedObjects.computeIfAbsent(ct, x -> new ArrayList<>()).add(row.id);
    deletes.computeIfAbsent(row.table, x -> new ArrayList<>()).add(row.id);
    updatedExisting.remove(row);
    changes.add(new Change("delete", row.table, row.id, null, repr(row), related(row), snapshot(row), null));
  }

  private void disconnect(Row cable) throws SQLException {
    Map<String, Long> ends = cableEnds(cable.id);
    for (Long id : ends.values()) {
      Row iface = row("dcim_interface", id);
      if (iface != null && Long.valueOf(cable.id).equals(iface.ref("cable_id"))) {
        Long path = iface.ref("_path_id");
        attach(iface, null, null, null);
        if (path != null) {
          deletes.computeIfAbsent("dcim_cablepath", x -> new ArrayList<>()).add(path);
        }
      }
    }
  }

  private Map<String, Long> cableEnds(long cableId) throws SQLException {
    if (!cableEndsCache.containsKey(cableId)) {
      loadCableEnds(List.of(cableId));
    }
    return cableEndsCache.get(cableId);
  }

  private void loadCableEnds(Collection<Long> cables) throws SQLException {
    for (Long c : cables) {
      cableEndsCache.put(c, new HashMap<>());
    }
    db.queryIn("SELECT cable_id, cable_end, termination_id FROM dcim_cabletermination WHERE termination_type_id = ? AND cable_id IN IN_LIST",
        List.of(ct("dcim.interface")), cables,
        rs -> cableEndsCache.get(rs.getLong(1)).put("A".equals(rs.getString(2)) ? Fields.A_END : Fields.B_END, rs.getLong(3)));
  }

  private void loadIps(Collection<Long> interfaces) throws SQLException {
    for (Long i : interfaces) {
      ipsByInterface.put(i, new ArrayList<>());
    }
    db.queryIn("SELECT id, address, assigned_object_id FROM ipam_ipaddress WHERE assigned_object_type_id = ? AND assigned_object_id IN IN_LIST "
        + "ORDER BY id", List.of(ct("dcim.interface")), interfaces,
        rs -> ipsByInterface.get(rs.getLong(3)).add(new Object[] {rs.getLong(1), rs.getString(2)}));
  }

  /** Deletes collected during the operations, by table and in bulk; tags and search-cache rows first. */
  private void writeDeletes() throws SQLException {
    if (deletes.isEmpty() && deletedObjects.isEmpty()) {
      return;
    }
    for (Map.Entry<Integer, List<Long>> e : deletedObjects.entrySet()) {
      db.queryIn("DELETE FROM extras_taggeditem WHERE content_type_id = ? AND object_id IN IN_LIST", List.of(e.getKey()), e.getValue(), null);
      db.queryIn("DELETE FROM extras_cachedvalue WHERE object_type_id = ? AND object_id IN IN_LIST", List.of(e.getKey()), e.getValue(), null);
    }
    for (Map.Entry<String, List<Long>> e : deletes.entrySet()) {
      String table = e.getKey();
      String column = "id";
      int hash = table.indexOf('#');
      if (hash > 0) {
        column = table.substring(hash + 1);
        table = table.substring(0, hash);
      }
      db.queryIn("DELETE FROM " + table + " WHERE " + column + " IN IN_LIST", List.of(), e.getValue(), null);
    }
    deletes.clear();
    deletedObjects.clear();
  }

  // ---- values --------------------------------------------------------------------------------

  /**
   * The operation's values checked against the vocabulary, references resolved to ids; with
   * {@code defaults}, every field of the kind is present (NetBox's value where unset).
   */
  private Map<String, Object> values(ObjectKind kind, Map<String, Object> after, boolean defaults) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    if (defaults) {
      for (Vocab.Field f : Vocab.fields(kind).values()) {
        out.put(f.name, f.defaultValue);
      }
    }
    for (Map.Entry<String, Object> e : after.entrySet()) {
      if (Fields.isCustomField(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      } else {
        out.put(e.getKey(), toColumn(kind, e.getKey(), e.getValue()));
      }
    }
    if (defaults) {
      for (Vocab.Field f : Vocab.fields(kind).values()) {
        if (f.required && out.get(f.name) == null) {
          throw new RuleViolation(kind.contentType() + " needs a value for " + f.name);
        }
      }
    }
    return out;
  }

  private Object toColumn(ObjectKind kind, String field, Object value) throws SQLException {
    Vocab.Field f = Vocab.field(kind, field);
    if (f == null) {
      throw new RuleViolation(kind.contentType() + " has no field '" + field + "'");
    }
    if (value == null) {
      return null;
    }
    switch (f.type) {
      case TEXT:
        return expect(kind, field, value, String.class);
      case INTEGER:
        return expect(kind, field, value, Integer.class);
      case BOOLEAN:
        return expect(kind, field, value, Boolean.class);
      case REF:
        if (value instanceof Ref) {
          return resolve(f.target, (Ref) value);
        }
        if (value instanceof Long || value instanceof Integer) {
          long id = ((Number) value).longValue();
          requireRow(f.target, id);
          return id;
        }
        throw new RuleViolation(kind.contentType() + "." + field + " must refer to a " + f.target.wire() + ", got " + value);
      default:
        throw new IllegalStateException();
    }
  }

  private static Object expect(ObjectKind kind, String field, Object value, Class<?> type) {
    if (!type.isInstance(value)) {
      throw new RuleViolation(kind.contentType() + "." + field + " must be a " + type.getSimpleName() + ", got " + value);
    }
    return value;
  }

  private long resolve(ObjectKind expected, Ref ref) throws SQLException {
    ObjectKey key = ref.key();
    if (key.kind() != expected) {
      throw new RuleViolation("expected a reference to a " + expected.wire() + ", got " + key);
    }
    Long id = key.isReference() ? refIdOrNull(key.kind(), key.path()) : ownedIds.get(key.toString());
    if (id == null || (!key.isReference() && row(Vocab.table(key.kind()), id) == null)) {
      throw new RuleViolation(key + " does not exist in NetBox");
    }
    return id;
  }

  private Long refIdOrNull(ObjectKind kind, String natural) throws SQLException {
    Map<String, Long> m = refIds.get(kind);
    if (m == null) {
      Map<String, Long> loaded = new HashMap<>();
      refIds.put(kind, loaded);
      switch (kind) {
        case CUSTOM_FIELD:
          db.query("SELECT id, name FROM extras_customfield", List.of(), rs -> loaded.put(rs.getString(2), rs.getLong(1)));
          break;
        case MODULE_TYPE:
          db.query("SELECT t.id, m.slug, t.model FROM dcim_moduletype t JOIN dcim_manufacturer m ON m.id = t.manufacturer_id", List.of(),
              rs -> loaded.put(rs.getString(2) + "/" + rs.getString(3), rs.getLong(1)));
          break;
        default:
          db.query("SELECT id, slug FROM " + Vocab.table(kind), List.of(), rs -> loaded.put(rs.getString(2), rs.getLong(1)));
      }
      m = loaded;
    }
    return m.get(natural);
  }

  private void writeCustom(Row row, ObjectKind kind, Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (Fields.isCustomField(e.getKey())) {
        writeCustomField(row, kind, e.getKey().substring(Fields.CUSTOM_FIELD_PREFIX.length()), e.getValue());
      }
    }
  }

  private void writeCustomField(Row row, ObjectKind kind, String name, Object value) {
    Object[] def = customFields.get(name);
    if (def == null) {
      throw new RuleViolation("custom field '" + name + "' is not defined");
    }
    @SuppressWarnings("unchecked")
    Set<String> types = (Set<String>) def[1];
    if (!types.contains(kind.contentType())) {
      throw new RuleViolation("custom field '" + name + "' is not defined for " + kind.contentType());
    }
    if (value != null) {
      String type = (String) def[0];
      if (("integer".equals(type) && !(value instanceof Integer)) || ("text".equals(type) && !(value instanceof String))) {
        throw new RuleViolation("custom field '" + name + "' holds " + type + " values, got " + value);
      }
      if (value instanceof Ref) {
        throw new RuleViolation("custom field '" + name + "' cannot hold a reference");
      }
    }
    row.cf().set(name, OwnershipCodec.valueNode(value));
  }

  private void writeMark(Row row, ObjectKind kind, Ownership ownership) {
    if (ownership == null) {
      throw new RuleViolation(describe(kind, row) + " needs an ownership mark");
    }
    writeCustomField(row, kind, OwnershipFields.PLAN, ownership.planId());
    writeCustomField(row, kind, OwnershipFields.KEY, ownership.key().toString());
    checkDefined(kind, OwnershipFields.STATE);
    row.cf().set(OwnershipFields.STATE, OwnershipCodec.toNode(ownership));
  }

  private void checkDefined(ObjectKind kind, String name) {
    Object[] def = customFields.get(name);
    @SuppressWarnings("unchecked")
    Set<String> types = def == null ? Set.of() : (Set<String>) def[1];
    if (def == null) {
      throw new RuleViolation("custom field '" + name + "' is not defined");
    }
    if (!types.contains(kind.contentType())) {
      throw new RuleViolation("custom field '" + name + "' is not defined for " + kind.contentType());
    }
  }

  private void addTags(Row row, ObjectKind kind, Set<String> tags) throws SQLException {
    if (tags.isEmpty()) {
      return;
    }
    int ct = ct(kind.contentType());
    List<String> have = tagsOf(row, ct);
    for (String slug : tags) {
      Long tag = tagIds.get(slug);
      if (tag == null) {
        throw new RuleViolation("tag '" + slug + "' does not exist");
      }
      if (!have.contains(slug)) {
        have.add(slug);
        db.insert("extras_taggeditem", TAGGED_COLUMNS, new Object[] {row.id, ct, tag});
      }
    }
  }

  /** Tags of every existing row read so far, in one query per table (adoptions and change-log entries need them). */
  private void prefetchTags() throws SQLException {
    for (Map.Entry<String, Map<Long, Row>> e : rows.entrySet()) {
      String table = e.getKey();
      List<Long> ids = new ArrayList<>();
      for (Row r : e.getValue().values()) {
        if (!r.isNew && !tagsOf.containsKey(key(r))) {
          ids.add(r.id);
          tagsOf.put(key(r), new ArrayList<>());
        }
      }
      if (ids.isEmpty()) {
        continue;
      }
      int ct = ctOfTable(table);
      long shifted = (long) ct << 40;
      db.queryIn("SELECT ti.object_id, t.slug FROM extras_taggeditem ti JOIN extras_tag t ON t.id = ti.tag_id "
          + "WHERE ti.content_type_id = ? AND ti.object_id IN IN_LIST ORDER BY ti.id", List.of(ct), ids,
          rs -> tagsOf.get(shifted ^ rs.getLong(1)).add(rs.getString(2)));
    }
  }

  private List<String> tagsOf(Row row, int ct) throws SQLException {
    List<String> have = tagsOf.get(key(row));
    if (have == null) {
      List<String> loaded = new ArrayList<>();
      if (!row.isNew) {
        db.query("SELECT t.slug FROM extras_taggeditem ti JOIN extras_tag t ON t.id = ti.tag_id WHERE ti.content_type_id = ? AND ti.object_id = ?",
            List.of(ct, row.id), rs -> loaded.add(rs.getString(1)));
      }
      have = loaded;
      tagsOf.put(key(row), have);
    }
    return have;
  }

  private long key(Row row) {
    return ((long) ctOfTable(row.table) << 40) ^ row.id;
  }

  // ---- finishing -----------------------------------------------------------------------------

  /** Writes counters, new rows, search cache, tags and the change log; then the caller commits. */
  void finish(java.util.function.Consumer<String> afterTable) throws SQLException {
    writeDeletes();
    for (Map.Entry<Long, long[]> e : counterDeltas.entrySet()) {
      Row device = row("dcim_device", e.getKey());
      if (device == null || device.deleted) {
        continue;
      }
      db.exec("UPDATE dcim_device SET interface_count = interface_count + ?, module_bay_count = module_bay_count + ? WHERE id = ?",
          e.getValue()[0], e.getValue()[1], e.getKey());
    }
    Map<String, List<Row>> createdByTable = new LinkedHashMap<>();
    for (Row r : created) {
      if (!r.deleted) {
        createdByTable.computeIfAbsent(r.table, t -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<String, List<Row>> e : createdByTable.entrySet()) {
      List<Row> rows = e.getValue();
      String[] cols = rows.get(0).cols.keySet().toArray(new String[0]);
      db.insertLater(e.getKey(), cols, () -> rows.stream().map(r -> newRowValues(r, cols)).iterator());
    }
    for (Row r : updatedExisting) {
      if (!r.deleted && SEARCH.containsKey(r.table)) {
        db.exec("DELETE FROM extras_cachedvalue WHERE object_type_id = ? AND object_id = ?", ctOfTable(r.table), r.id);
      }
    }
    List<Row> cache = new ArrayList<>(created);
    cache.addAll(updatedExisting);
    String[] cvCols = {"id", "timestamp", "object_id", "field", "type", "value", "weight", "object_type_id"};
    cache.removeIf(r -> r.deleted || !SEARCH.containsKey(r.table));
    if (cache.stream().anyMatch(r -> Arrays.stream(SEARCH.get(r.table)).anyMatch(f -> r.get(f[0]) != null && !"".equals(r.get(f[0]))))) {
      db.insertLater("extras_cachedvalue", cvCols, () -> cache.stream().flatMap(r -> {
        int ct = ctOfTable(r.table);
        return Arrays.stream(SEARCH.get(r.table)).map(f -> {
          Object v = r.get(f[0]);
          if (v == null || "".equals(v)) {
            return null;
          }
          String type = v instanceof Number ? "int" : "str";
          return new Object[] {randomUuid(), now, r.id, f[0], type, v.toString(), Integer.parseInt(f[1]), ct};
        }).filter(java.util.Objects::nonNull);
      }).iterator());
    }
    String[] ocCols = {"time", "user_name", "request_id", "action", "changed_object_id", "related_object_id", "object_repr",
        "prechange_data", "postchange_data", "changed_object_type_id", "related_object_type_id", "user_id", "message"};
    int deviceCt = ct("dcim.device");
    if (changes.stream().anyMatch(c -> c.row == null || !c.row.deleted)) {
      db.insertLater("core_objectchange", ocCols, () -> changes.stream().filter(c -> c.row == null || !c.row.deleted).map(c -> {
        String repr = c.row != null ? repr(c.row) : c.repr;
        Long related = c.row != null ? related(c.row) : c.relatedDevice;
        return new Object[] {now, "diet", requestId, c.action, c.objectId, related,
            truncate(repr == null ? "#" + c.objectId : repr, 200), json(c.pre), c.row != null ? json(snapshot(c.row)) : json(c.post),
            ctOfTable(c.table), related == null ? null : deviceCt, null, ""};
      }).iterator());
    }
    db.flushInserts(afterTable);
  }

  /** A new row's values in {@code cols} order, its custom fields as JSON text (the change log reuses it). */
  private static Object[] newRowValues(Row r, String[] cols) {
    if (r.cols.size() != cols.length) {
      throw new IllegalStateException("rows of " + r.table + " with different columns");
    }
    Object cf = r.cols.get("custom_field_data");
    if (cf instanceof ObjectNode) {
      r.cols.put("custom_field_data", new RawJson(JsonText.of((ObjectNode) cf)));
    }
    return r.cols.values().toArray();
  }

  /** A version-4 UUID from a fast generator (search-cache ids need uniqueness, not secrecy). */
  private static UUID randomUuid() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }

  private static JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    return new RawJson(text);
  }

  /** JSON text written as is (already valid JSON). */
  private static final class RawJson extends com.fasterxml.jackson.databind.node.TextNode {
    private static final long serialVersionUID = 1L;

    RawJson(String text) {
      super(text);
    }

    @Override
    public String toString() {
      return textValue();
    }
  }

  // ---- descriptions --------------------------------------------------------------------------

  private String repr(Row r) {
    switch (r.table) {
      case "dcim_device":
        return r.text("name") == null ? "device #" + r.id : r.text("name");
      case "dcim_interface":
      case "dcim_modulebay":
      case "dcim_site":
      case "dcim_manufacturer":
      case "dcim_devicerole":
      case "extras_tag":
      case "extras_customfield":
        return r.text("name");
      case "dcim_devicetype":
      case "dcim_moduletype":
        return r.text("model");
      case "dcim_module":
        return "module #" + r.id;
      case "dcim_cable":
        return r.text("label") == null || r.text("label").isEmpty() ? "#" + r.id : r.text("label");
      default:
        return "#" + r.id;
    }
  }

  private static Long related(Row r) {
    switch (r.table) {
      case "dcim_interface":
      case "dcim_modulebay":
      case "dcim_module":
        return r.ref("device_id");
      default:
        return null;
    }
  }

  /** The row as NetBox's change log serialises it: model fields, custom fields and tags. */
  private String snapshot(Row r) {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> e : r.cols.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("_") || k.equals("id")) {
        continue;
      }
      String name = k.equals("custom_field_data") ? "custom_fields" : k.endsWith("_id") ? k.substring(0, k.length() - 3) : k;
      b.append(first ? "" : ",");
      first = false;
      appendString(b, name);
      b.append(':');
      appendValue(b, e.getValue());
    }
    List<String> tags = tagsOf.get(key(r));
    b.append(first ? "" : ",").append("\"tags\":[");
    if (tags != null) {
      for (int i = 0; i < tags.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        appendString(b, tags.get(i));
      }
    }
    return b.append("]}").toString();
  }

  private void appendValue(StringBuilder b, Object v) {
    if (v instanceof OffsetDateTime) {
      b.append('"').append(db.timestamp((OffsetDateTime) v)).append('"');
    } else if (v == null) {
      b.append("null");
    } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
      b.append(v);
    } else if (v instanceof BigDecimal) {
      b.append(((BigDecimal) v).toPlainString());
    } else if (v instanceof RawJson) {
      b.append(((RawJson) v).textValue());
    } else if (v instanceof JsonNode) {
      JsonText.write(b, (JsonNode) v);
    } else {
      appendString(b, v.toString());
    }
  }

  private static void appendString(StringBuilder b, String s) {
    b.append('"');
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c != '"' && c != '\\' && c >= 0x20;
    }
    if (plain) {
      b.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  private String interfaceLabel(long id) throws SQLException {
    Row i = row("dcim_interface", id);
    if (i == null) {
      return "interface #" + id;
    }
    Row d = row("dcim_device", i.ref("device_id"));
    return (d == null || d.text("name") == null ? "device #" + i.ref("device_id") : d.text("name")) + ":" + i.text("name");
  }

  private static String describe(ObjectKind kind, Row row) {
    String name = row.text("name");
    return kind.contentType() + " #" + row.id + (name == null ? "" : " '" + name + "'");
  }

  private int ct(String contentType) {
    Integer id = contentTypes.get(contentType);
    if (id == null) {
      throw new RuleViolation("content type " + contentType + " is not known to this NetBox");
    }
    return id;
  }

  private int ctOfTable(String table) {
    int cut = table.indexOf('_');
    return ct(table.substring(0, cut) + "." + table.substring(cut + 1));
  }
}
