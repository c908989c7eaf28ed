package dev.diet.netbox.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diet.diff.Ownership;
import dev.diet.spi.BackendException;
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
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what one plan owns, in one snapshot: one query per table filtered on the {@code diet_plan}
 * custom field, tags and cable ends by sub-query, references resolved from id maps.
 */
final class Observer {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<ObjectKind> OWNABLE =
      List.of(ObjectKind.DEVICE, ObjectKind.MODULE_BAY, ObjectKind.MODULE, ObjectKind.INTERFACE, ObjectKind.CABLE);

  /** An observed row before its references are resolved. */
  private static final class Found {
    final ObjectKind kind;
    final long id;
    final Map<String, Object> fields;
    final Set<String> tags = new TreeSet<>();
    final Ownership ownership;

    Found(ObjectKind kind, long id, Map<String, Object> fields, Ownership ownership) {
      this.kind = kind;
      this.id = id;
      this.fields = fields;
      this.ownership = ownership;
    }
  }

  /** A reference by id, resolved to a key (or a foreign reference) at the end. */
  private static final class IdRef {
    final ObjectKind kind;
    final long id;

    IdRef(ObjectKind kind, long id) {
      this.kind = kind;
      this.id = id;
    }
  }

  private static final int DECODE_CHUNK = 4096;

  private final Db db;
  private final Dialect dialect;
  private final Map<String, Integer> contentTypes;
  private final String planId;
  private final String planParam;
  private final Map<ObjectKind, Map<Long, Found>> owned = new EnumMap<>(ObjectKind.class);
  private final Map<ObjectKind, Map<Long, Object>> keysById = new EnumMap<>(ObjectKind.class);
  private final Map<Long, Long> cableOf = new HashMap<>();

  Observer(Db db, Map<String, Integer> contentTypes, String planId) {
    this.db = db;
    this.dialect = db.dialect;
    this.contentTypes = contentTypes;
    this.planId = planId;
    this.planParam = dialect.planParameter(planId);
  }

  ObservedState observe(ObserveScope scope, ProgressListener listener) throws SQLException {
    listener.started(Phase.OBSERVE, "observe", OWNABLE.size());
    int step = 0;
    for (ObjectKind kind : OWNABLE) {
      owned.put(kind, new LinkedHashMap<>());
      readOwned(kind);
      readTags(kind);
      listener.progressed(Phase.OBSERVE, "observe", ++step, OWNABLE.size());
    }
    readCableEnds();
    List<ExternalReference> external = new ArrayList<>();
    externalOnInterfaces(external);
    foreignComponents(external);
    Map<ObjectKey, ObservedObject> references = references(scope);
    List<ObservedObject> collisions = collisions(scope);

    List<ObservedObject> out = new ArrayList<>();
    for (ObjectKind kind : OWNABLE) {
      for (Found f : owned.get(kind).values()) {
        out.add(toObserved(f));
      }
    }
    out.sort((a, b) -> a.ownership().get().key().compareTo(b.ownership().get().key()));
    listener.finished(Phase.OBSERVE, "observe");
    return new ObservedState(planId, out, references, collisions, external);
  }

  // ---- owned rows ----------------------------------------------------------------------------

  private static String columns(ObjectKind kind) {
    switch (kind) {
      case DEVICE:
        return "id, name, site_id, role_id, device_type_id, status, serial, asset_tag, description, comments";
      case MODULE_BAY:
        return "id, device_id, name, label, \"position\", description";
      case MODULE:
        return "id, device_id, module_bay_id, module_type_id, status, serial, asset_tag, description";
      case INTERFACE:
        return "id, device_id, module_id, name, type, enabled, label, mtu, description, cable_id";
      case CABLE:
        return "id, status, type, label, color, length, description";
      default:
        throw new IllegalArgumentException(kind.toString());
    }
  }

  /** A row as read, before its custom fields are decoded. */
  private static final class Pending {
    long id;
    Map<String, Object> fields;
    String customFields;
    Long cable;
    CustomData data;
    Ownership mark;
  }

