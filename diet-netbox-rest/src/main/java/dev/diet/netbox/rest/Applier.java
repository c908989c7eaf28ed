package dev.diet.netbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.diff.Action;
import dev.diet.diff.ChangeSet;
import dev.diet.diff.Operation;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.BackendException;
import dev.diet.spi.OwnershipFields;
import dev.diet.spi.Phase;
import dev.diet.spi.ProgressListener;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apply over REST: the change set's runs of one kind and action become bulk requests of at most
 * the chunk size, in order. Ids NetBox assigns are mapped back to keys for later references;
 * interfaces NetBox made from templates are adopted with PATCH; every create carries the ownership
 * mark, so after any failure the next observe finds what was made and a re-run converges. NetBox's
 * refusals become failures per object; the apply goes on with what does not depend on them.
 */
final class Applier {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int ID_CHUNK = 100;
  static final String INCOMPLETE = " (DIET: incomplete)";
  static final String INCOMPLETE_SLUG = "--diet-incomplete";

  private final NetBoxHttp http;
  private final Observer observer;
  private final String planId;
  private final int chunkSize;
  private final Duration requestBudget;
  private final ProgressListener listener;
  private final Map<ObjectKey, Long> ids = new HashMap<>();
  private final List<ApplyReport.Failure> failures = new ArrayList<>();
  private final Map<Action, Integer> done = new EnumMap<>(Action.class);
  private BackendException fatal;

  Applier(NetBoxHttp http, String planId, int chunkSize, Duration requestBudget, ProgressListener listener) {
    this.http = http;
    this.observer = new Observer(http);
    this.planId = planId;
    this.chunkSize = chunkSize;
    this.requestBudget = requestBudget;
    this.listener = listener;
  }

  ApplyReport run(ChangeSet changeSet) {
    List<Operation> ops = changeSet.operations();
    try {
      resolveExisting(ops);
    } catch (NetBoxRequestException e) {
      fatal = e;
    } catch (NetBoxUnavailableException | NetBoxUnreachableException | NetBoxAuthenticationException | NetBoxEndpointException e) {
      fatal = e;
    }
    int i = 0;
    while (i < ops.size()) {
      Operation first = ops.get(i);
      int end = i;
      while (end < ops.size() && ops.get(end).kind() == first.kind() && ops.get(end).action() == first.action()) {
        end++;
      }
      List<Operation> run = ops.subList(i, end);
      listener.started(Phase.APPLY, first.kind().wire(), run.size());
      int progressed = 0;
      int limit = chunkSize;
      while (progressed < run.size()) {
        List<Operation> chunk = nextChunk(run, progressed, limit);
        long started = System.nanoTime();
        if (fatal != null) {
          chunk.forEach(op -> fail(op, "not attempted: " + fatal.getMessage()));
        } else {
          try {
            execute(first.kind(), first.action(), checked(chunk));
          } catch (NetBoxUnavailableException | NetBoxUnreachableException | NetBoxAuthenticationException | NetBoxEndpointException e) {
            fatal = e;
            chunk.forEach(op -> fail(op, e.getMessage()));
          }
        }
        limit = nextLimit(first, limit, chunk.size(), Duration.ofNanos(System.nanoTime() - started));
        progressed += chunk.size();
        listener.progressed(Phase.APPLY, first.kind().wire(), progressed, run.size());
      }
      listener.finished(Phase.APPLY, first.kind().wire());
      i = end;
    }
    return new ApplyReport(done, failures, false, null);
  }

  /** The next chunk of a run from {@code from}: at most {@code limit} operations, never one NetBox id twice (a rename cycle's two steps). */
  private static List<Operation> nextChunk(List<Operation> run, int from, int limit) {
    List<Operation> chunk = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (int i = from; i < run.size() && chunk.size() < limit; i++) {
      Operation op = run.get(i);
      if (!seen.add(op.netboxId().isPresent() ? (Object) op.netboxId().getAsLong() : op.key())) {
        break;
      }
      chunk.add(op);
    }
    return chunk;
  }

