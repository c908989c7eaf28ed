package dev.diet.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.DietException;
import dev.diet.diff.Action;
import dev.diet.diff.Conflict;
import dev.diet.diff.ConflictType;
import dev.diet.diff.DeletionApproval;
import dev.diet.diff.DeletionConflict;
import dev.diet.diff.DiffNote;
import dev.diet.diff.DiffOptions;
import dev.diet.diff.DiffResult;
import dev.diet.diff.DriftReport;
import dev.diet.diff.ExistenceConflict;
import dev.diet.diff.FieldConflict;
import dev.diet.diff.Operation;
import dev.diet.diff.ReferenceConflict;
import dev.diet.diff.Resolution;
import dev.diet.diff.Resolutions;
import dev.diet.spi.DeletionPolicy;
import dev.diet.spi.ExternalReference;
import dev.diet.spi.OwnershipCodec;
import dev.diet.state.ObjectKind;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON form of a {@link Preview}, schema {@value #SCHEMA} (documented in docs/preview-json.md),
 * and the two things a tool reads back from a saved preview: its fingerprint and its options.
 */
public final class PreviewJson {
  /** Schema id written as {@code "schema"}; a change that breaks readers gets a new version. */
  public static final String SCHEMA = "diet.plan/v1";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PreviewJson() {}

  static String render(Preview p) {
    DiffResult diff = p.diff();
    ObjectNode root = F.objectNode();
    root.put("schema", SCHEMA);
    root.put("plan", p.planId());
    root.put("plan_fingerprint", p.planFingerprint());
    root.put("fingerprint", p.fingerprint());
    root.put("backend", p.backend());
    root.put("created_at", p.createdAt().toString());
    root.put("status", p.status().wire());

    ObjectNode summary = root.putObject("summary");
    summary.put("add", p.toAdd());
    summary.put("change", p.toChange());
    summary.put("destroy", p.toDestroy());
    summary.put("conflicts", p.conflictCount());
    summary.put("line", p.summaryLine());

    root.set("options", options(p.options()));

    ObjectNode counts = root.putObject("counts");
    for (Map.Entry<ObjectKind, Map<Action, Integer>> e : p.counts().entrySet()) {
      ObjectNode kind = counts.putObject(e.getKey().wire());
      e.getValue().forEach((a, n) -> kind.put(wire(a), n));
    }

    if (diff.approval().isPresent()) {
      DeletionApproval a = diff.approval().get();
      ObjectNode approval = root.putObject("approval");
      approval.put("approved", a.approved());
      approval.put("reason", a.reason());
      approval.put("device_deletions", a.deviceDeletions());
      ArrayNode cascade = approval.putArray("cascade");
      for (DeletionApproval.CascadeEntry c : a.cascade()) {
        cascade.addObject().put("key", c.device().toString()).put("name", c.name()).put("id", c.id())
            .put("interfaces", c.interfaces()).put("module_bays", c.moduleBays()).put("modules", c.modules()).put("cables", c.cables());
      }
      ArrayNode ops = approval.putArray("operations");
      a.operations().forEach(op -> ops.add(operation(op)));
    } else {
      root.putNull("approval");
    }

    ArrayNode ops = root.putArray("operations");
    p.changeSet().operations().forEach(op -> ops.add(operation(op)));

    ArrayNode conflicts = root.putArray("conflicts");
    diff.conflicts().forEach(c -> conflicts.add(conflict(c)));

    ObjectNode drift = root.putObject("drift");
    ArrayNode modified = drift.putArray("modified");
    for (DriftReport.Modified m : diff.drift().modified()) {
      ObjectNode n = modified.addObject().put("key", m.key().toString()).put("name", m.name()).put("id", m.id()).put("field", m.field());
      n.set("last_applied", OwnershipCodec.valueNode(m.lastApplied()));
      n.set("desired", OwnershipCodec.valueNode(m.desired()));
      n.set("current", OwnershipCodec.valueNode(m.current()));
    }
    ArrayNode missing = drift.putArray("missing");
    diff.drift().missing().forEach(m -> missing.addObject().put("key", m.key().toString()).put("name", m.name()));
    ArrayNode orphaned = drift.putArray("orphaned");
    diff.drift().orphaned().forEach(o -> orphaned.addObject().put("key", o.key().toString()).put("name", o.name()).put("id", o.id()));
    ArrayNode unmanaged = drift.putArray("unmanaged");
    for (DriftReport.UnmanagedChange u : diff.drift().unmanaged()) {
      ObjectNode n = unmanaged.addObject().put("key", u.key().toString()).put("name", u.name()).put("id", u.id()).put("field", u.field());
      n.set("before", OwnershipCodec.valueNode(u.before()));
      n.set("after", OwnershipCodec.valueNode(u.after()));
    }

    ArrayNode notes = root.putArray("notes");
    for (DiffNote n : diff.notes()) {
      notes.addObject().put("key", n.key().toString()).put("name", n.name()).put("message", n.message());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the preview as JSON", e);
    }
  }

  private static ObjectNode options(DiffOptions o) {
    ObjectNode n = F.objectNode();
    n.put("deletion_policy", o.deletionPolicy().name().toLowerCase(Locale.ROOT));
    n.put("device_deletion_threshold", o.deviceDeletionThreshold());
    n.put("deletions_approved", o.deletionsApproved());
    ObjectNode byId = n.putObject("resolutions");
    o.resolutions().byId().forEach((id, r) -> byId.put(id, r.wire()));
    ObjectNode byType = n.putObject("resolutions_by_type");
    o.resolutions().byType().forEach((t, r) -> byType.put(t.wire(), r.wire()));
    return n;
  }

  private static ObjectNode operation(Operation op) {
    ObjectNode n = F.objectNode();
    n.put("action", wire(op.action()));
    n.put("kind", op.kind().wire());
    n.put("key", op.key().toString());
    if (op.netboxId().isPresent()) {
      n.put("id", op.netboxId().getAsLong());
    } else {
      n.putNull("id");
    }
    n.put("name", op.displayName());
    n.put("reason", op.reason());
    ObjectNode changes = n.putObject("changes");
    TreeSet<String> fields = new TreeSet<>(op.after().keySet());
    fields.addAll(op.before().keySet());
    for (String f : fields) {
      ObjectNode c = changes.putObject(f);
      c.set("before", OwnershipCodec.valueNode(op.before().get(f)));
      c.set("after", OwnershipCodec.valueNode(op.after().get(f)));
    }
    ArrayNode tags = n.putArray("add_tags");
    op.addTags().forEach(tags::add);
    return n;
  }

  private static ObjectNode conflict(Conflict c) {
    ObjectNode n = F.objectNode();
    n.put("id", c.id());
    n.put("type", c.type().wire());
    n.put("kind", c.kind().wire());
    n.put("key", c.key().toString());
    n.put("name", c.displayName());
    n.put("description", c.describe());
    ArrayNode options = n.putArray("options");
    c.options().forEach(r -> options.add(r.wire()));
    n.put("default", c.defaultResolution().wire());
    n.put("resolution", c.resolution().wire());
    if (c instanceof FieldConflict) {
      FieldConflict f = (FieldConflict) c;
      n.put("netbox_id", f.netboxId());
      n.put("field", f.field());
      n.put("cause", f.cause().name().toLowerCase(Locale.ROOT));
      n.set("last_applied", OwnershipCodec.valueNode(f.lastApplied()));
      n.set("desired", OwnershipCodec.valueNode(f.desired()));
      n.set("current", OwnershipCodec.valueNode(f.current()));
    } else if (c instanceof ExistenceConflict) {
      ExistenceConflict e = (ExistenceConflict) c;
      ObjectNode b = n.putObject("blocking");
      b.put("id", e.blockingId());
      b.put("name", e.blockingName());
      if (e.blockingOwner().isPresent()) {
        b.put("owner", e.blockingOwner().get());
      } else {
        b.putNull("owner");
      }
    } else if (c instanceof DeletionConflict) {
      DeletionConflict d = (DeletionConflict) c;
      n.put("netbox_id", d.netboxId());
      ArrayNode refs = n.putArray("references");
      for (ExternalReference r : d.references()) {
        refs.addObject().put("target", r.target().toString()).put("kind", r.kind()).put("id", r.id()).put("description", r.description());
      }
    } else if (c instanceof ReferenceConflict) {
      ReferenceConflict r = (ReferenceConflict) c;
      n.put("netbox_id", r.netboxId());
      ArrayNode mismatches = n.putArray("mismatches");
      for (ReferenceConflict.Mismatch m : r.mismatches()) {
        ObjectNode mm = mismatches.addObject().put("field", m.field());
        mm.set("desired", OwnershipCodec.valueNode(m.desired()));
        mm.set("current", OwnershipCodec.valueNode(m.current()));
      }
    }
    return n;
  }

  private static String wire(Action a) {
    return a.name().toLowerCase(Locale.ROOT);
  }

  /** The preview fingerprint of a saved {@code diet.plan/v1} document. */
  public static String fingerprint(String json) {
    return read(json).get("fingerprint").asText();
  }

  /** The options a saved {@code diet.plan/v1} document was computed with, to apply it with the same. */
  public static DiffOptions options(String json) {
    JsonNode o = read(json).get("options");
    Resolutions resolutions = Resolutions.none();
    for (Map.Entry<String, JsonNode> e : o.get("resolutions").properties()) {
      resolutions = resolutions.with(e.getKey(), Resolution.fromWire(e.getValue().asText()));
    }
    for (Map.Entry<String, JsonNode> e : o.get("resolutions_by_type").properties()) {
      resolutions = resolutions.withAll(ConflictType.valueOf(e.getKey().toUpperCase(Locale.ROOT)), Resolution.fromWire(e.getValue().asText()));
    }
    return DiffOptions.defaults()
        .withDeletionPolicy(DeletionPolicy.valueOf(o.get("deletion_policy").asText().toUpperCase(Locale.ROOT)))
        .withDeviceDeletionThreshold(o.get("device_deletion_threshold").asInt())
        .withDeletionsApproved(o.get("deletions_approved").asBoolean())
        .withResolutions(resolutions);
  }

  private static JsonNode read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DietException("the saved preview is not JSON: " + e.getOriginalMessage(), "save the output of plan --json and pass that file");
    }
    if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
      throw new DietException(
          "the saved preview is not a " + SCHEMA + " document (schema " + (root == null ? "missing" : root.path("schema").asText("missing")) + ")",
          "save the output of plan --json of this DIET version and pass that file");
    }
    return root;
  }
}