  /**
   * Reads the plan's rows of one table; their custom-field JSON (most of observe's work) is decoded
   * in parallel every {@link #DECODE_CHUNK} rows while the rest stream in, so the text dies young
   * instead of being kept (and copied by the garbage collector) until the whole table is read.
   */
  private void readOwned(ObjectKind kind) throws SQLException {
    String table = Vocab.table(kind);
    Map<Long, Found> into = owned.get(kind);
    Map<Long, Object> keys = keysById.computeIfAbsent(kind, k -> new HashMap<>());
    List<Pending> read = new ArrayList<>();
    int[] decoded = {0};
    db.query("SELECT " + columns(kind) + ", " + dialect.jsonText("custom_field_data") + " FROM " + table + " WHERE "
        + dialect.planFilter(null), List.of(planParam), rs -> {
          Pending p = new Pending();
          p.id = rs.getLong(1);
          p.fields = fields(kind, rs);
          p.customFields = rs.getString(columnCount(rs));
          if (kind == ObjectKind.INTERFACE) {
            long cable = rs.getLong("cable_id");
            p.cable = rs.wasNull() ? null : cable;
          }
          read.add(p);
          if (read.size() - decoded[0] >= DECODE_CHUNK) {
            decodeAll(kind, read.subList(decoded[0], read.size()));
            decoded[0] = read.size();
          }
        });
    decodeAll(kind, read.subList(decoded[0], read.size()));
    for (Pending p : read) {
      if (p.mark == null) {
        continue;
      }
      p.fields.putAll(p.data.fields);
      into.put(p.id, new Found(kind, p.id, p.fields, p.mark));
      keys.put(p.id, Ref.to(p.mark.key()));
      if (p.cable != null) {
        cableOf.put(p.id, p.cable);
      }
    }
  }

  /** Decodes the custom fields of rows just read, in parallel, and drops their JSON text. */
  private void decodeAll(ObjectKind kind, List<Pending> rows) {
    String table = Vocab.table(kind);
    rows.parallelStream().forEach(p -> {
      p.data = decode(p.customFields, table);
      p.customFields = null;
      if (planId.equals(p.data.plan)) {
        p.mark = mark(kind, p.id, p.data);
      }
    });
  }

  private Map<String, Object> fields(ObjectKind kind, ResultSet rs) throws SQLException {
    Map<String, Object> f = new TreeMap<>();
    switch (kind) {
      case DEVICE:
        f.put(Fields.NAME, rs.getString("name"));
        f.put(Fields.SITE, idRef(ObjectKind.SITE, rs, "site_id"));
        f.put(Fields.ROLE, idRef(ObjectKind.DEVICE_ROLE, rs, "role_id"));
        f.put(Fields.DEVICE_TYPE, idRef(ObjectKind.DEVICE_TYPE, rs, "device_type_id"));
        f.put(Fields.STATUS, rs.getString("status"));
        f.put(Fields.SERIAL, rs.getString("serial"));
        f.put("asset_tag", rs.getString("asset_tag"));
        f.put(Fields.DESCRIPTION, rs.getString("description"));
        f.put("comments", rs.getString("comments"));
        break;
      case MODULE_BAY:
        f.put(Fields.DEVICE, idRef(ObjectKind.DEVICE, rs, "device_id"));
        f.put(Fields.NAME, rs.getString("name"));
        f.put(Fields.LABEL, rs.getString("label"));
        f.put("position", rs.getString("position"));
        f.put(Fields.DESCRIPTION, rs.getString("description"));
        break;
      case MODULE:
        f.put(Fields.DEVICE, idRef(ObjectKind.DEVICE, rs, "device_id"));
        f.put(Fields.MODULE_BAY, idRef(ObjectKind.MODULE_BAY, rs, "module_bay_id"));
        f.put(Fields.MODULE_TYPE, idRef(ObjectKind.MODULE_TYPE, rs, "module_type_id"));
        f.put(Fields.STATUS, rs.getString("status"));
        f.put(Fields.SERIAL, rs.getString("serial"));
        f.put("asset_tag", rs.getString("asset_tag"));
        f.put(Fields.DESCRIPTION, rs.getString("description"));
        break;
      case INTERFACE:
        f.put(Fields.DEVICE, idRef(ObjectKind.DEVICE, rs, "device_id"));
        f.put(Fields.MODULE, idRef(ObjectKind.MODULE, rs, "module_id"));
        f.put(Fields.NAME, rs.getString("name"));
        f.put(Fields.TYPE, rs.getString("type"));
        f.put(Fields.ENABLED, rs.getBoolean("enabled"));
        f.put(Fields.LABEL, rs.getString("label"));
        int mtu = rs.getInt("mtu");
        f.put("mtu", rs.wasNull() ? null : mtu);
        f.put(Fields.DESCRIPTION, rs.getString("description"));
        break;
      case CABLE:
        f.put(Fields.STATUS, rs.getString("status"));
        String type = rs.getString("type");
        f.put(Fields.TYPE, type == null ? "" : type);
        f.put(Fields.LABEL, rs.getString("label"));
        f.put(Fields.COLOR, rs.getString("color"));
        BigDecimal length = rs.getBigDecimal("length");
        f.put("length", length == null ? null : length.intValue());
        f.put(Fields.DESCRIPTION, rs.getString("description"));
        break;
      default:
        throw new IllegalArgumentException(kind.toString());
    }
    return f;
  }