  /**
   * Keeps bulk requests well inside NetBox's request budget: NetBox saves bulk objects one by one
   * (a few interfaces per second), so after a chunk that took more than half the budget the next
   * ones shrink to fit half of it; after fast ones they grow back towards the chunk size.
   */
  private int nextLimit(Operation kindAndAction, int limit, int size, Duration took) {
    long half = requestBudget.toMillis() / 2;
    if (took.toMillis() > half) {
      int smaller = (int) Math.max(1, size * half / Math.max(1, took.toMillis()));
      LOG.info("{} {} of {} objects took {} ms; next chunks of at most {}", kindAndAction.action(), kindAndAction.kind().wire(), size,
          took.toMillis(), smaller);
      return Math.min(limit, smaller);
    }
    if (limit < chunkSize && took.toMillis() < half / 4) {
      return Math.min(chunkSize, limit * 2);
    }
    return limit;
  }

  /** Drops operations on another plan's keys (a failure each). */
  private List<Operation> checked(List<Operation> chunk) {
    List<Operation> out = new ArrayList<>();
    for (Operation op : chunk) {
      if (!op.key().isReference() && !op.key().owner().equals(planId)) {
        fail(op, "the change set of plan " + planId + " may not touch " + op.key());
      } else if (op.key().isReference() && op.action() != Action.CREATE) {
        fail(op, "DIET never modifies reference data (" + op.key() + ")");
      } else {
        out.add(op);
      }
    }
    return out;
  }

  private void execute(ObjectKind kind, Action action, List<Operation> chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    switch (action) {
      case CREATE:
        if (kind == ObjectKind.INTERFACE) {
          createInterfaces(chunk);
        } else {
          create(kind, chunk);
        }
        break;
      case UPDATE:
      case ADOPT:
      case ORPHAN:
      case DELETE:
        change(kind, action, chunk);
        break;
      default:
        throw new IllegalStateException("unknown action " + action);
    }
  }

  // ---- create --------------------------------------------------------------------------------

  private void create(ObjectKind kind, List<Operation> chunk) {
    Map<Operation, ObjectNode> bodies = new LinkedHashMap<>();
    Map<Operation, ObjectNode> withTemplates = new LinkedHashMap<>();
    for (Operation op : chunk) {
      ObjectNode body = body(op);
      if (body == null) {
        continue;
      }
      Object templates = op.after().get(Fields.INTERFACE_TEMPLATES);
      boolean type = kind == ObjectKind.DEVICE_TYPE || kind == ObjectKind.MODULE_TYPE;
      (type && templates instanceof String && !((String) templates).isBlank() ? withTemplates : bodies).put(op, body);
    }
    post(kind, bodies, true);
    if (!withTemplates.isEmpty()) {
      createTypesWithTemplates(kind, withTemplates);
    }
  }

  /**
   * A device or module type and its interface templates take several requests. The type is created
   * under a provisional name ({@value #INCOMPLETE} appended to model and slug), given its templates,
   * then renamed; an apply interrupted in between leaves a type no plan matches, and the next apply
   * finds it by the provisional name and finishes it, instead of a type without templates that would
   * stand as a reference conflict forever.
   */
  private void createTypesWithTemplates(ObjectKind kind, Map<Operation, ObjectNode> bodies) {
    Map<ObjectKey, Operation> byProvisionalKey = new LinkedHashMap<>();
    for (Map.Entry<Operation, ObjectNode> e : bodies.entrySet()) {
      ObjectNode body = e.getValue();
      body.put("model", body.path("model").asText() + INCOMPLETE);
      if (kind == ObjectKind.DEVICE_TYPE) {
        body.put("slug", body.path("slug").asText() + INCOMPLETE_SLUG);
      }
      String path = e.getKey().key().path() + (kind == ObjectKind.DEVICE_TYPE ? INCOMPLETE_SLUG : INCOMPLETE);
      byProvisionalKey.put(ObjectKey.reference(kind, path), e.getKey());
    }
    Map<ObjectKey, ObjectNode> leftovers = observer.findReferences(kind, new ArrayList<>(byProvisionalKey.keySet()), null);
    List<Operation> types = new ArrayList<>();
    Map<Operation, ObjectNode> fresh = new LinkedHashMap<>();
    byProvisionalKey.forEach((provisional, op) -> {
      ObjectNode left = leftovers.get(provisional);
      if (left != null) {
        created(op, left.path("id").asLong());
        types.add(op);
      } else {
        fresh.put(op, bodies.get(op));
      }
    });
    if (!types.isEmpty()) {
      LOG.info("finishing {} {}s an interrupted apply left under provisional names", types.size(), kind.wire());
    }
    boolean readFirst = !types.isEmpty();
    types.addAll(post(kind, fresh, true));
    List<Operation> complete = createTemplates(kind, types, readFirst);
    if (complete.isEmpty()) {
      return;
    }
    ArrayNode rename = F.arrayNode();
    for (Operation op : complete) {
      ObjectNode r = rename.addObject().put("id", ids.get(op.key())).put("model", (String) op.after().get(Fields.MODEL));
      if (kind == ObjectKind.DEVICE_TYPE) {
        r.put("slug", (String) op.after().get(Fields.SLUG));
      }
    }
    try {
      http.send("PATCH", Wire.endpoint(kind), rename);
    } catch (NetBoxRequestException e) {
      complete.forEach(op -> fail(op, "CREATE " + op.displayName() + ": renaming the finished type failed: " + e.netboxMessage()));
    }
  }

