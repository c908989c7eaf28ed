package dev.diet.netbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.netbox.rest.fake.FakeNetBox;
import dev.diet.spi.contract.ManualChanges;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A person at a {@link FakeNetBox}, working through its API as a script would (no faults, not counted). */
final class FakeNetBoxHands implements ManualChanges {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final FakeNetBox netbox;

  FakeNetBoxHands(FakeNetBox netbox) {
    this.netbox = netbox;
  }

  private static String path(ObjectKind kind) {
    return "/" + Wire.endpoint(kind);
  }

  private JsonNode ok(FakeNetBox.Response r) {
    if (r.status() >= 300) {
      throw new IllegalArgumentException("NetBox refuses: " + r);
    }
    return r.body();
  }

  @Override
  public void editField(ObjectKind kind, long id, String field, Object value) {
    ObjectNode body = F.objectNode();
    if (Fields.isCustomField(field)) {
      body.withObjectProperty("custom_fields").set(field.substring(3), dev.diet.spi.OwnershipCodec.valueNode(value));
    } else {
      body.set(field, dev.diet.spi.OwnershipCodec.valueNode(value));
    }
    ok(netbox.call("PATCH", path(kind) + id + "/", body));
  }

  @Override
  public void delete(ObjectKind kind, long id) {
    ok(netbox.call("DELETE", path(kind) + id + "/", null));
  }

  @Override
  public long addIpAddress(long interfaceId, String address) {
    ObjectNode body = F.objectNode().put("address", address).put("assigned_object_type", "dcim.interface").put("assigned_object_id", interfaceId);
    return ok(netbox.call("POST", "/" + Wire.IP_ADDRESSES, body)).path("id").asLong();
  }

  @Override
  public long addDevice(String siteSlug, String name, String roleSlug, String deviceTypeSlug) {
    ObjectNode body = F.objectNode().put("name", name);
    body.putObject("site").put("slug", siteSlug);
    body.putObject("role").put("slug", roleSlug);
    body.putObject("device_type").put("slug", deviceTypeSlug);
    return ok(netbox.call("POST", path(ObjectKind.DEVICE), body)).path("id").asLong();
  }

  @Override
  public long addInterface(long deviceId, String name, String type) {
    ObjectNode body = F.objectNode().put("device", deviceId).put("name", name).put("type", type);
    return ok(netbox.call("POST", path(ObjectKind.INTERFACE), body)).path("id").asLong();
  }

  @Override
  public long addCable(long interfaceA, long interfaceB) {
    ObjectNode body = F.objectNode();
    body.putArray("a_terminations").addObject().put("object_type", "dcim.interface").put("object_id", interfaceA);
    body.putArray("b_terminations").addObject().put("object_type", "dcim.interface").put("object_id", interfaceB);
    return ok(netbox.call("POST", path(ObjectKind.CABLE), body)).path("id").asLong();
  }

  @Override
  public void addTag(ObjectKind kind, long id, String tagSlug) {
    if (ok(netbox.call("GET", path(ObjectKind.TAG) + "?slug=" + tagSlug, null)).path("count").asInt() == 0) {
      ok(netbox.call("POST", path(ObjectKind.TAG), F.objectNode().put("name", tagSlug).put("slug", tagSlug)));
    }
    ArrayNode tags = F.arrayNode();
    ok(netbox.call("GET", path(kind) + id + "/", null)).path("tags").forEach(t -> tags.addObject().put("slug", t.path("slug").asText()));
    tags.addObject().put("slug", tagSlug);
    ObjectNode body = F.objectNode();
    body.set("tags", tags);
    ok(netbox.call("PATCH", path(kind) + id + "/", body));
  }

  @Override
  public void createReference(ObjectKind kind, Map<String, ?> fields) {
    @SuppressWarnings("unchecked")
    Map<String, Object> f = (Map<String, Object>) fields;
    ObjectNode body = Wire.payload(kind, f, this::idOf);
    ok(netbox.call("POST", path(kind), body));
  }

  private Long idOf(ObjectKey key) {
    String param = key.kind() == ObjectKind.CUSTOM_FIELD ? "name" : "slug";
    JsonNode page = ok(netbox.call("GET", path(key.kind()) + "?" + param + "=" + key.path(), null));
    return page.path("count").asInt() == 0 ? null : page.path("results").path(0).path("id").asLong();
  }

  @Override
  public List<String> interfaceNames(long deviceId) {
    List<String> names = new ArrayList<>();
    ok(netbox.call("GET", path(ObjectKind.INTERFACE) + "?device_id=" + deviceId + "&limit=0", null))
        .path("results").forEach(i -> names.add(i.path("name").asText()));
    Collections.sort(names);
    return names;
  }

  @Override
  public boolean exists(ObjectKind kind, long id) {
    return netbox.call("GET", path(kind) + id + "/", null).status() == 200;
  }
}