  private static IdRef idRef(ObjectKind kind, ResultSet rs, String column) throws SQLException {
    long id = rs.getLong(column);
    return rs.wasNull() ? null : new IdRef(kind, id);
  }

  private Ownership mark(ObjectKind kind, long id, CustomData cf) {
    try {
      if (cf.key == null) {
        throw new IllegalArgumentException("custom field " + OwnershipFields.KEY + " is empty");
      }
      return cf.ownership();
    } catch (IllegalArgumentException e) {
      throw new BackendException(
          "the ownership mark of " + kind.contentType() + " #" + id + " cannot be read: " + e.getMessage(),
          "restore custom fields " + OwnershipFields.KEY + " and " + OwnershipFields.STATE + " on that object, or clear "
              + OwnershipFields.PLAN + " to release it from DIET",
          e);
    }
  }

  private void readTags(ObjectKind kind) throws SQLException {
    Map<Long, Found> rows = owned.get(kind);
    if (rows.isEmpty()) {
      return;
    }
    db.query("SELECT ti.object_id, t.slug FROM extras_taggeditem ti JOIN extras_tag t ON t.id = ti.tag_id "
        + "WHERE ti.content_type_id = ? AND ti.object_id IN (SELECT id FROM " + Vocab.table(kind) + " WHERE "
        + dialect.planFilter(null) + ")", List.of(ct(kind.contentType()), planParam), rs -> {
          Found f = rows.get(rs.getLong(1));
          if (f != null) {
            f.tags.add(rs.getString(2));
          }
        });
  }

  private void readCableEnds() throws SQLException {
    Map<Long, Found> cables = owned.get(ObjectKind.CABLE);
    if (cables.isEmpty()) {
      return;
    }
    int iface = ct("dcim.interface");
    db.query("SELECT cable_id, cable_end, termination_id, termination_type_id FROM dcim_cabletermination WHERE cable_id IN "
        + "(SELECT id FROM dcim_cable WHERE " + dialect.planFilter(null) + ")", List.of(planParam), rs -> {
          Found f = cables.get(rs.getLong(1));
          if (f != null && rs.getInt(4) == iface) {
            f.fields.put("A".equals(rs.getString(2)) ? Fields.A_END : Fields.B_END, new IdRef(ObjectKind.INTERFACE, rs.getLong(3)));
          }
        });
    for (Found f : cables.values()) {
      f.fields.putIfAbsent(Fields.A_END, null);
      f.fields.putIfAbsent(Fields.B_END, null);
    }
  }

  // ---- external references -------------------------------------------------------------------

  private void externalOnInterfaces(List<ExternalReference> out) throws SQLException {
    Map<Long, Found> interfaces = owned.get(ObjectKind.INTERFACE);
    if (interfaces.isEmpty()) {
      return;
    }
    db.query("SELECT id, address, assigned_object_id FROM ipam_ipaddress WHERE assigned_object_type_id = ? AND assigned_object_id IN "
        + "(SELECT id FROM dcim_interface WHERE " + dialect.planFilter(null) + ") ORDER BY id",
        List.of(ct("dcim.interface"), planParam), rs -> {
          Found f = interfaces.get(rs.getLong(3));
          if (f != null) {
            out.add(new ExternalReference(f.ownership.key(), "ipam.ipaddress", rs.getLong(1), "IP address " + rs.getString(2)));
          }
        });
    Map<Long, Long> foreign = new LinkedHashMap<>();
    for (Found f : interfaces.values()) {
      Long cable = cableOf.get(f.id);
      if (cable != null && !owned.get(ObjectKind.CABLE).containsKey(cable)) {
        foreign.put(f.id, cable);
      }
    }
    if (foreign.isEmpty()) {
      return;
    }
    Map<Long, Long> farEnd = farEnds(foreign);
    Map<Long, String> labels = interfaceLabels(farEnd.values());
    for (Map.Entry<Long, Long> e : foreign.entrySet()) {
      Long far = farEnd.get(e.getKey());
      out.add(new ExternalReference(interfaces.get(e.getKey()).ownership.key(), "dcim.cable", e.getValue(),
          "cable #" + e.getValue() + " to " + labels.getOrDefault(far, "interface #" + far)));
    }
  }

