package dev.diet.memory;

import dev.diet.state.Fields;
import dev.diet.state.ObjectKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tables, per-table id sequences and the indexes NetBox's unique constraints need. Every write goes
 * through {@link #put} or {@link #remove}, which check the constraints and, inside a transaction,
 * remember the original row so {@link #rollback} can restore it.
 */
final class Store {
  private final EnumMap<Model, TreeMap<Long, Row>> tables = new EnumMap<>(Model.class);
  private final EnumMap<Model, Long> lastId = new EnumMap<>(Model.class);

  private final Map<String, Row> byOwnedKey = new HashMap<>();
  private final EnumMap<Model, Map<String, Row>> byNaturalKey = new EnumMap<>(Model.class);
  private final Map<String, Row> deviceBySiteName = new HashMap<>();
  private final Map<String, Row> componentByDeviceName = new HashMap<>();
  private final Map<Long, Row> moduleByBay = new HashMap<>();
  private final Map<Long, Map<Long, Row>> childrenByDevice = new HashMap<>();
  private final Map<Long, Map<Long, Row>> ipsByInterface = new HashMap<>();

  private Map<Model, Map<Long, Row>> journal;
  private EnumMap<Model, Long> lastIdAtBegin;

  Store() {
    for (Model m : Model.values()) {
      tables.put(m, new TreeMap<>());
      lastId.put(m, 0L);
      if (m.isReference()) {
        byNaturalKey.put(m, new HashMap<>());
      }
    }
  }

  long nextId(Model model) {
    long id = lastId.get(model) + 1;
    lastId.put(model, id);
    return id;
  }

  Row get(Model model, long id) {
    return tables.get(model).get(id);
  }

  Row require(Model model, long id) {
    Row r = get(model, id);
    if (r == null) {
      throw new RuleViolation(model.contentType() + " #" + id + " does not exist");
    }
    return r;
  }

  Collection<Row> rows(Model model) {
    return Collections.unmodifiableCollection(tables.get(model).values());
  }

  Row byOwnedKey(String key) {
    return byOwnedKey.get(key);
  }

  Row byNaturalKey(Model model, String naturalKey) {
    return byNaturalKey.get(model).get(naturalKey);
  }

  Row device(long siteId, String name) {
    return deviceBySiteName.get(siteId + "/" + name.toLowerCase(Locale.ROOT));
  }

  Row component(Model model, long deviceId, String name) {
    return componentByDeviceName.get(model + "/" + deviceId + "/" + name);
  }

  Row moduleIn(long bayId) {
    return moduleByBay.get(bayId);
  }

  /** Interfaces, module bays and modules of a device, by table then id. */
  List<Row> componentsOf(long deviceId) {
    List<Row> out = new ArrayList<>(childrenByDevice.getOrDefault(deviceId, Map.of()).values());
    out.sort((a, b) -> a.model != b.model ? a.model.compareTo(b.model) : Long.compare(a.id, b.id));
    return out;
  }

  List<Row> ipsOn(long interfaceId) {
    return new ArrayList<>(ipsByInterface.getOrDefault(interfaceId, Map.of()).values());
  }

  /** The natural key of a reference-data row: slug, custom-field name, or manufacturer slug/model. */
  String naturalKey(Row r) {
    switch (r.model) {
      case CUSTOM_FIELD:
        return r.text(Fields.NAME);
      case MODULE_TYPE:
        Row mfr = get(Model.MANUFACTURER, r.ref(Fields.MANUFACTURER));
        return (mfr == null ? "?" : mfr.text(Fields.SLUG)) + "/" + r.text(Fields.MODEL);
      default:
        return r.text(Fields.SLUG);
    }
  }

  /** Inserts or replaces a row after checking NetBox's unique constraints. */
  void put(Row row) {
    Row old = get(row.model, row.id);
    checkUnique(row, old);
    remember(row.model, row.id, old);
    if (old != null) {
      unindex(old);
    }
    tables.get(row.model).put(row.id, row);
    index(row);
  }

  void remove(Row row) {
    Row old = get(row.model, row.id);
    if (old == null) {
      return;
    }
    remember(row.model, row.id, old);
    unindex(old);
    tables.get(row.model).remove(row.id);
  }

  void begin() {
    journal = new EnumMap<>(Model.class);
    lastIdAtBegin = new EnumMap<>(lastId);
  }

  void commit() {
    journal = null;
    lastIdAtBegin = null;
  }

  void rollback() {
    for (Map.Entry<Model, Map<Long, Row>> t : journal.entrySet()) {
      for (Map.Entry<Long, Row> e : t.getValue().entrySet()) {
        if (e.getValue() == null) {
          tables.get(t.getKey()).remove(e.getKey());
        } else {
          tables.get(t.getKey()).put(e.getKey(), e.getValue());
        }
      }
    }
    lastId.putAll(lastIdAtBegin);
    commit();
    reindexAll();
  }

  private void remember(Model model, long id, Row original) {
    if (journal != null) {
      journal.computeIfAbsent(model, m -> new LinkedHashMap<>()).putIfAbsent(id, original);
    }
  }

  private void checkUnique(Row row, Row old) {
    String key = row.ownerKey();
    if (key != null) {
      Row holder = byOwnedKey.get(key);
      if (holder != null && !same(holder, row)) {
        throw new RuleViolation(holder.describe() + " already carries the DIET key " + key);
      }
    }
    if (row.model.isReference()) {
      Row holder = byNaturalKey.get(row.model).get(naturalKey(row));
      if (holder != null && !same(holder, row)) {
        throw new RuleViolation(row.model.contentType() + " '" + naturalKey(row) + "' already exists (#" + holder.id + ")");
      }
    }
    switch (row.model) {
      case DEVICE:
        if (row.text(Fields.NAME) != null) {
          Row holder = device(row.ref(Fields.SITE), row.text(Fields.NAME));
          if (holder != null && !same(holder, row)) {
            throw new RuleViolation("a device named '" + holder.text(Fields.NAME) + "' already exists in this site (#" + holder.id
                + "); device names are unique per site, ignoring case");
          }
        }
        break;
      case INTERFACE:
      case MODULE_BAY:
        Row holder = component(row.model, row.ref(Fields.DEVICE), row.text(Fields.NAME));
        if (holder != null && !same(holder, row)) {
          throw new RuleViolation(row.model.contentType() + " '" + row.text(Fields.NAME) + "' already exists on device #"
              + row.ref(Fields.DEVICE) + " (#" + holder.id + ")");
        }
        break;
      case MODULE:
        Row installed = moduleByBay.get(row.ref(Fields.MODULE_BAY));
        if (installed != null && !same(installed, row)) {
          throw new RuleViolation("module bay #" + row.ref(Fields.MODULE_BAY) + " already holds module #" + installed.id);
        }
        break;
      default:
        break;
    }
  }

  private static boolean same(Row a, Row b) {
    return a.model == b.model && a.id == b.id;
  }

  private void index(Row r) {
    String key = r.ownerKey();
    if (key != null) {
      byOwnedKey.put(key, r);
    }
    if (r.model.isReference()) {
      byNaturalKey.get(r.model).put(naturalKey(r), r);
    }
    switch (r.model) {
      case DEVICE:
        if (r.text(Fields.NAME) != null) {
          deviceBySiteName.put(r.ref(Fields.SITE) + "/" + r.text(Fields.NAME).toLowerCase(Locale.ROOT), r);
        }
        break;
      case INTERFACE:
      case MODULE_BAY:
        componentByDeviceName.put(r.model + "/" + r.ref(Fields.DEVICE) + "/" + r.text(Fields.NAME), r);
        childrenByDevice.computeIfAbsent(r.ref(Fields.DEVICE), d -> new TreeMap<>()).put(childId(r), r);
        break;
      case MODULE:
        moduleByBay.put(r.ref(Fields.MODULE_BAY), r);
        childrenByDevice.computeIfAbsent(r.ref(Fields.DEVICE), d -> new TreeMap<>()).put(childId(r), r);
        break;
      case IP_ADDRESS:
        if (r.ref("assigned_interface") != null) {
          ipsByInterface.computeIfAbsent(r.ref("assigned_interface"), i -> new TreeMap<>()).put(r.id, r);
        }
        break;
      default:
        break;
    }
  }

  private void unindex(Row r) {
    String key = r.ownerKey();
    if (key != null && byOwnedKey.get(key) != null && same(byOwnedKey.get(key), r)) {
      byOwnedKey.remove(key);
    }
    if (r.model.isReference()) {
      byNaturalKey.get(r.model).remove(naturalKey(r));
    }
    switch (r.model) {
      case DEVICE:
        if (r.text(Fields.NAME) != null) {
          deviceBySiteName.remove(r.ref(Fields.SITE) + "/" + r.text(Fields.NAME).toLowerCase(Locale.ROOT));
        }
        break;
      case INTERFACE:
      case MODULE_BAY:
        componentByDeviceName.remove(r.model + "/" + r.ref(Fields.DEVICE) + "/" + r.text(Fields.NAME));
        removeChild(r);
        break;
      case MODULE:
        moduleByBay.remove(r.ref(Fields.MODULE_BAY));
        removeChild(r);
        break;
      case IP_ADDRESS:
        if (r.ref("assigned_interface") != null) {
          Map<Long, Row> ips = ipsByInterface.get(r.ref("assigned_interface"));
          if (ips != null) {
            ips.remove(r.id);
          }
        }
        break;
      default:
        break;
    }
  }

  private void removeChild(Row r) {
    Map<Long, Row> children = childrenByDevice.get(r.ref(Fields.DEVICE));
    if (children != null) {
      children.remove(childId(r));
    }
  }

  /** Components of different tables share one map per device; ids are per table, so tag them. */
  private static long childId(Row r) {
    return r.id * 4 + (r.model == Model.INTERFACE ? 0 : r.model == Model.MODULE_BAY ? 1 : 2);
  }

  private void reindexAll() {
    byOwnedKey.clear();
    byNaturalKey.values().forEach(Map::clear);
    deviceBySiteName.clear();
    componentByDeviceName.clear();
    moduleByBay.clear();
    childrenByDevice.clear();
    ipsByInterface.clear();
    for (TreeMap<Long, Row> t : tables.values()) {
      t.values().forEach(this::index);
    }
  }

  /** True when a row of that kind exists; used for references given by kind and id. */
  boolean exists(ObjectKind kind, long id) {
    return get(Model.of(kind), id) != null;
  }
}