  /** The create or update body of an operation (fields, mark, tags), or null after recording why it cannot be built. */
  private ObjectNode body(Operation op) {
    try {
      ObjectNode body = Wire.payload(op.kind(), op.after(), ids::get);
      if (!op.key().isReference()) {
        Wire.mark(body, op.ownership().orElse(null));
      }
      if (!op.addTags().isEmpty()) {
        body.set("tags", Wire.tags(op.addTags()));
      }
      return body;
    } catch (Wire.Unresolved e) {
      fail(op, op.action() + " " + op.displayName() + ": it refers to " + e.key + ", which NetBox does not have (not created, or its creation failed)");
      return null;
    }
  }

  /**
   * POSTs the bodies as one bulk request and maps the ids back; on NetBox's per-object refusal the
   * refused objects fail and the others are sent again. After an ambiguous retry (an earlier attempt
   * may have been carried out), what exists already is found by key and only the rest is sent.
   */
  private List<Operation> post(ObjectKind kind, Map<Operation, ObjectNode> bodies, boolean mayRecover) {
    List<Operation> created = new ArrayList<>();
    if (bodies.isEmpty()) {
      return created;
    }
    List<Operation> ops = new ArrayList<>(bodies.keySet());
    ArrayNode request = F.arrayNode();
    bodies.values().forEach(request::add);
    try {
      JsonNode response = http.send("POST", Wire.endpoint(kind), request);
      for (int i = 0; i < ops.size(); i++) {
        created(ops.get(i), response.path(i).path("id").asLong());
        created.add(ops.get(i));
      }
      return created;
    } catch (NetBoxRequestException e) {
      if (e.afterAmbiguousRetry() && mayRecover) {
        Map<ObjectKey, Long> existing = findExisting(kind, ops);
        Map<Operation, ObjectNode> rest = new LinkedHashMap<>();
        for (Operation op : ops) {
          Long id = existing.get(op.key());
          if (id != null) {
            created(op, id);
            created.add(op);
          } else {
            rest.put(op, bodies.get(op));
          }
        }
        LOG.info("POST {}: {} of {} objects were created by an attempt whose answer was lost", Wire.endpoint(kind), created.size(), ops.size());
        created.addAll(post(kind, rest, false));
        return created;
      }
      List<String> errors = e.objectErrors();
      if (errors.size() != ops.size()) {
        ops.forEach(op -> fail(op, op.action() + " " + op.displayName() + ": " + e.netboxMessage()));
        return created;
      }
      Map<Operation, ObjectNode> valid = new LinkedHashMap<>();
      for (int i = 0; i < ops.size(); i++) {
        Operation op = ops.get(i);
        if (errors.get(i).isEmpty()) {
          valid.put(op, bodies.get(op));
        } else {
          fail(op, op.action() + " " + op.displayName() + ": " + errors.get(i));
        }
      }
      if (valid.size() < ops.size()) {
        created.addAll(post(kind, valid, mayRecover));
      } else {
        ops.forEach(op -> fail(op, op.action() + " " + op.displayName() + ": " + e.netboxMessage()));
      }
      return created;
    }
  }

