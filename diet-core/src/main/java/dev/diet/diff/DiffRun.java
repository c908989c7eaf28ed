package dev.diet.diff;

import dev.diet.spi.DeletionPolicy;
import dev.diet.spi.ExternalReference;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.FieldMap;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One run of the {@link Differ}: holds the intermediate decisions until the change set is assembled. */
final class DiffRun {
  private static final Set<ObjectKind> NAMED = Set.of(ObjectKind.DEVICE, ObjectKind.MODULE_BAY, ObjectKind.INTERFACE);
  private static final List<ObjectKind> REMOVAL_ORDER =
      List.of(ObjectKind.CABLE, ObjectKind.INTERFACE, ObjectKind.MODULE, ObjectKind.MODULE_BAY, ObjectKind.DEVICE);

  private final DesiredState desired;
  private final ObservedState observed;
  private final DiffOptions options;
  private final ProgressListener listener;
  private final String planId;
  private final String planFingerprint;
  private final boolean planApplied;

  private final Map<ObjectKey, Operation> upserts = new HashMap<>();
  private final Map<ObjectKey, Operation> removals = new HashMap<>();
  private final Map<ObjectKey, Operation> recableDeletes = new HashMap<>();
  private final List<Conflict> conflicts = new ArrayList<>();
  private final Set<String> usedResolutions = new HashSet<>();
  private final List<DiffNote> notes = new ArrayList<>();
  private final List<DriftReport.Modified> modified = new ArrayList<>();
  private final List<DriftReport.Missing> missing = new ArrayList<>();
  private final List<DriftReport.Orphaned> orphaned = new ArrayList<>();
  private final List<DriftReport.UnmanagedChange> unmanaged = new ArrayList<>();
  private final Map<ObjectKey, String> names = new HashMap<>();
  /** Owned objects leaving the plan, by the root of their deletion group (their device, when it leaves too). */
  private final Map<ObjectKey, ObjectKey> removalRootOf = new HashMap<>();
  private DeletionApproval approval;
  /** Planned objects found in NetBox, pairwise, and the owned objects that left the plan: each observed object is in one of them. */
  private final List<DesiredObject> matchedDesired = new ArrayList<>();
  private final List<ObservedObject> matchedObserved = new ArrayList<>();
  private List<ObservedObject> leaving = List.of();

  DiffRun(DesiredState desired, ObservedState observed, DiffOptions options, ProgressListener listener) {
    this.desired = desired;
    this.observed = observed;
    this.options = options;
    this.listener = listener;
    this.planId = desired.planId();
    this.planFingerprint = desired.fingerprint();
    this.planApplied = observed.owned().values().stream()
        .anyMatch(o -> o.ownership().get().planFingerprint().map(planFingerprint::equals).orElse(false));
  }

  DiffResult run() {
    long total = desired.size() + observed.owned().size();
    listener.started(Phase.DIFF, "diff", total);
    long done = 0;
    for (DesiredObject d : desired.objects()) {
      if (d.key().isReference()) {
        diffReference(d);
      } else {
        diffOwned(d);
      }
      if (++done % 1000 == 0) {
        listener.progressed(Phase.DIFF, "diff", done, total);
      }
    }
    planRemovals();
    // Decisions feed each other: a skipped create keeps an old cable in the way of another one, a
    // cable that stays keeps the interface (and device) it hangs on, a device that stays keeps its
    // name. Every pass only removes operations, so this ends.
    boolean moved;
    do {
      moved = false;
      for (ObjectKind kind : List.of(ObjectKind.DEVICE, ObjectKind.MODULE_BAY, ObjectKind.INTERFACE)) {
        moved |= checkNames(kind, deletedKeys());
      }
      moved |= checkCableEnds(deletedKeys());
      moved |= skipUnresolvable();
      moved |= keepUnderStayingCables();
    } while (moved);
    refreshApproval();
    findUnmanagedChanges();
    listener.progressed(Phase.DIFF, "diff", total, total);
    checkResolutionsUsed();
    ChangeSet changeSet = new ChangeSet(planId, () -> StateFingerprint.of(planFingerprint, observed), assemble());
    conflicts.sort(Comparator.comparing(Conflict::id));
    notes.sort(Comparator.comparing(DiffNote::key).thenComparing(DiffNote::message));
    DriftReport drift = new DriftReport(
        sorted(modified, Comparator.comparing(DriftReport.Modified::key).thenComparing(DriftReport.Modified::field)),
        sorted(missing, Comparator.comparing(DriftReport.Missing::key)),
        sorted(orphaned, Comparator.comparing(DriftReport.Orphaned::key)),
        sorted(unmanaged, Comparator.comparing(DriftReport.UnmanagedChange::key).thenComparing(DriftReport.UnmanagedChange::field)));
    listener.finished(Phase.DIFF, "diff");
    return new DiffResult(changeSet, planFingerprint, conflicts, drift, approval, notes);
  }

  // ---- reference data ------------------------------------------------------------------------

  private void diffReference(DesiredObject d) {
    ObservedObject c = observed.references().get(d.key());
    if (c == null) {
      upserts.put(d.key(), new Operation(Action.CREATE, d.key(), OptionalLong.empty(), name(d.key()), Map.of(), d.fields(), d.tags(), null, ""));
      return;
    }
    List<ReferenceConflict.Mismatch> mismatches = new ArrayList<>();
    for (Map.Entry<String, Object> f : d.fields().entrySet()) {
      if (!sameReferenceValue(f.getKey(), f.getValue(), c.field(f.getKey()))) {
        mismatches.add(new ReferenceConflict.Mismatch(f.getKey(), f.getValue(), c.field(f.getKey())));
      }
    }
    if (!mismatches.isEmpty()) {
      String id = d.key().toString();
      conflicts.add(new ReferenceConflict(d.key(), name(d.key()), c.id(), mismatches, choose(id, ConflictType.REFERENCE, List.of(Resolution.USE_EXISTING))));
    }
  }

  /** Values agree; a custom field applying to more object types than the plan needs is fine. */
  private static boolean sameReferenceValue(String field, Object desiredValue, Object current) {
    if (Fields.CF_OBJECT_TYPES.equals(field) && desiredValue instanceof String && current instanceof String) {
      return Set.of(((String) current).split(",")).containsAll(Arrays.asList(((String) desiredValue).split(",")));
    }
    return same(desiredValue, current);
  }

