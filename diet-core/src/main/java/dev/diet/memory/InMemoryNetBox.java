package dev.diet.memory;

import dev.diet.diff.Action;
import dev.diet.diff.ChangeSet;
import dev.diet.diff.Operation;
import dev.diet.diff.Ownership;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.BackendException;
import dev.diet.spi.ExternalReference;
import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.ObserveScope;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.spi.OwnershipCodec;
import dev.diet.spi.OwnershipFields;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A NetBox held in memory, for tests and for users' test harnesses: a {@link NetBoxBackend} with
 * NetBox's rules, plus the hands and eyes of a person at NetBox's UI.
 *
 * <p>Rules it enforces like NetBox 4.4: numeric ids per object type; device names unique per site
 * ignoring case; interface and module-bay names unique per device; one module per bay; one cable
 * per interface; reference data unique by slug (custom fields by name, module types by
 * manufacturer and model); tags and custom fields must be defined (custom fields for the object's
 * type) before objects use them. Creating a device instantiates its device type's interface
 * templates as unowned interfaces; a later CREATE of an interface with the same name on that device
 * adopts it. Modules do not replicate their type's templates. Deleting an interface deletes the IP
 * addresses assigned to it (NetBox's generic relation); an apply may not delete an interface, or a
 * device, module or bay holding one, while a cable is attached.
 *
 * <p>{@link #apply} is atomic: the first failing operation rolls everything back and the report
 * names it. Each apply writes one request id into the {@link #changelog()}.
 *
 * <p>The methods under "a person at NetBox" ({@link #edit}, {@link #delete}, {@link #addDevice},
 * {@link #addIpAddress}, {@link #protect}, ...) change NetBox the way a person would, outside DIET,
 * and follow the UI's cascades (deleting a device deletes its components, their cables and IP
 * addresses). The inspection methods ({@link #get}, {@link #find}, {@link #all}, ...) return
 * snapshots.
 */
public final class InMemoryNetBox implements NetBoxBackend {
  private static final Set<String> OWNERSHIP_FIELDS =
      Set.of(OwnershipFields.PLAN, OwnershipFields.KEY, OwnershipFields.STATE);
  private static final List<Model> OWNABLE =
      List.of(Model.DEVICE, Model.MODULE_BAY, Model.MODULE, Model.INTERFACE, Model.CABLE);

  private final Store store = new Store();
  private final Clock clock;
  private final List<ChangeRecord> changelog = new ArrayList<>();
  private int applies;
  private int manualChanges;

  /** An empty NetBox whose manual changes are stamped with the Unix epoch. */
  public InMemoryNetBox() {
    this(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  }

  /** An empty NetBox whose manual changes are stamped by {@code clock}; applies use the apply's clock. */
  public InMemoryNetBox(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String describe() {
    return "in-memory NetBox";
  }

  // ---- observe -------------------------------------------------------------------------------

  @Override
  public synchronized ObservedState observe(ObserveScope scope, ProgressListener listener) {
    String plan = scope.planId();
    long total = OWNABLE.stream().mapToLong(m -> store.rows(m).size()).sum();
    listener.started(Phase.OBSERVE, "observe", total);
    List<ObservedObject> owned = new ArrayList<>();
    List<ExternalReference> external = new ArrayList<>();
    long done = 0;
    for (Model model : OWNABLE) {
      for (Row row : store.rows(model)) {
        if (plan.equals(row.ownerPlan())) {
          owned.add(toObserved(row));
          if (model == Model.INTERFACE) {
            external.addAll(externalReferences(row, plan));
          } else if (model == Model.DEVICE) {
            external.addAll(foreignComponents(row, plan));
          }
        }
      }
      done += store.rows(model).size();
      listener.progressed(Phase.OBSERVE, "observe", done, total);
    }
    owned.sort((a, b) -> a.ownership().get().key().compareTo(b.ownership().get().key()));

    Map<ObjectKey, ObservedObject> references = new LinkedHashMap<>();
    for (ObjectKey key : scope.referenceKeys()) {
      Row row = store.byNaturalKey(Model.of(key.kind()), key.path());
      if (row != null) {
        references.put(key, toObserved(row));
      }
    }

    List<ObservedObject> collisions = new ArrayList<>();
    Row site = store.byNaturalKey(Model.SITE, scope.siteSlug());
    if (site != null) {
      Set<Long> seen = new TreeSet<>();
      for (String name : scope.plannedDeviceNames()) {
        Row device = store.device(site.id, name);
        if (device != null && !plan.equals(device.ownerPlan()) && seen.add(device.id)) {
          collisions.add(toObserved(device));
        }
      }
    }
    listener.finished(Phase.OBSERVE, "observe");
    return new ObservedState(plan, owned, references, collisions, external);
  }

  private List<ExternalReference> externalReferences(Row iface, String plan) {
    List<ExternalReference> out = new ArrayList<>();
    ObjectKey key = ObjectKey.parse(iface.ownerKey());
    for (Row ip : store.ipsOn(iface.id)) {
      out.add(new ExternalReference(key, Model.IP_ADDRESS.contentType(), ip.id, "IP address " + ip.text("address")));
    }
    if (iface.cable != null) {
      Row cable = store.get(Model.CABLE, iface.cable);
      if (cable != null && !plan.equals(cable.ownerPlan())) {
        long far = cable.ref(Fields.A_END) == iface.id ? cable.ref(Fields.B_END) : cable.ref(Fields.A_END);
        out.add(new ExternalReference(key, Model.CABLE.contentType(), cable.id, "cable #" + cable.id + " to " + interfaceLabel(far)));
      }
    }
    return out;
  }

  /**
   * What a deletion of an owned device would take with it that DIET does not own: IP addresses and
   * cables on its other interfaces, and interfaces, bays or modules a person added (interfaces
   * NetBox made from the device type's templates are the device's own).
   */
  private List<ExternalReference> foreignComponents(Row device, String plan) {
    List<ExternalReference> out = new ArrayList<>();
    ObjectKey key = ObjectKey.parse(device.ownerKey());
    Row type = store.get(Model.DEVICE_TYPE, device.ref(Fields.DEVICE_TYPE));
    Set<String> templateNames = new TreeSet<>();
    templates(type == null ? null : type.text(Fields.INTERFACE_TEMPLATES)).forEach(t -> templateNames.add(t[0]));
    for (Row part : store.componentsOf(device.id)) {
      if (plan.equals(part.ownerPlan())) {
        continue;
      }
      if (part.model == Model.INTERFACE) {
        String label = interfaceLabel(part.id);
        for (Row ip : store.ipsOn(part.id)) {
          out.add(new ExternalReference(key, Model.IP_ADDRESS.contentType(), ip.id, "IP address " + ip.text("address") + " on " + label));
        }
        Row cable = part.cable == null ? null : store.get(Model.CABLE, part.cable);
        if (cable != null && !plan.equals(cable.ownerPlan())) {
          long far = cable.ref(Fields.A_END) == part.id ? cable.ref(Fields.B_END) : cable.ref(Fields.A_END);
          out.add(new ExternalReference(key, Model.CABLE.contentType(), cable.id, "cable #" + cable.id + " on " + label + " to " + interfaceLabel(far)));
        }
        if (!templateNames.contains(part.text(Fields.NAME))) {
          out.add(new ExternalReference(key, Model.INTERFACE.contentType(), part.id, "interface " + label + " added outside DIET"));
        }
      } else {
        out.add(new ExternalReference(key, part.model.contentType(), part.id,
            (part.model == Model.MODULE ? "module #" + part.id : "module bay '" + part.text(Fields.NAME) + "'") + " added outside DIET"));
      }
    }
    return out;
  }

  private String interfaceLabel(long interfaceId) {
    Row iface = store.get(Model.INTERFACE, interfaceId);
    if (iface == null) {
      return "interface #" + interfaceId;
    }
    Row device = store.get(Model.DEVICE, iface.ref(Fields.DEVICE));
    return (device == null || device.text(Fields.NAME) == null ? "device #" + iface.ref(Fields.DEVICE) : device.text(Fields.NAME))
        + ":" + iface.text(Fields.NAME);
  }

  private ObservedObject toObserved(Row row) {
    Map<String, Object> fields = new TreeMap<>();
    for (Model.Column col : row.model.columns().values()) {
      Object v = row.get(col.name);
      if (col.type == Model.Type.REF && v != null) {
        v = refValue(col.target, (Long) v);
      }
      fields.put(col.name, v);
    }
    for (Map.Entry<String, Object> e : row.custom.entrySet()) {
      if (!OWNERSHIP_FIELDS.contains(e.getKey())) {
        fields.put(Fields.customField(e.getKey()), e.getValue());
      }
    }
    Ownership ownership = null;
    if (row.decodedMark != null) {
      ownership = row.decodedMark;
    } else if (row.ownerPlan() != null && row.ownerKey() != null) {
      Object state = row.custom.get(OwnershipFields.STATE);
      try {
        ownership = OwnershipCodec.fromJson(row.ownerPlan(), row.ownerKey(), state == null ? null : state.toString());
        row.decodedMark = ownership;
      } catch (IllegalArgumentException e) {
        throw new BackendException(
            "the ownership mark of " + row.describe() + " cannot be read: " + e.getMessage(),
            "restore custom field " + OwnershipFields.STATE + " on that object, or clear " + OwnershipFields.PLAN
                + " to release it from DIET",
            e);
      }
    }
    return new ObservedObject(row.model.kind(), row.id, fields, row.tags, ownership);
  }

  /** The key of the referenced row when it has one, else the foreign-reference text. */
  private Object refValue(ObjectKind kind, long id) {
    Row target = store.get(Model.of(kind), id);
    if (target == null) {
      return ObservedObject.foreignRef(kind, id);
    }
    if (kind.isReference()) {
      return Ref.to(ObjectKey.reference(kind, store.naturalKey(target)));
    }
    return target.ownerKey() != null ? Ref.to(ObjectKey.parse(target.ownerKey())) : ObservedObject.foreignRef(kind, id);
  }

  // ---- apply ---------------------------------------------------------------------------------

  @Override
  public synchronized ApplyReport apply(ChangeSet changeSet, ApplyOptions options, ProgressListener listener) {
    String requestId = "apply-" + (++applies);
    Instant now = options.clock().instant();
    int logSize = changelog.size();
    Map<Action, Integer> done = new EnumMap<>(Action.class);
    List<Operation> ops = changeSet.operations();
    store.begin();
    int i = 0;
    while (i < ops.size()) {
      ObjectKind kind = ops.get(i).kind();
      int end = i;
      while (end < ops.size() && ops.get(end).kind() == kind) {
        end++;
      }
      listener.started(Phase.APPLY, kind.wire(), end - i);
      for (int j = i; j < end; j++) {
        Operation op = ops.get(j);
        try {
          execute(changeSet.planId(), op, requestId, now);
        } catch (RuleViolation e) {
          store.rollback();
          changelog.subList(logSize, changelog.size()).clear();
          listener.finished(Phase.APPLY, kind.wire());
          return new ApplyReport(
              Map.of(), List.of(new ApplyReport.Failure(op.key(), op.action() + " " + op.displayName() + ": " + e.getMessage())),
              true, requestId);
        }
        done.merge(op.action(), 1, Integer::sum);
        if ((j - i + 1) % 100 == 0 || j == end - 1) {
          listener.progressed(Phase.APPLY, kind.wire(), j - i + 1, end - i);
        }
      }
      listener.finished(Phase.APPLY, kind.wire());
      i = end;
    }
    store.commit();
    return new ApplyReport(done, List.of(), false, requestId);
  }

  private void execute(String planId, Operation op, String requestId, Instant now) {
    Model model = Model.of(op.kind());
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
    switch (op.action()) {
      case CREATE:
        create(model, op, requestId, now);
        break;
      case UPDATE:
        update(model, op, requestId, now);
        break;
      case ADOPT:
        adopt(model, op, requestId, now);
        break;
      case ORPHAN:
        orphan(model, op, requestId, now);
        break;
      case DELETE:
        deleteForApply(ownedRow(model, op), requestId, now);
        break;
      default:
        throw new IllegalStateException("unknown action " + op.action());
    }
  }

  private void create(Model model, Operation op, String requestId, Instant now) {
    if (model == Model.INTERFACE) {
      Row existing = existingInterface(op);
      if (existing != null) {
        if (existing.ownerPlan() != null) {
          throw new RuleViolation("interface '" + existing.text(Fields.NAME) + "' already exists on device #"
              + existing.ref(Fields.DEVICE) + " and belongs to " + existing.ownerKey());
        }
        Row row = existing.copy();
        writeFields(row, op.after());
        writeMark(row, op.ownership().orElse(null));
        addTags(row, op.addTags());
        touch(row, now);
        store.put(row);
        log(requestId, now, ChangeRecord.Kind.UPDATE, row);
        return;
      }
    }
    Row row = new Row(model, store.nextId(model));
    row.created = now;
    writeDefaults(row);
    writeFields(row, op.after());
    checkRequired(row);
    if (!model.isReference()) {
      writeMark(row, op.ownership().orElse(null));
    }
    addTags(row, op.addTags());
    row.lastUpdated = now;
    if (model == Model.MODULE) {
      checkModulePlacement(row);
    } else if (model == Model.CABLE) {
      connect(row, requestId, now);
    }
    store.put(row);
    log(requestId, now, ChangeRecord.Kind.CREATE, row);
    if (model == Model.DEVICE) {
      instantiateTemplates(row, requestId, now);
    }
  }

  private Row existingInterface(Operation op) {
    Object device = op.after().get(Fields.DEVICE);
    Object name = op.after().get(Fields.NAME);
    if (!(device instanceof Ref) || !(name instanceof String)) {
      return null;
    }
    long deviceId = resolve(ObjectKind.DEVICE, (Ref) device);
    return store.component(Model.INTERFACE, deviceId, (String) name);
  }

  private void update(Model model, Operation op, String requestId, Instant now) {
    if (model.isReference()) {
      throw new RuleViolation("DIET never modifies reference data (" + op.key() + ")");
    }
    Row row = ownedRow(model, op).copy();
    if (model == Model.CABLE && (op.after().containsKey(Fields.A_END) || op.after().containsKey(Fields.B_END))) {
      throw new RuleViolation("a cable's ends are not changed in place; replace the cable (delete, then create)");
    }
    writeFields(row, op.after());
    checkRequired(row);
    writeMark(row, op.ownership().orElse(null));
    addTags(row, op.addTags());
    touch(row, now);
    if (model == Model.MODULE) {
      checkModulePlacement(row);
    }
    store.put(row);
    log(requestId, now, ChangeRecord.Kind.UPDATE, row);
  }

  private void adopt(Model model, Operation op, String requestId, Instant now) {
    Row original = store.require(model, op.netboxId().getAsLong());
    if (original.ownerPlan() != null) {
      throw new RuleViolation(original.describe() + " already belongs to " + original.ownerKey() + "; only unowned objects can be adopted");
    }
    Row row = original.copy();
    if (model == Model.CABLE) {
      for (String end : List.of(Fields.A_END, Fields.B_END)) {
        if (op.after().containsKey(end) && !toColumn(model, end, op.after().get(end)).equals(original.get(end))) {
          throw new RuleViolation("a cable can only be adopted with the ends it has");
        }
      }
    }
    writeFields(row, op.after());
    checkRequired(row);
    writeMark(row, op.ownership().orElse(null));
    addTags(row, op.addTags());
    touch(row, now);
    store.put(row);
    log(requestId, now, ChangeRecord.Kind.UPDATE, row);
  }

  private void orphan(Model model, Operation op, String requestId, Instant now) {
    Row row = ownedRow(model, op).copy();
    OWNERSHIP_FIELDS.forEach(row.custom::remove);
    touch(row, now);
    store.put(row);
    log(requestId, now, ChangeRecord.Kind.UPDATE, row);
  }

  /** The row an operation on an existing owned object names, checked to still carry its key. */
  private Row ownedRow(Model model, Operation op) {
    Row row = store.require(model, op.netboxId().getAsLong());
    if (!op.key().toString().equals(row.ownerKey())) {
      throw new RuleViolation(row.describe() + " does not carry the DIET key " + op.key()
          + (row.ownerKey() == null ? " (it is not owned)" : " (it carries " + row.ownerKey() + ")"));
    }
    return row;
  }

  private void deleteForApply(Row row, String requestId, Instant now) {
    switch (row.model) {
      case CABLE:
        disconnect(row, requestId, now);
        break;
      case INTERFACE:
        requireNoCable(row);
        break;
      case MODULE:
      case MODULE_BAY:
      case DEVICE:
        for (Row part : dependents(row)) {
          if (part.model == Model.INTERFACE) {
            requireNoCable(part);
          }
        }
        for (Row part : dependents(row)) {
          dropWithIps(part, requestId, now);
        }
        break;
      default:
        throw new RuleViolation("DIET never deletes " + row.model.contentType() + " objects");
    }
    dropWithIps(row, requestId, now);
  }

  private void requireNoCable(Row iface) {
    if (iface.cable != null) {
      throw new RuleViolation("interface " + interfaceLabel(iface.id) + " still has cable #" + iface.cable + "; delete the cable first");
    }
  }

  /** Components that go with a device, module bay or module (NetBox's cascade), innermost first. */
  private List<Row> dependents(Row row) {
    List<Row> out = new ArrayList<>();
    if (row.model == Model.DEVICE) {
      List<Row> parts = store.componentsOf(row.id);
      parts.stream().filter(p -> p.model == Model.INTERFACE).forEach(out::add);
      parts.stream().filter(p -> p.model == Model.MODULE).forEach(out::add);
      parts.stream().filter(p -> p.model == Model.MODULE_BAY).forEach(out::add);
    } else if (row.model == Model.MODULE_BAY) {
      Row module = store.moduleIn(row.id);
      if (module != null) {
        out.addAll(dependents(module));
        out.add(module);
      }
    } else if (row.model == Model.MODULE) {
      for (Row p : store.componentsOf(row.ref(Fields.DEVICE))) {
        if (p.model == Model.INTERFACE && Long.valueOf(row.id).equals(p.ref(Fields.MODULE))) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private void dropWithIps(Row row, String requestId, Instant now) {
    if (store.get(row.model, row.id) == null) {
      return;
    }
    if (row.model == Model.INTERFACE) {
      for (Row ip : store.ipsOn(row.id)) {
        store.remove(ip);
        log(requestId, now, ChangeRecord.Kind.DELETE, ip);
      }
    }
    store.remove(row);
    log(requestId, now, ChangeRecord.Kind.DELETE, row);
  }

  private void connect(Row cable, String requestId, Instant now) {
    long a = cable.ref(Fields.A_END);
    long b = cable.ref(Fields.B_END);
    if (a == b) {
      throw new RuleViolation("a cable cannot connect interface " + interfaceLabel(a) + " to itself");
    }
    for (long end : new long[] {a, b}) {
      Row iface = store.require(Model.INTERFACE, end);
      if (iface.cable != null) {
        throw new RuleViolation("interface " + interfaceLabel(end) + " already has cable #" + iface.cable);
      }
    }
    for (long end : new long[] {a, b}) {
      Row iface = store.require(Model.INTERFACE, end).copy();
      iface.cable = cable.id;
      touch(iface, now);
      store.put(iface);
      log(requestId, now, ChangeRecord.Kind.UPDATE, iface);
    }
  }

  private void disconnect(Row cable, String requestId, Instant now) {
    for (String end : List.of(Fields.A_END, Fields.B_END)) {
      Row iface = store.get(Model.INTERFACE, cable.ref(end));
      if (iface != null && Long.valueOf(cable.id).equals(iface.cable)) {
        Row copy = iface.copy();
        copy.cable = null;
        touch(copy, now);
        store.put(copy);
        log(requestId, now, ChangeRecord.Kind.UPDATE, copy);
      }
    }
  }

  private void checkModulePlacement(Row module) {
    Row bay = store.require(Model.MODULE_BAY, module.ref(Fields.MODULE_BAY));
    if (!bay.ref(Fields.DEVICE).equals(module.ref(Fields.DEVICE))) {
      throw new RuleViolation("module bay #" + bay.id + " belongs to device #" + bay.ref(Fields.DEVICE)
          + ", not to the module's device #" + module.ref(Fields.DEVICE));
    }
  }

  private void instantiateTemplates(Row device, String requestId, Instant now) {
    Row type = store.require(Model.DEVICE_TYPE, device.ref(Fields.DEVICE_TYPE));
    for (String[] template : templates(type.text(Fields.INTERFACE_TEMPLATES))) {
      Row iface = new Row(Model.INTERFACE, store.nextId(Model.INTERFACE));
      writeDefaults(iface);
      iface.values.put(Fields.DEVICE, device.id);
      iface.values.put(Fields.NAME, template[0]);
      iface.values.put(Fields.TYPE, template[1]);
      iface.created = now;
      iface.lastUpdated = now;
      store.put(iface);
      log(requestId, now, ChangeRecord.Kind.CREATE, iface);
    }
  }

  /** Parses {@code name=type} lines. */
  static List<String[]> templates(String text) {
    List<String[]> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String line : text.split("\n")) {
      int eq = line.lastIndexOf('=');
      if (eq > 0) {
        out.add(new String[] {line.substring(0, eq), line.substring(eq + 1)});
      }
    }
    return out;
  }

  // ---- writing values ------------------------------------------------------------------------

  private static void writeDefaults(Row row) {
    for (Model.Column col : row.model.columns().values()) {
      row.values.put(col.name, col.defaultValue);
    }
  }

  private void writeFields(Row row, Map<String, ?> fields) {
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      String field = e.getKey();
      if (Fields.isCustomField(field)) {
        writeCustomField(row, field.substring(Fields.CUSTOM_FIELD_PREFIX.length()), e.getValue());
      } else {
        row.values.put(field, toColumn(row.model, field, e.getValue()));
      }
    }
  }

  private static void checkRequired(Row row) {
    for (Model.Column col : row.model.columns().values()) {
      if (col.required && row.get(col.name) == null) {
        throw new RuleViolation(row.model.contentType() + " needs a value for " + col.name);
      }
    }
  }

  private Object toColumn(Model model, String field, Object value) {
    Model.Column col = model.column(field);
    if (col == null) {
      throw new RuleViolation(model.contentType() + " has no field '" + field + "'");
    }
    if (value == null) {
      return null;
    }
    switch (col.type) {
      case STRING:
        return expect(model, field, value, String.class);
      case INTEGER:
        return expect(model, field, value, Integer.class);
      case BOOLEAN:
        return expect(model, field, value, Boolean.class);
      case REF:
        if (value instanceof Ref) {
          return resolve(col.target, (Ref) value);
        }
        if (value instanceof Long || value instanceof Integer) {
          long id = ((Number) value).longValue();
          store.require(Model.of(col.target), id);
          return id;
        }
        throw new RuleViolation(model.contentType() + "." + field + " must refer to a " + col.target.wire() + ", got " + value);
      default:
        throw new IllegalStateException();
    }
  }

  private static Object expect(Model model, String field, Object value, Class<?> type) {
    if (!type.isInstance(value)) {
      throw new RuleViolation(model.contentType() + "." + field + " must be a " + type.getSimpleName() + ", got " + value);
    }
    return value;
  }

  /** The id of the row a key names: reference data by natural key, owned objects by their DIET key. */
  private long resolve(ObjectKind expected, Ref ref) {
    ObjectKey key = ref.key();
    if (key.kind() != expected) {
      throw new RuleViolation("expected a reference to a " + expected.wire() + ", got " + key);
    }
    Row row = key.isReference() ? store.byNaturalKey(Model.of(key.kind()), key.path()) : store.byOwnedKey(key.toString());
    if (row == null) {
      throw new RuleViolation(key + " does not exist in NetBox");
    }
    return row.id;
  }

  private void writeCustomField(Row row, String name, Object value) {
    Row definition = store.byNaturalKey(Model.CUSTOM_FIELD, name);
    if (definition == null) {
      throw new RuleViolation("custom field '" + name + "' is not defined");
    }
    List<String> types = Arrays.asList(definition.text(Fields.CF_OBJECT_TYPES).split(","));
    if (!types.contains(row.model.contentType())) {
      throw new RuleViolation("custom field '" + name + "' is not defined for " + row.model.contentType());
    }
    if (value != null) {
      String type = definition.text(Fields.CF_TYPE);
      if (("integer".equals(type) && !(value instanceof Integer)) || ("text".equals(type) && !(value instanceof String))) {
        throw new RuleViolation("custom field '" + name + "' holds " + type + " values, got " + value);
      }
      if (value instanceof Ref) {
        throw new RuleViolation("custom field '" + name + "' cannot hold a reference");
      }
    }
    row.custom.put(name, value);
  }

  private void writeMark(Row row, Ownership ownership) {
    if (ownership == null) {
      throw new RuleViolation(row.describe() + " needs an ownership mark");
    }
    writeCustomField(row, OwnershipFields.PLAN, ownership.planId());
    writeCustomField(row, OwnershipFields.KEY, ownership.key().toString());
    writeCustomField(row, OwnershipFields.STATE, OwnershipCodec.toJson(ownership));
  }

  private void addTags(Row row, Set<String> tags) {
    for (String slug : tags) {
      if (store.byNaturalKey(Model.TAG, slug) == null) {
        throw new RuleViolation("tag '" + slug + "' does not exist");
      }
      row.tags.add(slug);
    }
  }

  private static void touch(Row row, Instant now) {
    row.lastUpdated = now;
  }

  private void log(String requestId, Instant now, ChangeRecord.Kind kind, Row row) {
    changelog.add(new ChangeRecord(requestId, now, kind, row.model.contentType(), row.id));
  }

  // ---- inspection ----------------------------------------------------------------------------

  /** The object of that kind and id, if it exists. */
  public synchronized Optional<StoredObject> get(ObjectKind kind, long id) {
    return Optional.ofNullable(store.get(Model.of(kind), id)).map(StoredObject::new);
  }

  /** The object carrying that DIET key, or the reference object with that natural key. */
  public synchronized Optional<StoredObject> find(ObjectKey key) {
    Row row = key.isReference() ? store.byNaturalKey(Model.of(key.kind()), key.path()) : store.byOwnedKey(key.toString());
    return Optional.ofNullable(row).map(StoredObject::new);
  }

  /** Every object of a kind, by id. */
  public synchronized List<StoredObject> all(ObjectKind kind) {
    return store.rows(Model.of(kind)).stream().map(StoredObject::new).collect(Collectors.toList());
  }

  public synchronized int count(ObjectKind kind) {
    return store.rows(Model.of(kind)).size();
  }

  /** The device with that name (ignoring case) in the site with that slug. */
  public synchronized Optional<StoredObject> findDevice(String siteSlug, String name) {
    Row site = store.byNaturalKey(Model.SITE, siteSlug);
    return site == null ? Optional.empty() : Optional.ofNullable(store.device(site.id, name)).map(StoredObject::new);
  }

  /** The interfaces of a device, owned or not, by id. */
  public synchronized List<StoredObject> interfacesOf(long deviceId) {
    return store.componentsOf(deviceId).stream()
        .filter(r -> r.model == Model.INTERFACE)
        .map(StoredObject::new)
        .collect(Collectors.toList());
  }

  /** Every IP address, by id. */
  public synchronized List<IpAddress> ipAddresses() {
    return store.rows(Model.IP_ADDRESS).stream().map(IpAddress::new).collect(Collectors.toList());
  }

  /** Every write so far, oldest first. */
  public synchronized List<ChangeRecord> changelog() {
    return List.copyOf(changelog);
  }

  // ---- a person at NetBox --------------------------------------------------------------------

  /**
   * Sets one field as a person would: a column name, or {@code cf.<name>} for a custom field.
   * References may be given as a {@link Ref} or as the target's numeric id.
   */
  public synchronized void edit(ObjectKind kind, long id, String field, Object value) {
    manual(requestId -> {
      Row row = store.require(Model.of(kind), id).copy();
      if (row.model == Model.CABLE && (field.equals(Fields.A_END) || field.equals(Fields.B_END))) {
        throw new RuleViolation("change a cable's ends by deleting it and adding another");
      }
      writeFields(row, singleton(field, value));
      checkRequired(row);
      touch(row, clock.instant());
      store.put(row);
      log(requestId, clock.instant(), ChangeRecord.Kind.UPDATE, row);
      return null;
    });
  }

  /**
   * Deletes an object as NetBox's UI does: a device, module or bay takes its components with it,
   * their cables and the IP addresses on their interfaces; an interface takes its cable and IP
   * addresses; a tag or custom field is removed from every object first. Other reference data
   * cannot be deleted while something uses it.
   */
  public synchronized void delete(ObjectKind kind, long id) {
    manual(requestId -> {
      Row row = store.require(Model.of(kind), id);
      Instant now = clock.instant();
      if (row.model.isReference()) {
        deleteReference(row, requestId, now);
        return null;
      }
      List<Row> parts = new ArrayList<>(dependents(row));
      parts.add(row);
      for (Row part : parts) {
        Row current = store.get(part.model, part.id);
        if (current != null && current.model == Model.INTERFACE && current.cable != null) {
          Row cable = store.get(Model.CABLE, current.cable);
          disconnect(cable, requestId, now);
          dropWithIps(cable, requestId, now);
        }
        if (current != null && current.model == Model.CABLE) {
          disconnect(current, requestId, now);
        }
      }
      for (Row part : parts) {
        dropWithIps(part, requestId, now);
      }
      return null;
    });
  }

  private void deleteReference(Row row, String requestId, Instant now) {
    if (row.model == Model.TAG || row.model == Model.CUSTOM_FIELD) {
      String name = row.model == Model.TAG ? row.text(Fields.SLUG) : row.text(Fields.NAME);
      for (Model m : Model.values()) {
        for (Row r : List.copyOf(store.rows(m))) {
          boolean uses = row.model == Model.TAG ? r.tags.contains(name) : r.custom.containsKey(name);
          if (uses) {
            Row copy = r.copy();
            copy.tags.remove(name);
            copy.custom.remove(name);
            touch(copy, now);
            store.put(copy);
            log(requestId, now, ChangeRecord.Kind.UPDATE, copy);
          }
        }
      }
    } else {
      for (Model m : Model.values()) {
        for (Row r : store.rows(m)) {
          for (Model.Column col : m.columns().values()) {
            if (col.type == Model.Type.REF && col.target == row.model.kind() && Long.valueOf(row.id).equals(r.get(col.name))) {
              throw new RuleViolation(row.describe() + " is still used by " + r.describe());
            }
          }
        }
      }
    }
    store.remove(row);
    log(requestId, now, ChangeRecord.Kind.DELETE, row);
  }

  /** Adds an IP address assigned to an interface; returns its id. */
  public synchronized long addIpAddress(long interfaceId, String address) {
    return manual(requestId -> {
      store.require(Model.INTERFACE, interfaceId);
      Row ip = new Row(Model.IP_ADDRESS, store.nextId(Model.IP_ADDRESS));
      writeDefaults(ip);
      ip.values.put("address", address);
      ip.values.put("assigned_interface", interfaceId);
      ip.created = clock.instant();
      ip.lastUpdated = ip.created;
      store.put(ip);
      log(requestId, ip.created, ChangeRecord.Kind.CREATE, ip);
      return ip.id;
    });
  }

  /**
   * Adds a device by hand (no ownership mark), instantiating its type's interface templates;
   * site, role and device type are given by slug and must exist. Returns the device's id.
   */
  public synchronized long addDevice(String siteSlug, String name, String roleSlug, String deviceTypeSlug) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(Fields.NAME, name);
    fields.put(Fields.SITE, Ref.to(ObjectKey.reference(ObjectKind.SITE, siteSlug)));
    fields.put(Fields.ROLE, Ref.to(ObjectKey.reference(ObjectKind.DEVICE_ROLE, roleSlug)));
    fields.put(Fields.DEVICE_TYPE, Ref.to(ObjectKey.reference(ObjectKind.DEVICE_TYPE, deviceTypeSlug)));
    return create(ObjectKind.DEVICE, fields);
  }

  /** Adds an interface by hand to a device; returns its id. */
  public synchronized long addInterface(long deviceId, String name, String type) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(Fields.DEVICE, deviceId);
    fields.put(Fields.NAME, name);
    fields.put(Fields.TYPE, type);
    return create(ObjectKind.INTERFACE, fields);
  }

  /** Connects two interfaces with a cable by hand; returns the cable's id. */
  public synchronized long addCable(long interfaceA, long interfaceB) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(Fields.A_END, interfaceA);
    fields.put(Fields.B_END, interfaceB);
    return create(ObjectKind.CABLE, fields);
  }

  /**
   * Creates any object by hand, without an ownership mark: fields in the desired-state vocabulary
   * ({@code cf.<name>} for custom fields); references as {@link Ref} (reference data by natural key)
   * or as numeric ids. A device gets its type's interfaces; a cable connects its ends.
   */
  public synchronized long create(ObjectKind kind, Map<String, ?> fields) {
    return manual(requestId -> {
      Instant now = clock.instant();
      Model model = Model.of(kind);
      Row row = new Row(model, store.nextId(model));
      row.created = now;
      row.lastUpdated = now;
      writeDefaults(row);
      writeFields(row, fields);
      checkRequired(row);
      if (model == Model.MODULE) {
        checkModulePlacement(row);
      } else if (model == Model.CABLE) {
        connect(row, requestId, now);
      }
      store.put(row);
      log(requestId, now, ChangeRecord.Kind.CREATE, row);
      if (model == Model.DEVICE) {
        instantiateTemplates(row, requestId, now);
      }
      return row.id;
    });
  }

  /** Adds a tag to an object, creating the tag (grey) when it does not exist yet. */
  public synchronized void addTag(ObjectKind kind, long id, String tagSlug) {
    manual(requestId -> {
      Instant now = clock.instant();
      if (store.byNaturalKey(Model.TAG, tagSlug) == null) {
        Row tag = new Row(Model.TAG, store.nextId(Model.TAG));
        writeDefaults(tag);
        tag.values.put(Fields.NAME, tagSlug);
        tag.values.put(Fields.SLUG, tagSlug);
        tag.created = now;
        tag.lastUpdated = now;
        store.put(tag);
        log(requestId, now, ChangeRecord.Kind.CREATE, tag);
      }
      Row row = store.require(Model.of(kind), id).copy();
      row.tags.add(tagSlug);
      touch(row, now);
      store.put(row);
      log(requestId, now, ChangeRecord.Kind.UPDATE, row);
      return null;
    });
  }

  /** Removes a tag from an object. */
  public synchronized void removeTag(ObjectKind kind, long id, String tagSlug) {
    manual(requestId -> {
      Row row = store.require(Model.of(kind), id).copy();
      row.tags.remove(tagSlug);
      touch(row, clock.instant());
      store.put(row);
      log(requestId, clock.instant(), ChangeRecord.Kind.UPDATE, row);
      return null;
    });
  }

  /** Puts the {@code diet-protected} tag on an object, so DIET never deletes it. */
  public synchronized void protect(ObjectKind kind, long id) {
    addTag(kind, id, OwnershipFields.PROTECTED_TAG);
  }

  private interface ManualChange<T> {
    T run(String requestId);
  }

  /** Runs a manual change atomically; NetBox's refusal becomes an IllegalArgumentException. */
  private <T> T manual(ManualChange<T> change) {
    String requestId = "manual-" + (++manualChanges);
    int logSize = changelog.size();
    store.begin();
    try {
      T result = change.run(requestId);
      store.commit();
      return result;
    } catch (RuleViolation e) {
      store.rollback();
      changelog.subList(logSize, changelog.size()).clear();
      throw new IllegalArgumentException("NetBox refuses: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> singleton(String field, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(field, value);
    return m;
  }

  @Override
  public String toString() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Model m : Model.values()) {
      counts.put(m.contentType().toLowerCase(Locale.ROOT), store.rows(m).size());
    }
    return "InMemoryNetBox" + counts;
  }
}