  /** Objects of these operations that already exist: owned ones by the key they carry, reference data by natural key. */
  private Map<ObjectKey, Long> findExisting(ObjectKind kind, List<Operation> ops) {
    Map<ObjectKey, Long> out = new HashMap<>();
    List<ObjectKey> keys = new ArrayList<>();
    ops.forEach(op -> keys.add(op.key()));
    if (kind.isReference()) {
      observer.findReferences(kind, keys, null).forEach((k, n) -> out.put(k, n.path("id").asLong()));
      return out;
    }
    List<String> texts = new ArrayList<>();
    keys.forEach(k -> texts.add(k.toString()));
    for (List<String> chunk : Observer.chunks(texts, Observer.FILTER_CHUNK)) {
      Query q = new Query().andAll("cf_" + OwnershipFields.KEY, chunk).and("fields", "id,custom_fields");
      for (ObjectNode n : http.list(Wire.endpoint(kind), q)) {
        String key = Wire.carriedKey(n);
        if (key != null && planId.equals(Wire.carriedPlan(n))) {
          out.put(ObjectKey.parse(key), n.path("id").asLong());
        }
      }
    }
    return out;
  }

  private void created(Operation op, long id) {
    ids.put(op.key(), id);
    done.merge(op.action(), 1, Integer::sum);
  }

  /** Interface templates of freshly created device or module types; re-reads what exists when a request was ambiguous. */
  private List<Operation> createTemplates(ObjectKind kind, List<Operation> types, boolean readFirst) {
    String field = kind == ObjectKind.DEVICE_TYPE ? "device_type" : "module_type";
    Set<String> existing = new HashSet<>();
    if (readFirst) {
      readTemplates(field, types, existing);
    }
    for (int attempt = 0; ; attempt++) {
      List<ObjectNode> missing = new ArrayList<>();
      Map<ObjectNode, Operation> owner = new HashMap<>();
      for (Operation op : types) {
        long typeId = ids.get(op.key());
        for (ObjectNode t : Wire.templates((String) op.after().get(Fields.INTERFACE_TEMPLATES), field, typeId)) {
          if (!existing.contains(typeId + "\u0000" + t.path("name").asText())) {
            missing.add(t);
            owner.put(t, op);
          }
        }
      }
      try {
        for (List<ObjectNode> chunk : Observer.chunks(missing, chunkSize)) {
          ArrayNode request = F.arrayNode();
          chunk.forEach(request::add);
          http.send("POST", Wire.INTERFACE_TEMPLATES, request);
        }
        return types;
      } catch (NetBoxRequestException e) {
        if (!e.afterAmbiguousRetry() || attempt >= 2) {
          Set<Operation> failed = new TreeSet<>((a, b) -> a.key().compareTo(b.key()));
          failed.addAll(owner.values());
          failed.forEach(op -> fail(op, "interface templates of " + op.displayName() + ": " + e.netboxMessage()));
          List<Operation> complete = new ArrayList<>(types);
          complete.removeAll(failed);
          return complete;
        }
        readTemplates(field, types, existing);
      }
    }
  }

  private void readTemplates(String field, List<Operation> types, Set<String> into) {
    List<Long> typeIds = new ArrayList<>();
    types.forEach(op -> typeIds.add(ids.get(op.key())));
    for (List<Long> chunk : Observer.chunks(typeIds, Observer.FILTER_CHUNK)) {
      for (ObjectNode t : http.list(Wire.INTERFACE_TEMPLATES, new Query().andAll(field + "_id", chunk).and("fields", "id,name," + field))) {
        into.add(t.path(field).path("id").asLong() + "\u0000" + t.path("name").asText());
      }
    }
  }