  /** For each interface (key) on a cable (value), the interface at the cable's other end. */
  private Map<Long, Long> farEnds(Map<Long, Long> cableByInterface) throws SQLException {
    Map<Long, List<Long>> ends = new HashMap<>();
    db.queryIn("SELECT cable_id, termination_id FROM dcim_cabletermination WHERE termination_type_id = ? AND cable_id IN IN_LIST",
        List.of(ct("dcim.interface")), new HashSet<>(cableByInterface.values()),
        rs -> ends.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>()).add(rs.getLong(2)));
    Map<Long, Long> out = new HashMap<>();
    cableByInterface.forEach((iface, cable) -> {
      for (Long t : ends.getOrDefault(cable, List.of())) {
        if (!t.equals(iface)) {
          out.put(iface, t);
        }
      }
    });
    return out;
  }

  private Map<Long, String> interfaceLabels(java.util.Collection<Long> ids) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    db.queryIn("SELECT i.id, d.name, i.name, i.device_id FROM dcim_interface i JOIN dcim_device d ON d.id = i.device_id WHERE i.id IN IN_LIST",
        List.of(), new HashSet<>(ids),
        rs -> out.put(rs.getLong(1), (rs.getString(2) == null ? "device #" + rs.getLong(4) : rs.getString(2)) + ":" + rs.getString(3)));
    return out;
  }

  private void foreignComponents(List<ExternalReference> out) throws SQLException {
    Map<Long, Found> devices = owned.get(ObjectKind.DEVICE);
    if (devices.isEmpty()) {
      return;
    }
    String ownedDevices = "(SELECT id FROM dcim_device WHERE " + dialect.planFilter(null) + ")";
    String notThisPlan = dialect.notPlanFilter(null);
    Map<Long, Set<String>> templateNames = new HashMap<>();
    db.query("SELECT t.device_type_id, t.name FROM dcim_interfacetemplate t WHERE t.device_type_id IN (SELECT device_type_id FROM "
        + "dcim_device WHERE " + dialect.planFilter(null) + ")", List.of(planParam),
        rs -> templateNames.computeIfAbsent(rs.getLong(1), x -> new HashSet<>()).add(rs.getString(2)));
    Map<Long, Long> deviceType = new HashMap<>();
    for (Found d : devices.values()) {
      deviceType.put(d.id, ((IdRef) d.fields.get(Fields.DEVICE_TYPE)).id);
    }

    List<Object[]> parts = new ArrayList<>();
    db.query("SELECT id, device_id, name, cable_id FROM dcim_interface WHERE device_id IN " + ownedDevices + " AND " + notThisPlan
        + " ORDER BY id", List.of(planParam, planParam), rs -> {
          long cable = rs.getLong(4);
          Long cableId = rs.wasNull() ? null : cable;
          parts.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), cableId});
        });
    Map<Long, Object[]> byId = new HashMap<>();
    for (Object[] p : parts) {
      byId.put((Long) p[0], p);
    }
    Map<Long, List<Object[]>> ips = new HashMap<>();
    db.query("SELECT id, address, assigned_object_id FROM ipam_ipaddress WHERE assigned_object_type_id = ? AND assigned_object_id IN "
        + "(SELECT id FROM dcim_interface WHERE device_id IN " + ownedDevices + " AND " + notThisPlan + ") ORDER BY id",
        List.of(ct("dcim.interface"), planParam, planParam),
        rs -> ips.computeIfAbsent(rs.getLong(3), x -> new ArrayList<>()).add(new Object[] {rs.getLong(1), rs.getString(2)}));
    Map<Long, Long> cabled = new LinkedHashMap<>();
    for (Object[] p : parts) {
      if (p[3] != null && !owned.get(ObjectKind.CABLE).containsKey((Long) p[3])) {
        cabled.put((Long) p[0], (Long) p[3]);
      }
    }
    Map<Long, Long> far = cabled.isEmpty() ? Map.of() : farEnds(cabled);
    Set<Long> labelIds = new HashSet<>(far.values());
    for (Object[] p : parts) {
      if (ips.containsKey((Long) p[0]) || cabled.containsKey((Long) p[0])) {
        labelIds.add((Long) p[0]);
      }
    }
    Map<Long, String> labels = interfaceLabels(labelIds);
    for (Object[] p : parts) {
      long id = (Long) p[0];
      Found device = devices.get((Long) p[1]);
      if (device == null) {
        continue;
      }
      ObjectKey key = device.ownership.key();
      String label = labels.getOrDefault(id, String.valueOf(device.fields.get(Fields.NAME)) + ":" + p[2]);
      for (Object[] ip : ips.getOrDefault(id, List.of())) {
        out.add(new ExternalReference(key, "ipam.ipaddress", (Long) ip[0], "IP address " + ip[1] + " on " + label));
      }
      Long cable = cabled.get(id);
      if (cable != null) {
        Long f = far.get(id);
        out.add(new ExternalReference(key, "dcim.cable", cable,
            "cable #" + cable + " on " + label + " to " + labels.getOrDefault(f, "interface #" + f)));
      }
      if (!templateNames.getOrDefault(deviceType.get(device.id), Set.of()).contains((String) p[2])) {
        out.add(new ExternalReference(key, "dcim.interface", id, "interface " + label + " added outside DIET"));
      }
    }
    db.query("SELECT id, device_id FROM dcim_module WHERE device_id IN " + ownedDevices + " AND " + notThisPlan + " ORDER BY id",
        List.of(planParam, planParam), rs -> {
          Found device = devices.get(rs.getLong(2));
          if (device != null) {
            out.add(new ExternalReference(device.ownership.key(), "dcim.module", rs.getLong(1), "module #" + rs.getLong(1) + " added outside DIET"));
          }
        });
    db.query("SELECT id, device_id, name FROM dcim_modulebay WHERE device_id IN " + ownedDevices + " AND " + notThisPlan + " ORDER BY id",
        List.of(planParam, planParam), rs -> {
          Found device = devices.get(rs.getLong(2));
          if (device != null) {
            out.add(new ExternalReference(device.ownership.key(), "dcim.modulebay", rs.getLong(1),
                "module bay '" + rs.getString(3) + "' added outside DIET"));
          }
        });
    byId.clear();
  }

  // ---- reference data and collisions ---------------------------------------------------------

  private Map<ObjectKey, ObservedObject> references(ObserveScope scope) throws SQLException {
    Map<ObjectKey, ObservedObject> out = new LinkedHashMap<>();
    for (ObjectKey key : scope.referenceKeys()) {
      ObservedObject o = reference(key);
      if (o != null) {
        out.put(key, o);
      }
    }
    return out;
  }

  private ObservedObject reference(ObjectKey key) throws SQLException {
    ObjectKind kind = key.kind();
    Map<String, Object> f = new TreeMap<>();
    long[] id = {-1};
    switch (kind) {
      case SITE:
      case MANUFACTURER:
      case DEVICE_ROLE:
      case TAG:
        boolean colored = kind == ObjectKind.DEVICE_ROLE || kind == ObjectKind.TAG;
        boolean status = kind == ObjectKind.SITE;
        db.query("SELECT id, name, slug, description" + (colored ? ", color" : "") + (status ? ", status" : "") + " FROM "
            + Vocab.table(kind) + " WHERE slug = ?", List.of(key.path()), rs -> {
              id[0] = rs.getLong(1);
              f.put(Fields.NAME, rs.getString(2));
              f.put(Fields.SLUG, rs.getString(3));
              f.put(Fields.DESCRIPTION, rs.getString(4));
              if (colored) {
                f.put(Fields.COLOR, rs.getString(5));
              }
              if (status) {
                f.put(Fields.STATUS, rs.getString(5));
              }
            });
        break;
      case CUSTOM_FIELD:
        db.query("SELECT id, name, type, description FROM extras_customfield WHERE name = ?", List.of(key.path()), rs -> {
          id[0] = rs.getLong(1);
          f.put(Fields.NAME, rs.getString(2));
          f.put(Fields.CF_TYPE, rs.getString(3));
          f.put(Fields.DESCRIPTION, rs.getString(4));
        });
        if (id[0] >= 0) {
          Map<Integer, String> names = new HashMap<>();
          contentTypes.forEach((n, i) -> names.put(i, n));
          Set<String> types = new TreeSet<>();
          db.query("SELECT contenttype_id FROM extras_customfield_object_types WHERE customfield_id = ?", List.of(id[0]),
              rs -> types.add(names.getOrDefault(rs.getInt(1), "#" + rs.getInt(1))));
          f.put(Fields.CF_OBJECT_TYPES, String.join(",", types));
        }
        break;
      case DEVICE_TYPE:
        db.query("SELECT t.id, m.slug, t.model, t.slug, t.u_height, t.is_full_depth, t.description FROM dcim_devicetype t "
            + "JOIN dcim_manufacturer m ON m.id = t.manufacturer_id WHERE t.slug = ?", List.of(key.path()), rs -> {
              id[0] = rs.getLong(1);
              f.put(Fields.MANUFACTURER, Ref.to(ObjectKey.reference(ObjectKind.MANUFACTURER, rs.getString(2))));
              f.put(Fields.MODEL, rs.getString(3));
              f.put(Fields.SLUG, rs.getString(4));
              f.put(Fields.U_HEIGHT, rs.getBigDecimal(5).intValue());
              f.put(Fields.IS_FULL_DEPTH, rs.getBoolean(6));
              f.put(Fields.DESCRIPTION, rs.getString(7));
            });
        if (id[0] >= 0) {
          f.put(Fields.INTERFACE_TEMPLATES, templates("device_type_id", id[0]));
        }
        break;
      case MODULE_TYPE:
        int slash = key.path().indexOf('/');
        if (slash < 0) {
          return null;
        }
        db.query("SELECT t.id, m.slug, t.model, p.name, t.description FROM dcim_moduletype t JOIN dcim_manufacturer m ON "
            + "m.id = t.manufacturer_id LEFT JOIN dcim_moduletypeprofile p ON p.id = t.profile_id WHERE m.slug = ? AND t.model = ?",
            List.of(key.path().substring(0, slash), key.path().substring(slash + 1)), rs -> {
              id[0] = rs.getLong(1);
              f.put(Fields.MANUFACTURER, Ref.to(ObjectKey.reference(ObjectKind.MANUFACTURER, rs.getString(2))));
              f.put(Fields.MODEL, rs.getString(3));
              f.put(Fields.PROFILE, rs.getString(4));
              f.put(Fields.DESCRIPTION, rs.getString(5));
            });
        if (id[0] >= 0) {
          f.put(Fields.INTERFACE_TEMPLATES, templates("module_type_id", id[0]));
        }
        break;
      default:
        return null;
    }
    return id[0] < 0 ? null : new ObservedObject(kind, id[0], f, Set.of(), null);
  }

  private String templates(String column, long typeId) throws SQLException {
    StringBuilder b = new StringBuilder();
    db.query("SELECT name, type FROM dcim_interfacetemplate WHERE " + column + " = ? ORDER BY id", List.of(typeId),
        rs -> b.append(b.length() == 0 ? "" : "\n").append(rs.getString(1)).append('=').append(rs.getString(2)));
    return b.toString();
  }

  private List<ObservedObject> collisions(ObserveScope scope) throws SQLException {
    List<ObservedObject> out = new ArrayList<>();
    Long site = db.queryLong("SELECT id FROM dcim_site WHERE slug = ?", scope.siteSlug());
    if (site == null || scope.plannedDeviceNames().isEmpty()) {
      return out;
    }
    Set<String> planned = new HashSet<>();
    scope.plannedDeviceNames().forEach(n -> planned.add(n.toLowerCase(Locale.ROOT)));
    List<Found> found = new ArrayList<>();
    db.query("SELECT " + columns(ObjectKind.DEVICE) + ", " + dialect.jsonText("custom_field_data") + " FROM dcim_device WHERE site_id = ? "
        + "AND name IS NOT NULL ORDER BY id", List.of(site), rs -> {
          String name = rs.getString("name");
          if (!planned.contains(name.toLowerCase(Locale.ROOT)) || owned.get(ObjectKind.DEVICE).containsKey(rs.getLong(1))) {
            return;
          }
          CustomData cf = decode(rs.getString(columnCount(rs)), "dcim_device");
          Map<String, Object> fields = fields(ObjectKind.DEVICE, rs);
          fields.putAll(cf.fields);
          Ownership mark = cf.plan != null && cf.key != null ? mark(ObjectKind.DEVICE, rs.getLong(1), cf) : null;
          found.add(new Found(ObjectKind.DEVICE, rs.getLong(1), fields, mark));
        });
    for (Found f : found) {
      out.add(toObserved(f));
    }
    return out;
  }

  // ---- resolving -----------------------------------------------------------------------------

  private ObservedObject toObserved(Found f) throws SQLException {
    for (Map.Entry<String, Object> e : f.fields.entrySet()) {
      if (e.getValue() instanceof IdRef) {
        e.setValue(resolve((IdRef) e.getValue()));
      }
    }
    return new ObservedObject(f.kind, f.id, f.fields, f.tags, f.ownership);
  }

  private static int columnCount(ResultSet rs) throws SQLException {
    return rs.getMetaData().getColumnCount();
  }

  private static CustomData decode(String text, String table) {
    try {
      return CustomData.parse(text);
    } catch (java.io.IOException | RuntimeException e) {
      throw new BackendException("custom_field_data of a row in " + table + " is not readable JSON: " + e.getMessage(),
          "repair the row's custom fields in NetBox", e);
    }
  }

  private Object resolve(IdRef ref) throws SQLException {
    Map<Long, Object> keys = keysById.computeIfAbsent(ref.kind, k -> new HashMap<>());
    Object v = keys.get(ref.id);
    if (v == null) {
      if (ref.kind.isReference()) {
        loadReferenceKeys(ref.kind, keys);
      } else {
        db.query("SELECT id, " + dialect.jsonText("custom_field_data") + " FROM " + Vocab.table(ref.kind) + " WHERE id = ?",
            List.of(ref.id), rs -> {
              JsonNode cf = parse(rs.getString(2), Vocab.table(ref.kind));
              String key = text(cf, OwnershipFields.KEY);
              keys.put(rs.getLong(1), key != null && text(cf, OwnershipFields.PLAN) != null
                  ? Ref.to(ObjectKey.parse(key)) : ObservedObject.foreignRef(ref.kind, rs.getLong(1)));
            });
      }
      v = keys.get(ref.id);
      if (v == null) {
        v = ObservedObject.foreignRef(ref.kind, ref.id);
        keys.put(ref.id, v);
      }
    }
    return v;
  }

  private void loadReferenceKeys(ObjectKind kind, Map<Long, Object> keys) throws SQLException {
    if (kind == ObjectKind.MODULE_TYPE) {
      db.query("SELECT t.id, m.slug, t.model FROM dcim_moduletype t JOIN dcim_manufacturer m ON m.id = t.manufacturer_id", List.of(),
          rs -> keys.put(rs.getLong(1), Ref.to(ObjectKey.reference(kind, rs.getString(2) + "/" + rs.getString(3)))));
    } else {
      String col = kind == ObjectKind.CUSTOM_FIELD ? "name" : "slug";
      db.query("SELECT id, " + col + " FROM " + Vocab.table(kind), List.of(),
          rs -> keys.put(rs.getLong(1), Ref.to(ObjectKey.reference(kind, rs.getString(2)))));
    }
  }

  private static JsonNode parse(String text, String table) {
    try {
      return text == null ? MAPPER.createObjectNode() : MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new BackendException("custom_field_data of a row in " + table + " is not JSON: " + e.getMessage(),
          "repair the row's custom fields in NetBox", e);
    }
  }

  private static String text(JsonNode cf, String field) {
    JsonNode n = cf.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private int ct(String contentType) {
    Integer id = contentTypes.get(contentType);
    if (id == null) {
      throw new BackendException("NetBox has no content type " + contentType, "check that the database holds NetBox 4.4's schema");
    }
    return id;
  }
}