  // ---- owned objects in the plan -------------------------------------------------------------

  private void diffOwned(DesiredObject d) {
    ObservedObject c = observed.owned().get(d.key());
    if (c == null) {
      if (planApplied) {
        missing.add(new DriftReport.Missing(d.key(), name(d.key())));
      }
      upserts.put(d.key(), create(d, planApplied ? "missing: deleted outside DIET, recreated" : ""));
      return;
    }
    matchedDesired.add(d);
    matchedObserved.add(c);
    Ownership mark = c.ownership().get();
    if (matchesPlanAndMark(d, c, mark)) {
      return;
    }
    SortedMap<String, Object> last = mark.applied();
    // Nothing below allocates until a field differs.
    Set<String> released = mark.released();
    Map<String, Object> changes = Map.of();
    for (Map.Entry<String, Object> f : d.fields().entrySet()) {
      String field = f.getKey();
      Object want = f.getValue();
      Object current = c.field(field);
      if (released.contains(field) || same(current, want)) {
        continue;
      }
      if (changes.isEmpty()) {
        changes = new TreeMap<>();
      }
      if (!last.containsKey(field) || same(last.get(field), current)) {
        changes.put(field, want);
        continue;
      }
      Object lastValue = last.get(field);
      FieldConflict.Cause cause = same(lastValue, want) ? FieldConflict.Cause.MANUAL_EDIT : FieldConflict.Cause.BOTH_CHANGED;
      modified.add(new DriftReport.Modified(d.key(), name(d.key()), c.id(), field, lastValue, want, current));
      String id = FieldConflict.idOf(d.key(), field);
      FieldConflict conflict = new FieldConflict(
          d.key(), name(d.key()), c.id(), field, lastValue, want, current, cause, choose(id, ConflictType.FIELD, FieldConflict.OPTIONS));
      conflicts.add(conflict);
      if (conflict.resolution() == Resolution.APPLY_DIET) {
        changes.put(field, want);
      } else if (conflict.resolution() == Resolution.STOP_MANAGING) {
        if (released == mark.released()) {
          released = new TreeSet<>(released);
        }
        released.add(field);
      }
    }
    Set<String> missingTags = Set.of();
    if (!c.tags().containsAll(d.tags())) {
      missingTags = new TreeSet<>(d.tags());
      missingTags.removeAll(c.tags());
    }

    if (d.kind() == ObjectKind.CABLE && (changes.containsKey(Fields.A_END) || changes.containsKey(Fields.B_END))) {
      Map<String, Object> before = new TreeMap<>();
      before.put(Fields.A_END, c.field(Fields.A_END));
      before.put(Fields.B_END, c.field(Fields.B_END));
      String reason = "recable: " + endChange(c, d, Fields.A_END, "A") + endChange(c, d, Fields.B_END, "B");
      recableDeletes.put(d.key(), new Operation(Action.DELETE, d.key(), OptionalLong.of(c.id()), render(d.key(), c.fields()), before, Map.of(), Set.of(), null, reason.trim()));
      upserts.put(d.key(), create(d, reason.trim()));
      return;
    }

    if (changes.isEmpty() && missingTags.isEmpty() && !markChanged(c, d, mark, released, changes)) {
      return;
    }
    Map<String, Object> applied = applied(c, d, last, released, changes);
    Map<String, Object> before = new TreeMap<>();
    changes.keySet().forEach(f -> before.put(f, c.field(f)));
    String reason = changes.isEmpty() && missingTags.isEmpty() ? "refresh ownership mark" : "";
    upserts.put(d.key(), new Operation(
        Action.UPDATE, d.key(), OptionalLong.of(c.id()), name(d.key()), before, changes, missingTags,
        new Ownership(planId, d.key(), applied, unmanagedValues(c, applied.keySet()), released, planFingerprint), reason));
  }

  /**
   * The no-change case in one merge walk over the sorted field maps: every planned field holds its
   * planned value, the mark recorded exactly those values, nothing was released, every planned tag
   * is there. The general path below reaches the same verdict (no operation), only slower.
   */
  private static boolean matchesPlanAndMark(DesiredObject d, ObservedObject c, Ownership mark) {
    if (!mark.released().isEmpty() || !(d.fields() instanceof FieldMap) || !(c.fields() instanceof FieldMap)
        || !(mark.applied() instanceof FieldMap)) {
      return false;
    }
    FieldMap want = (FieldMap) d.fields();
    FieldMap current = (FieldMap) c.fields();
    FieldMap last = (FieldMap) mark.applied();
    if (want.size() != last.size()) {
      return false;
    }
    int j = 0;
    for (int i = 0; i < want.size(); i++) {
      String field = want.keyAt(i);
      Object value = want.valueAt(i);
      if (!field.equals(last.keyAt(i)) || !same(value, last.valueAt(i))) {
        return false;
      }
      while (j < current.size() && current.keyAt(j).compareTo(field) < 0) {
        j++;
      }
      Object now = j < current.size() && current.keyAt(j).equals(field) ? current.valueAt(j) : null;
      if (!same(now, value)) {
        return false;
      }
    }
    return c.tags().containsAll(d.tags());
  }

  /** Per managed field, the value the mark will record: the plan's, or the last applied one where a person's edit is kept. */
  private static Map<String, Object> applied(
      ObservedObject c, DesiredObject d, Map<String, Object> last, Set<String> released, Map<String, Object> changes) {
    Map<String, Object> applied = new TreeMap<>();
    for (Map.Entry<String, Object> f : d.fields().entrySet()) {
      String field = f.getKey();
      if (released.contains(field)) {
        continue;
      }
      boolean keptManual = !changes.containsKey(field) && !same(c.field(field), f.getValue());
      applied.put(field, keptManual ? last.get(field) : f.getValue());
    }
    return applied;
  }