  /**
   * Creates interfaces: one that NetBox already made on the device from a template (or that an
   * earlier, interrupted apply made with this very key) is adopted with PATCH; the rest are POSTed.
   */
  private void createInterfaces(List<Operation> chunk) {
    Set<Long> devices = new TreeSet<>();
    for (Operation op : chunk) {
      Object device = op.after().get(Fields.DEVICE);
      if (device instanceof Ref && ids.containsKey(((Ref) device).key())) {
        devices.add(ids.get(((Ref) device).key()));
      }
    }
    Map<String, ObjectNode> existing = new HashMap<>();
    for (List<Long> ds : Observer.chunks(new ArrayList<>(devices), Observer.FILTER_CHUNK)) {
      Query q = new Query().andAll("device_id", ds).and("fields", "id,name,device,tags,custom_fields");
      for (ObjectNode n : http.list(Wire.endpoint(ObjectKind.INTERFACE), q)) {
        existing.put(n.path("device").path("id").asLong() + "\u0000" + n.path("name").asText(), n);
      }
    }
    Map<Operation, ObjectNode> toPost = new LinkedHashMap<>();
    Map<Operation, ObjectNode> toPatch = new LinkedHashMap<>();
    for (Operation op : chunk) {
      ObjectNode body = body(op);
      if (body == null) {
        continue;
      }
      ObjectNode there = existing.get(body.path("device").asLong() + "\u0000" + op.after().get(Fields.NAME));
      if (there == null) {
        toPost.put(op, body);
        continue;
      }
      String carried = Wire.carriedKey(there);
      if (carried != null && !carried.equals(op.key().toString())) {
        fail(op, "CREATE " + op.displayName() + ": interface '" + op.after().get(Fields.NAME) + "' already exists on device #"
            + body.path("device").asLong() + " and belongs to " + carried);
        continue;
      }
      body.put("id", there.path("id").asLong());
      Set<String> tags = Wire.tagSlugs(there);
      tags.addAll(op.addTags());
      body.set("tags", Wire.tags(tags));
      toPatch.put(op, body);
    }
    patch(ObjectKind.INTERFACE, toPatch);
    post(ObjectKind.INTERFACE, toPost, true);
  }

  // ---- update, adopt, orphan, delete ---------------------------------------------------------

  private void change(ObjectKind kind, Action action, List<Operation> chunk) {
    Map<Long, ObjectNode> current = fetch(kind, chunk);
    Map<Operation, ObjectNode> bodies = new LinkedHashMap<>();
    for (Operation op : chunk) {
      long id = op.netboxId().getAsLong();
      ObjectNode now = current.get(id);
      String carried = now == null ? null : Wire.carriedKey(now);
      String what = op.action() + " " + op.displayName() + ": ";
      if (now == null) {
        if (action == Action.DELETE) {
          ids.remove(op.key());
          done.merge(action, 1, Integer::sum);
        } else {
          fail(op, what + kind.contentType() + " #" + id + " no longer exists in NetBox");
        }
        continue;
      }
      if (action == Action.ADOPT && Wire.carriedPlan(now) != null) {
        fail(op, what + kind.contentType() + " #" + id + " already belongs to " + carried + "; only unowned objects can be adopted");
        continue;
      }
      if (action != Action.ADOPT && !op.key().toString().equals(carried)) {
        fail(op, what + kind.contentType() + " #" + id + " does not carry the DIET key " + op.key()
            + (carried == null ? " (it is not owned)" : " (it carries " + carried + ")"));
        continue;
      }
      ObjectNode body;
      if (action == Action.DELETE) {
        body = F.objectNode();
      } else if (action == Action.ORPHAN) {
        body = F.objectNode();
        Wire.mark(body, null);
      } else {
        body = body(op);
        if (body == null) {
          continue;
        }
        if (!op.addTags().isEmpty()) {
          Set<String> tags = Wire.tagSlugs(now);
          tags.addAll(op.addTags());
          body.set("tags", Wire.tags(tags));
        }
      }
      body.put("id", id);
      bodies.put(op, body);
    }
    if (action == Action.DELETE) {
      delete(kind, bodies);
    } else {
      patch(kind, bodies);
    }
  }

  /** The current tags and custom fields of the chunk's objects, by id (missing ones absent). */
  private Map<Long, ObjectNode> fetch(ObjectKind kind, List<Operation> chunk) {
    List<Long> wanted = new ArrayList<>();
    chunk.forEach(op -> wanted.add(op.netboxId().getAsLong()));
    Map<Long, ObjectNode> out = new HashMap<>();
    for (List<Long> part : Observer.chunks(new ArrayList<>(new TreeSet<>(wanted)), ID_CHUNK)) {
      for (ObjectNode n : http.list(Wire.endpoint(kind), new Query().andAll("id", part).and("fields", "id,tags,custom_fields"))) {
        out.put(n.path("id").asLong(), n);
      }
    }
    return out;
  }