  /** Whether the mark must be rewritten: {@link #applied} differs from it, or the released fields changed. */
  private static boolean markChanged(
      ObservedObject c, DesiredObject d, Ownership mark, Set<String> released, Map<String, Object> changes) {
    if (!released.equals(mark.released())) {
      return true;
    }
    SortedMap<String, Object> last = mark.applied();
    int managed = 0;
    for (Map.Entry<String, Object> f : d.fields().entrySet()) {
      String field = f.getKey();
      if (released.contains(field)) {
        continue;
      }
      managed++;
      Object lastValue = last.get(field);
      if (lastValue == null && !last.containsKey(field)) {
        return true;
      }
      boolean keptManual = !changes.containsKey(field) && !same(c.field(field), f.getValue());
      if (!same(keptManual ? lastValue : f.getValue(), lastValue)) {
        return true;
      }
    }
    return managed != last.size();
  }

  private String endChange(ObservedObject c, DesiredObject d, String field, String label) {
    if (same(c.field(field), d.field(field))) {
      return "";
    }
    return "end " + label + " " + valueName(c.field(field)) + " -> " + valueName(d.field(field)) + " ";
  }

  private Operation create(DesiredObject d, String reason) {
    return new Operation(Action.CREATE, d.key(), OptionalLong.empty(), name(d.key()), Map.of(), d.fields(), d.tags(),
        new Ownership(planId, d.key(), d.fields(), Map.of(), Set.of(), planFingerprint), reason);
  }

  /** The object's fields DIET does not manage, as the mark's {@code seen} values. */
  private static Map<String, Object> unmanagedValues(ObservedObject c, Set<String> managed) {
    Map<String, Object> seen = new TreeMap<>();
    c.fields().forEach((f, v) -> {
      if (!managed.contains(f)) {
        seen.put(f, v);
      }
    });
    return seen;
  }

  // ---- owned objects that left the plan ------------------------------------------------------

  /** What happens to an owned object that left the plan; a later fate is stronger. */
  private enum Fate {
    DELETE,
    ORPHAN,
    KEEP
  }

  private void planRemovals() {
    // Every observed object matched a planned one: none is leaving, and none needs looking up again.
    List<ObservedObject> leaving = matchedObserved.size() == observed.owned().size()
        ? List.of()
        : observed.owned().values().stream()
            .filter(o -> !desired.contains(keyOf(o)))
            .sorted(Comparator.comparing(DiffRun::keyOf))
            .collect(Collectors.toList());
    this.leaving = leaving;
    for (ObservedObject o : leaving) {
      orphaned.add(new DriftReport.Orphaned(keyOf(o), name(keyOf(o)), o.id()));
    }
    if (leaving.isEmpty()) {
      return;
    }
    if (options.deletionPolicy() == DeletionPolicy.ORPHAN) {
      for (ObservedObject o : leaving) {
        if (o.isProtected()) {
          note(keyOf(o), "kept: protected by tag diet-protected");
        } else {
          removals.put(keyOf(o), orphan(o, "deletion policy orphan: mark removed, object kept"));
        }
      }
      return;
    }
    Set<ObjectKey> leavingKeys = leaving.stream().map(DiffRun::keyOf).collect(Collectors.toSet());
    Map<ObjectKey, List<ObservedObject>> groups = new TreeMap<>();
    Map<ObjectKey, ObjectKey> rootOf = removalRootOf;
    Set<ObjectKey> releases = new HashSet<>();
    List<ObservedObject> cables = new ArrayList<>();
    for (ObservedObject o : leaving) {
      if (o.kind() == ObjectKind.CABLE) {
        cables.add(o);
        continue;
      }
      ObjectKey device = deviceKeyOf(o);
      boolean deviceLeaves = device != null && leavingKeys.contains(device);
      ObjectKey root = deviceLeaves ? device : keyOf(o);
      if (!deviceLeaves && o.kind() == ObjectKind.INTERFACE && device != null && templateNames(device).contains(o.field(Fields.NAME))) {
        releases.add(root);
      }
      groups.computeIfAbsent(root, k -> new ArrayList<>()).add(o);
      rootOf.put(keyOf(o), root);
    }

    Map<ObjectKey, Fate> fate = new HashMap<>();
    Map<ObjectKey, String> why = new HashMap<>();
    List<ExternalReference> allReferences = new ArrayList<>(observed.externalReferences());
    allReferences.sort(Comparator.comparing(ExternalReference::target).thenComparing(ExternalReference::kind).thenComparingLong(ExternalReference::id));
    for (Map.Entry<ObjectKey, List<ObservedObject>> g : groups.entrySet()) {
      ObjectKey root = g.getKey();
      List<ObservedObject> members = g.getValue();
      if (members.stream().anyMatch(ObservedObject::isProtected)) {
        fate.put(root, Fate.KEEP);
        note(root, "kept: protected by tag diet-protected");
        continue;
      }
      if (releases.contains(root)) {
        fate.put(root, Fate.ORPHAN);
        why.put(root, "port of the device type: released, not deleted");
        continue;
      }
      Set<ObjectKey> memberKeys = members.stream().map(DiffRun::keyOf).collect(Collectors.toSet());
      List<ExternalReference> refs = allReferences.stream().filter(r -> memberKeys.contains(r.target())).collect(Collectors.toList());
      Fate f = Fate.DELETE;
      if (!refs.isEmpty()) {
        DeletionConflict conflict = new DeletionConflict(
            root, name(root), observed.owned().get(root).id(), refs, choose(root.toString(), ConflictType.DELETION, DeletionConflict.options(refs)));
        conflicts.add(conflict);
        f = conflict.resolution() == Resolution.SKIP ? Fate.KEEP : conflict.resolution() == Resolution.ORPHAN ? Fate.ORPHAN : Fate.DELETE;
        why.put(root, "deletion conflict resolved: " + conflict.resolution().wire());
      }
      fate.put(root, f);
    }

    Map<ObjectKey, Fate> cableFate = new HashMap<>();
    for (ObservedObject cable : cables) {
      cableFate.put(keyOf(cable), cable.isProtected() ? Fate.KEEP : Fate.DELETE);
      if (cable.isProtected()) {
        note(keyOf(cable), "kept: protected by tag diet-protected");
      }
    }
    // A cable cannot outlive an interface that is deleted, nor be deleted under one that stays in a
    // person's hands: cables follow the ends that stay, and ends that would be deleted follow cables that stay.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (ObservedObject cable : cables) {
        ObjectKey key = keyOf(cable);
        Fate f = cableFate.get(key);
        for (ObjectKey root : endRoots(cable, rootOf)) {
          Fate g = fate.get(root);
          boolean binding = g == Fate.KEEP || (g == Fate.ORPHAN && !releases.contains(root));
          if (binding && g.compareTo(f) > 0) {
            f = g;
          }
        }
        if (f != cableFate.get(key)) {
          cableFate.put(key, f);
          why.put(key, f == Fate.KEEP ? "" : "follows its interface, which is orphaned");
          if (f == Fate.KEEP) {
            note(key, "kept: an interface it connects stays");
          }
          changed = true;
        }
        if (f == Fate.DELETE) {
          continue;
        }
        for (ObjectKey root : endRoots(cable, rootOf)) {
          Fate g = fate.get(root);
          if (g == Fate.DELETE || (f == Fate.KEEP && g == Fate.ORPHAN && releases.contains(root))) {
            fate.put(root, f);
            if (f == Fate.KEEP) {
              note(root, "kept: its cable " + name(key) + " stays");
            } else {
              why.put(root, "orphaned with its cable " + name(key));
            }
            changed = true;
          }
        }
      }
    }

    for (Map.Entry<ObjectKey, List<ObservedObject>> g : groups.entrySet()) {
      Fate f = fate.get(g.getKey());
      for (ObservedObject m : g.getValue()) {
        if (f == Fate.DELETE) {
          removals.put(keyOf(m), delete(m, why.getOrDefault(g.getKey(), "")));
        } else if (f == Fate.ORPHAN) {
          removals.put(keyOf(m), orphan(m, why.getOrDefault(g.getKey(), "")));
        }
      }
    }
    for (ObservedObject cable : cables) {
      Fate f = cableFate.get(keyOf(cable));
      if (f == Fate.DELETE) {
        removals.put(keyOf(cable), delete(cable, ""));
      } else if (f == Fate.ORPHAN) {
        removals.put(keyOf(cable), orphan(cable, why.getOrDefault(keyOf(cable), "")));
      }
    }
    requireApproval(leavingKeys);
  }

  private static List<ObjectKey> endRoots(ObservedObject cable, Map<ObjectKey, ObjectKey> rootOf) {
    List<ObjectKey> out = new ArrayList<>();
    for (String end : List.of(Fields.A_END, Fields.B_END)) {
      Object v = cable.field(end);
      ObjectKey root = v instanceof Ref ? rootOf.get(((Ref) v).key()) : null;
      if (root != null) {
        out.add(root);
      }
    }
    return out;
  }

  private void requireApproval(Set<ObjectKey> leavingKeys) {
    List<Operation> deletes = removals.values().stream().filter(op -> op.action() == Action.DELETE).collect(Collectors.toList());
    long deviceDeletes = deletes.stream().filter(op -> op.kind() == ObjectKind.DEVICE).count();
    boolean required = options.deletionPolicy() == DeletionPolicy.WARN ? !deletes.isEmpty() : deviceDeletes > options.deviceDeletionThreshold();
    if (!required) {
      return;
    }
    String reason = options.deletionPolicy() == DeletionPolicy.WARN
        ? "deletion policy warn: every deletion needs approval (" + deletes.size() + " objects)"
        : deviceDeletes + " device deletions exceed the threshold of " + options.deviceDeletionThreshold();
    List<Operation> affected = sortedRemovals().stream().filter(op -> leavingKeys.contains(op.key())).collect(Collectors.toList());
    approval = new DeletionApproval(options.deletionsApproved(), reason, (int) deviceDeletes, cascade(affected), affected);
    if (!options.deletionsApproved()) {
      affected.forEach(op -> removals.remove(op.key()));
    }
  }

  /** After later decisions kept some deletions back, an approved request lists what really goes. */
  private void refreshApproval() {
    if (approval == null || !approval.approved()) {
      return;
    }
    List<Operation> ops = sortedRemovals().stream().filter(op -> removals.containsKey(op.key())).collect(Collectors.toList());
    List<DeletionApproval.CascadeEntry> cascade = cascade(ops);
    approval = new DeletionApproval(true, approval.reason(), cascade.size(), cascade, ops);
  }

  /** Per deleted device, the components and cables deleted with it, in the order of {@code ops}. */
  private List<DeletionApproval.CascadeEntry> cascade(List<Operation> ops) {
    Map<ObjectKey, int[]> counts = new HashMap<>();
    Map<ObjectKey, ObjectKey> deviceOfPort = new HashMap<>();
    for (Operation op : ops) {
      if (op.action() == Action.DELETE && op.kind() == ObjectKind.DEVICE) {
        counts.put(op.key(), new int[4]);
      }
    }
    for (Operation op : ops) {
      ObservedObject o = observed.owned().get(op.key());
      ObjectKey device = op.action() == Action.DELETE && o.kind() != ObjectKind.DEVICE ? deviceKeyOf(o) : null;
      int[] c = device == null ? null : counts.get(device);
      if (c == null) {
        continue;
      }
      if (o.kind() == ObjectKind.INTERFACE) {
        c[0]++;
        deviceOfPort.put(op.key(), device);
      } else if (o.kind() == ObjectKind.MODULE_BAY) {
        c[1]++;
      } else if (o.kind() == ObjectKind.MODULE) {
        c[2]++;
      }
    }
    for (Operation op : ops) {
      if (op.kind() != ObjectKind.CABLE || op.action() != Action.DELETE) {
        continue;
      }
      ObservedObject cable = observed.owned().get(op.key());
      Set<ObjectKey> devices = new HashSet<>();
      for (String end : List.of(Fields.A_END, Fields.B_END)) {
        Object v = cable.field(end);
        if (v instanceof Ref && deviceOfPort.containsKey(((Ref) v).key())) {
          devices.add(deviceOfPort.get(((Ref) v).key()));
        }
      }
      devices.forEach(d -> counts.get(d)[3]++);
    }
    List<DeletionApproval.CascadeEntry> out = new ArrayList<>();
    for (Operation op : ops) {
      int[] c = op.kind() == ObjectKind.DEVICE && op.action() == Action.DELETE ? counts.get(op.key()) : null;
      if (c != null) {
        out.add(new DeletionApproval.CascadeEntry(op.key(), name(op.key()), op.netboxId().getAsLong(), c[0], c[1], c[2], c[3]));
      }
    }
    return out;
  }

  private Operation delete(ObservedObject o, String reason) {
    return new Operation(Action.DELETE, keyOf(o), OptionalLong.of(o.id()), name(keyOf(o)), Map.of(), Map.of(), Set.of(), null, reason);
  }

  private Operation orphan(ObservedObject o, String reason) {
    return new Operation(Action.ORPHAN, keyOf(o), OptionalLong.of(o.id()), name(keyOf(o)), Map.of(), Map.of(), Set.of(), null, reason);
  }

  private final Map<ObjectKey, Set<Object>> templatesByType = new HashMap<>();

  /** Names of the interface templates of an owned device's type, as NetBox holds the type. */
  private Set<Object> templateNames(ObjectKey deviceKey) {
    ObservedObject device = observed.owned().get(deviceKey);
    Object type = device == null ? null : device.field(Fields.DEVICE_TYPE);
    if (!(type instanceof Ref)) {
      return Set.of();
    }
    return templatesByType.computeIfAbsent(((Ref) type).key(), this::templateNamesOf);
  }

  private Set<Object> templateNamesOf(ObjectKey typeKey) {
    Object text = observed.references().containsKey(typeKey)
        ? observed.references().get(typeKey).field(Fields.INTERFACE_TEMPLATES)
        : desired.contains(typeKey) ? desired.get(typeKey).field(Fields.INTERFACE_TEMPLATES) : null;
    if (!(text instanceof String)) {
      return Set.of();
    }
    Set<Object> out = new HashSet<>();
    for (String line : ((String) text).split("\n")) {
      int eq = line.lastIndexOf('=');
      if (eq > 0) {
        out.add(line.substring(0, eq));
      }
    }
    return out;
  }

  private Set<ObjectKey> deletedKeys() {
    Set<ObjectKey> out = new HashSet<>(recableDeletes.keySet());
    removals.values().stream().filter(op -> op.action() == Action.DELETE).forEach(op -> out.add(op.key()));
    return out;
  }

  // ---- names and cable ends in the way -------------------------------------------------------

  /** Conflicts for planned names taken by objects that stay; true when an operation was dropped or changed. */
  private boolean checkNames(ObjectKind kind, Set<ObjectKey> deleted) {
    boolean changed = false;
    boolean anyNamed = upserts.values().stream()
        .anyMatch(op -> op.kind() == kind && (op.action() == Action.CREATE || (op.action() == Action.UPDATE && op.after().containsKey(Fields.NAME))));
    if (!anyNamed) {
      return false;
    }
    Map<String, ObservedObject> holders = new HashMap<>();
    for (ObservedObject o : observed.owned().values()) {
      if (o.kind() == kind && !deleted.contains(keyOf(o)) && o.field(Fields.NAME) instanceof String) {
        holders.put(slot(kind, o.fields()), o);
      }
    }
    Map<String, ObservedObject> strangers = new HashMap<>();
    if (kind == ObjectKind.DEVICE) {
      for (ObservedObject o : observed.collisions()) {
        if (o.field(Fields.NAME) instanceof String) {
          strangers.putIfAbsent(slot(kind, o.fields()), o);
        }
      }
    }
    for (DesiredObject d : desired.objects(kind)) {
      Operation op = upserts.get(d.key());
      boolean creating = op != null && op.action() == Action.CREATE;
      boolean renaming = op != null && op.action() == Action.UPDATE && op.after().containsKey(Fields.NAME);
      if ((!creating && !renaming) || !(d.field(Fields.NAME) instanceof String)) {
        continue;
      }
      String slot = slot(kind, d.fields());
      ObservedObject holder = holders.get(slot);
      if (holder != null && !keyOf(holder).equals(d.key())) {
        if (!movesAway(holder, slot)) {
          ExistenceConflict conflict = new ExistenceConflict(
              d.key(), name(d.key()), false, holder.id(), String.valueOf(holder.field(Fields.NAME)), keyOf(holder).toString(),
              "the name '" + d.field(Fields.NAME) + "' is held by " + keyOf(holder) + ", which stays in NetBox",
              choose(d.key().toString(), ConflictType.EXISTENCE, List.of(Resolution.SKIP)));
          conflicts.add(conflict);
          dropName(d, op, conflict);
          changed = true;
        }
        continue;
      }
      ObservedObject stranger = strangers.get(slot);
      if (stranger != null) {
        boolean adoptable = creating && stranger.ownership().isEmpty();
        String reason = stranger.ownership().isPresent()
            ? kind.wire() + " '" + stranger.field(Fields.NAME) + "' (#" + stranger.id() + ") has the planned name and belongs to plan "
                + stranger.ownership().get().planId()
            : kind.wire() + " '" + stranger.field(Fields.NAME) + "' (#" + stranger.id() + ") has the planned name and is not managed by DIET";
        ExistenceConflict conflict = new ExistenceConflict(
            d.key(), name(d.key()), adoptable, stranger.id(), String.valueOf(stranger.field(Fields.NAME)),
            stranger.ownership().map(w -> w.key().toString()).orElse(null), reason,
            choose(d.key().toString(), ConflictType.EXISTENCE, adoptable ? List.of(Resolution.SKIP, Resolution.ADOPT) : List.of(Resolution.SKIP)));
        conflicts.add(conflict);
        if (conflict.resolution() == Resolution.ADOPT) {
          upserts.put(d.key(), adopt(d, stranger));
        } else {
          dropName(d, op, conflict);
        }
        changed = true;
      }
    }
    return changed;
  }

  private boolean movesAway(ObservedObject holder, String slot) {
    Operation op = upserts.get(keyOf(holder));
    if (op == null || op.action() != Action.UPDATE || !op.after().containsKey(Fields.NAME)) {
      return false;
    }
    Map<String, Object> after = new TreeMap<>(holder.fields());
    after.put(Fields.NAME, op.after().get(Fields.NAME));
    return !slot(holder.kind(), after).equals(slot);
  }

  private Operation adopt(DesiredObject d, ObservedObject stranger) {
    Map<String, Object> before = new TreeMap<>();
    d.fields().keySet().forEach(f -> before.put(f, stranger.field(f)));
    Set<String> tags = new TreeSet<>(d.tags());
    tags.removeAll(stranger.tags());
    return new Operation(Action.ADOPT, d.key(), OptionalLong.of(stranger.id()), name(d.key()), before, d.fields(), tags,
        new Ownership(planId, d.key(), d.fields(), unmanagedValues(stranger, d.fields().keySet()), Set.of(), planFingerprint),
        "adopt the existing " + d.kind().wire() + " #" + stranger.id());
  }

  /** Skips a create, or takes the name change out of an update, because the name is taken. */
  private void dropName(DesiredObject d, Operation op, Conflict conflict) {
    if (op.action() == Action.CREATE) {
      upserts.remove(d.key());
      note(d.key(), "skipped: " + conflict.describe());
      return;
    }
    ObservedObject self = observed.owned().get(d.key());
    Ownership mark = op.ownership().get();
    Map<String, Object> before = new TreeMap<>(op.before());
    Map<String, Object> after = new TreeMap<>(op.after());
    before.remove(Fields.NAME);
    after.remove(Fields.NAME);
    Map<String, Object> applied = new TreeMap<>(mark.applied());
    Object lastName = self.ownership().get().applied().get(Fields.NAME);
    applied.put(Fields.NAME, lastName);
    note(d.key(), "rename skipped: " + conflict.describe());
    Ownership old = self.ownership().get();
    if (after.isEmpty() && op.addTags().isEmpty() && applied.equals(old.applied()) && mark.released().equals(old.released())) {
      upserts.remove(d.key());
      return;
    }
    upserts.put(d.key(), new Operation(Action.UPDATE, d.key(), op.netboxId(), op.displayName(), before, after, op.addTags(),
        new Ownership(planId, d.key(), applied, mark.seen(), mark.released(), planFingerprint), op.reason()));
  }

  /** Skips planned cables whose ends are taken; true when one was skipped. */
  private boolean checkCableEnds(Set<ObjectKey> deleted) {
    if (upserts.values().stream().noneMatch(op -> op.kind() == ObjectKind.CABLE && op.action() == Action.CREATE)) {
      return false;
    }
    boolean changed = false;
    Map<ObjectKey, ObservedObject> ownedCableAt = new HashMap<>();
    for (ObservedObject o : observed.owned().values()) {
      if (o.kind() == ObjectKind.CABLE && !deleted.contains(keyOf(o))) {
        for (String end : List.of(Fields.A_END, Fields.B_END)) {
          if (o.field(end) instanceof Ref) {
            ownedCableAt.put(((Ref) o.field(end)).key(), o);
          }
        }
      }
    }
    Map<ObjectKey, ExternalReference> foreignCableAt = new HashMap<>();
    for (ExternalReference r : observed.externalReferences()) {
      if (r.kind().equals("dcim.cable")) {
        foreignCableAt.putIfAbsent(r.target(), r);
      }
    }
    for (DesiredObject d : desired.objects(ObjectKind.CABLE)) {
      Operation op = upserts.get(d.key());
      if (op == null || op.action() != Action.CREATE) {
        continue;
      }
      for (String end : List.of(Fields.A_END, Fields.B_END)) {
        if (!(d.field(end) instanceof Ref)) {
          continue;
        }
        ObjectKey port = ((Ref) d.field(end)).key();
        ObservedObject holder = ownedCableAt.get(port);
        ExternalReference foreign = foreignCableAt.get(port);
        if ((holder == null || keyOf(holder).equals(d.key())) && foreign == null) {
          continue;
        }
        String reason = foreign != null
            ? "interface " + name(port) + " already has " + foreign.description() + ", which DIET does not own"
            : "interface " + name(port) + " already has cable " + keyOf(holder) + ", which stays in NetBox";
        ExistenceConflict conflict = new ExistenceConflict(
            d.key(), name(d.key()), false, foreign != null ? foreign.id() : holder.id(), foreign != null ? foreign.description() : name(keyOf(holder)),
            foreign != null ? null : keyOf(holder).toString(), reason, choose(d.key().toString(), ConflictType.EXISTENCE, List.of(Resolution.SKIP)));
        conflicts.add(conflict);
        upserts.remove(d.key());
        recableDeletes.remove(d.key());
        note(d.key(), "skipped: " + reason);
        changed = true;
        break;
      }
    }
    return changed;
  }

  // ---- operations whose references will not exist -------------------------------------------

  /** Skips operations that refer to objects that will not exist; true when one was skipped. */
  private boolean skipUnresolvable() {
    if (upserts.isEmpty()) {
      return false;
    }
    boolean changed = false;
    Set<ObjectKey> exists = new HashSet<>(observed.owned().keySet());
    removals.keySet().forEach(exists::remove);
    exists.removeAll(recableDeletes.keySet());
    exists.addAll(observed.references().keySet());
    List<Operation> ops = new ArrayList<>(upserts.values());
    ops.sort(Comparator.comparing(Operation::key));
    for (Operation op : ops) {
      ObjectKey absent = null;
      for (Object v : op.after().values()) {
        if (v instanceof Ref && !exists.contains(((Ref) v).key())) {
          absent = ((Ref) v).key();
          break;
        }
      }
      if (absent == null) {
        if (op.action() != Action.UPDATE) {
          exists.add(op.key());
        }
        continue;
      }
      upserts.remove(op.key());
      if (recableDeletes.remove(op.key()) != null) {
        exists.add(op.key());
      }
      note(op.key(), "skipped: needs " + name(absent) + " (" + absent + "), which is not in NetBox and is not being created");
      changed = true;
    }
    return changed;
  }


  /**
   * Keeps the deletion groups whose interfaces still hold a cable that stays (a desired cable whose
   * replacement was skipped, an orphaned or kept one): NetBox cannot delete them under it.
   */
  private boolean keepUnderStayingCables() {
    Set<ObjectKey> deleted = deletedKeys();
    if (deleted.isEmpty()) {
      return false;
    }
    Set<ObjectKey> roots = new TreeSet<>();
    for (ObservedObject cable : observed.owned().values()) {
      if (cable.kind() != ObjectKind.CABLE || deleted.contains(keyOf(cable))) {
        continue;
      }
      for (String end : List.of(Fields.A_END, Fields.B_END)) {
        Object v = cable.field(end);
        if (v instanceof Ref && deleted.contains(((Ref) v).key())) {
          ObjectKey root = removalRootOf.getOrDefault(((Ref) v).key(), ((Ref) v).key());
          if (roots.add(root)) {
            note(root, "kept: its cable " + name(keyOf(cable)) + " stays");
          }
        }
      }
    }
    if (roots.isEmpty()) {
      return false;
    }
    removals.values().removeIf(op -> op.action() == Action.DELETE && roots.contains(removalRootOf.getOrDefault(op.key(), op.key())));
    return true;
  }

  // ---- drift in fields DIET does not manage --------------------------------------------------

  /** Every observed object against its planned one (null for those leaving); the result is sorted later. */
  private void findUnmanagedChanges() {
    for (int i = 0; i < matchedObserved.size(); i++) {
      findUnmanagedChanges(matchedObserved.get(i), matchedDesired.get(i));
    }
    for (ObservedObject o : leaving) {
      findUnmanagedChanges(o, null);
    }
  }

  private void findUnmanagedChanges(ObservedObject o, DesiredObject d) {
    Ownership mark = o.ownership().get();
    if (unmanagedChangesByMerge(o, mark, d)) {
      return;
    }
    o.fields().forEach((field, current) -> checkUnmanaged(o, mark, d, field, current));
    mark.seen().forEach((field, seen) -> {
      if (!o.fields().containsKey(field)) {
        checkUnmanaged(o, mark, d, field, null);
      }
    });
  }

  /**
   * {@link #checkUnmanaged} for every field in one merge walk, for the common object whose mark
   * manages exactly the planned fields and released none; false (nothing done) for any other.
   */
  private boolean unmanagedChangesByMerge(ObservedObject o, Ownership mark, DesiredObject d) {
    if (d == null || !mark.released().isEmpty() || !(o.fields() instanceof FieldMap) || !(d.fields() instanceof FieldMap)
        || !(mark.applied() instanceof FieldMap) || !(mark.seen() instanceof FieldMap)) {
      return false;
    }
    FieldMap fields = (FieldMap) o.fields();
    FieldMap want = (FieldMap) d.fields();
    FieldMap applied = (FieldMap) mark.applied();
    FieldMap seen = (FieldMap) mark.seen();
    if (want.size() != applied.size()) {
      return false;
    }
    for (int i = 0; i < want.size(); i++) {
      if (!want.keyAt(i).equals(applied.keyAt(i))) {
        return false;
      }
    }
    // Managed fields are exactly the applied ones; every other field is compared with its seen value.
    int a = 0;
    int s = 0;
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.keyAt(i);
      while (a < applied.size() && applied.keyAt(a).compareTo(field) < 0) {
        a++;
      }
      if (a < applied.size() && applied.keyAt(a).equals(field)) {
        continue;
      }
      while (s < seen.size() && seen.keyAt(s).compareTo(field) < 0) {
        s++;
      }
      Object before = s < seen.size() && seen.keyAt(s).equals(field) ? seen.valueAt(s) : null;
      Object current = fields.valueAt(i);
      if (!same(before, current)) {
        unmanaged.add(new DriftReport.UnmanagedChange(keyOf(o), name(keyOf(o)), o.id(), field, before, current));
      }
    }
    a = 0;
    int f = 0;
    for (int i = 0; i < seen.size(); i++) {
      String field = seen.keyAt(i);
      while (f < fields.size() && fields.keyAt(f).compareTo(field) < 0) {
        f++;
      }
      if (f < fields.size() && fields.keyAt(f).equals(field)) {
        continue;
      }
      while (a < applied.size() && applied.keyAt(a).compareTo(field) < 0) {
        a++;
      }
      if (a < applied.size() && applied.keyAt(a).equals(field)) {
        continue;
      }
      if (!same(seen.valueAt(i), null)) {
        unmanaged.add(new DriftReport.UnmanagedChange(keyOf(o), name(keyOf(o)), o.id(), field, seen.valueAt(i), null));
      }
    }
    return true;
  }

  private void checkUnmanaged(ObservedObject o, Ownership mark, DesiredObject d, String field, Object current) {
    if (mark.applied().containsKey(field) || (d != null && d.fields().containsKey(field) && !mark.released().contains(field))) {
      return;
    }
    Object seen = mark.seen().get(field);
    if (!same(seen, current)) {
      unmanaged.add(new DriftReport.UnmanagedChange(keyOf(o), name(keyOf(o)), o.id(), field, seen, current));
    }
  }

  // ---- the change set ------------------------------------------------------------------------

  private List<Operation> sortedRemovals() {
    List<Operation> out = new ArrayList<>(removals.values());
    out.addAll(recableDeletes.values());
    out.sort(Comparator.comparing((Operation op) -> REMOVAL_ORDER.indexOf(op.kind())).thenComparing(Operation::key).thenComparing(Operation::action));
    return out;
  }

  private List<Operation> assemble() {
    List<Operation> ops = new ArrayList<>(sortedRemovals());
    Map<ObjectKind, List<Operation>> byKind = new EnumMap<>(ObjectKind.class);
    upserts.values().stream().sorted(Comparator.comparing(Operation::key)).forEach(op -> byKind.computeIfAbsent(op.kind(), k -> new ArrayList<>()).add(op));
    for (Map.Entry<ObjectKind, List<Operation>> e : byKind.entrySet()) {
      List<Operation> updates = e.getValue().stream().filter(op -> op.action() == Action.UPDATE).collect(Collectors.toList());
      ops.addAll(NAMED.contains(e.getKey()) ? orderRenames(e.getKey(), updates) : updates);
      e.getValue().stream().filter(op -> op.action() == Action.ADOPT).forEach(ops::add);
      e.getValue().stream().filter(op -> op.action() == Action.CREATE).forEach(ops::add);
    }
    return ops;
  }

  /**
   * Orders renames so a name is vacated before another object takes it; a cycle (two devices
   * swapping names) is broken with a temporary name.
   */
  private List<Operation> orderRenames(ObjectKind kind, List<Operation> updates) {
    List<Operation> renames = updates.stream().filter(op -> op.after().containsKey(Fields.NAME)).collect(Collectors.toList());
    List<Operation> others = updates.stream().filter(op -> !op.after().containsKey(Fields.NAME)).collect(Collectors.toList());
    Map<String, Operation> byCurrentSlot = new HashMap<>();
    for (Operation op : renames) {
      byCurrentSlot.put(slot(kind, observed.owned().get(op.key()).fields()), op);
    }
    Map<ObjectKey, Operation> waitsFor = new HashMap<>();
    for (Operation op : renames) {
      Map<String, Object> after = new TreeMap<>(observed.owned().get(op.key()).fields());
      after.put(Fields.NAME, op.after().get(Fields.NAME));
      Operation holder = byCurrentSlot.get(slot(kind, after));
      if (holder != null && holder != op) {
        waitsFor.put(op.key(), holder);
      }
    }
    List<Operation> temporary = new ArrayList<>();
    List<Operation> ordered = new ArrayList<>();
    Set<ObjectKey> vacated = new HashSet<>();
    List<Operation> remaining = new ArrayList<>(renames);
    while (!remaining.isEmpty()) {
      boolean progressed = false;
      for (Iterator<Operation> it = remaining.iterator(); it.hasNext(); ) {
        Operation op = it.next();
        Operation holder = waitsFor.get(op.key());
        if (holder == null || vacated.contains(holder.key())) {
          ordered.add(op);
          vacated.add(op.key());
          it.remove();
          progressed = true;
        }
      }
      if (!progressed) {
        Operation first = remaining.get(0);
        temporary.add(temporaryName(first));
        vacated.add(first.key());
      }
    }
    List<Operation> out = new ArrayList<>(temporary);
    out.addAll(ordered);
    out.addAll(others);
    return out;
  }

  private Operation temporaryName(Operation rename) {
    ObservedObject self = observed.owned().get(rename.key());
    Ownership old = self.ownership().get();
    String current = String.valueOf(self.field(Fields.NAME));
    String temporary = current + "~diet-" + self.id();
    Map<String, Object> applied = new TreeMap<>(old.applied());
    applied.put(Fields.NAME, temporary);
    return new Operation(Action.UPDATE, rename.key(), rename.netboxId(), rename.displayName(), Map.of(Fields.NAME, current),
        Map.of(Fields.NAME, temporary), Set.of(),
        new Ownership(planId, rename.key(), applied, old.seen(), old.released(), old.planFingerprint().orElse(null)),
        "temporary name: frees '" + current + "' for another rename");
  }

  /** Where a name must be unique: devices per site ignoring case, components per device. */
  private static String slot(ObjectKind kind, Map<String, Object> fields) {
    String name = String.valueOf(fields.get(Fields.NAME));
    return kind == ObjectKind.DEVICE
        ? fields.get(Fields.SITE) + "|" + name.toLowerCase(Locale.ROOT)
        : fields.get(Fields.DEVICE) + "|" + name;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Resolution choose(String id, ConflictType type, List<Resolution> accepted) {
    Resolution explicit = options.resolutions().byId().get(id);
    if (explicit != null) {
      usedResolutions.add(id);
      return explicit;
    }
    Resolution forType = options.resolutions().byType().get(type);
    return forType != null && accepted.contains(forType) ? forType : null;
  }

  private void checkResolutionsUsed() {
    Set<String> unused = new TreeSet<>(options.resolutions().byId().keySet());
    unused.removeAll(usedResolutions);
    if (!unused.isEmpty()) {
      throw new ResolutionException(
          "resolutions were given for conflicts this plan does not have: " + String.join(", ", unused),
          "run plan again and use the conflict ids it lists");
    }
  }

  private void note(ObjectKey key, String message) {
    notes.add(new DiffNote(key, name(key), message));
  }

  static ObjectKey keyOf(ObservedObject o) {
    return o.ownership().get().key();
  }

  private static ObjectKey deviceKeyOf(ObservedObject o) {
    if (o.kind() == ObjectKind.DEVICE) {
      return keyOf(o);
    }
    Object device = o.field(Fields.DEVICE);
    return device instanceof Ref ? ((Ref) device).key() : null;
  }

  /** Equal, treating an empty string as null (NetBox stores empty text where the plan says nothing). */
  static boolean same(Object a, Object b) {
    return Objects.equals("".equals(a) ? null : a, "".equals(b) ? null : b);
  }

  /** Human name of the object a key names: device name, {@code device:interface}, cable ends. */
  String name(ObjectKey key) {
    String cached = names.get(key);
    if (cached != null) {
      return cached;
    }
    Map<String, Object> fields = null;
    if (desired.contains(key)) {
      fields = desired.get(key).fields();
    } else if (observed.owned().containsKey(key)) {
      fields = observed.owned().get(key).fields();
    } else if (observed.references().containsKey(key)) {
      fields = observed.references().get(key).fields();
    }
    String name = fields == null ? key.path() : render(key, fields);
    names.put(key, name);
    return name;
  }

  private String render(ObjectKey key, Map<String, Object> fields) {
    Object name = fields.get(Fields.NAME);
    switch (key.kind()) {
      case DEVICE:
        return name instanceof String ? (String) name : key.path();
      case INTERFACE:
      case MODULE_BAY:
        return valueName(fields.get(Fields.DEVICE)) + ":" + name;
      case MODULE:
        return valueName(fields.get(Fields.MODULE_BAY));
      case CABLE:
        return valueName(fields.get(Fields.A_END)) + " <-> " + valueName(fields.get(Fields.B_END));
      default:
        return key.path();
    }
  }

  private String valueName(Object value) {
    return value instanceof Ref ? name(((Ref) value).key()) : String.valueOf(value);
  }

  private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
    List<T> out = new ArrayList<>(list);
    out.sort(order);
    return out;
  }
}