  private void patch(ObjectKind kind, Map<Operation, ObjectNode> bodies) {
    if (bodies.isEmpty()) {
      return;
    }
    List<Operation> ops = new ArrayList<>(bodies.keySet());
    ArrayNode request = F.arrayNode();
    bodies.values().forEach(request::add);
    try {
      http.send("PATCH", Wire.endpoint(kind), request);
      for (Operation op : ops) {
        if (op.action() == Action.ORPHAN) {
          ids.remove(op.key());
          done.merge(op.action(), 1, Integer::sum);
        } else {
          created(op, bodies.get(op).path("id").asLong());
        }
      }
    } catch (NetBoxRequestException e) {
      List<String> errors = e.objectErrors();
      Map<Operation, ObjectNode> valid = new LinkedHashMap<>();
      for (int i = 0; i < ops.size(); i++) {
        Operation op = ops.get(i);
        if (errors.size() == ops.size() && errors.get(i).isEmpty()) {
          valid.put(op, bodies.get(op));
        } else {
          fail(op, op.action() + " " + op.displayName() + ": " + (errors.size() == ops.size() ? errors.get(i) : e.netboxMessage()));
        }
      }
      if (!valid.isEmpty() && valid.size() < ops.size()) {
        patch(kind, valid);
      } else {
        valid.keySet().forEach(op -> fail(op, op.action() + " " + op.displayName() + ": " + e.netboxMessage()));
      }
    }
  }

  private void delete(ObjectKind kind, Map<Operation, ObjectNode> bodies) {
    if (bodies.isEmpty()) {
      return;
    }
    ArrayNode request = F.arrayNode();
    bodies.values().forEach(b -> request.addObject().put("id", b.path("id").asLong()));
    try {
      http.send("DELETE", Wire.endpoint(kind), request);
      for (Operation op : bodies.keySet()) {
        ids.remove(op.key());
        done.merge(Action.DELETE, 1, Integer::sum);
      }
    } catch (NetBoxRequestException e) {
      bodies.keySet().forEach(op -> fail(op, "DELETE " + op.displayName() + ": " + e.netboxMessage()));
    }
  }

  // ---- ids of objects that existed before this apply -----------------------------------------

  /** Finds the NetBox ids of every key the change set refers to but does not create. */
  private void resolveExisting(List<Operation> ops) {
    Set<ObjectKey> creating = new HashSet<>();
    for (Operation op : ops) {
      if (op.action() == Action.CREATE) {
        creating.add(op.key());
      } else if (op.netboxId().isPresent() && op.action() != Action.DELETE && op.action() != Action.ORPHAN) {
        ids.put(op.key(), op.netboxId().getAsLong());
      }
    }
    Map<ObjectKind, List<ObjectKey>> needed = new EnumMap<>(ObjectKind.class);
    Set<ObjectKey> seen = new HashSet<>();
    for (Operation op : ops) {
      for (Object v : op.after().values()) {
        if (v instanceof Ref) {
          ObjectKey k = ((Ref) v).key();
          if (!creating.contains(k) && !ids.containsKey(k) && seen.add(k)) {
            needed.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k);
          }
        }
      }
    }
    for (Map.Entry<ObjectKind, List<ObjectKey>> e : needed.entrySet()) {
      ObjectKind kind = e.getKey();
      if (kind.isReference()) {
        observer.findReferences(kind, e.getValue(), null).forEach((k, n) -> ids.put(k, n.path("id").asLong()));
      } else {
        List<String> texts = new ArrayList<>();
        e.getValue().forEach(k -> texts.add(k.toString()));
        for (List<String> chunk : Observer.chunks(texts, Observer.FILTER_CHUNK)) {
          Query q = new Query().andAll("cf_" + OwnershipFields.KEY, chunk).and("fields", "id,custom_fields");
          for (ObjectNode n : http.list(Wire.endpoint(kind), q)) {
            String key = Wire.carriedKey(n);
            if (key != null) {
              ids.put(ObjectKey.parse(key), n.path("id").asLong());
            }
          }
        }
      }
    }
  }

  private void fail(Operation op, String message) {
    failures.add(new ApplyReport.Failure(op.key(), message));
    LOG.debug("apply failure: {}", message);
  }
}
