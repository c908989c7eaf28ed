package dev.diet.netbox.rest.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake behaves like NetBox for what DIET uses: ids, pagination, filters, bulk semantics, templates, errors. */
class FakeNetBoxTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private FakeNetBox netbox;

  @BeforeEach
  void start() {
    netbox = FakeNetBox.start();
    post("/api/dcim/sites/", F.objectNode().put("name", "Lab").put("slug", "lab"));
    post("/api/dcim/manufacturers/", F.objectNode().put("name", "Acme").put("slug", "acme"));
    post("/api/dcim/device-roles/", F.objectNode().put("name", "Leaf").put("slug", "leaf"));
    post("/api/dcim/device-types/", F.objectNode().put("manufacturer", 1).put("model", "SW").put("slug", "sw"));
    ArrayNode templates = F.arrayNode();
    for (int i = 1; i <= 3; i++) {
      templates.addObject().put("device_type", 1).put("name", "E1/" + i).put("type", "100gbase-x-qsfp28");
    }
    post("/api/dcim/interface-templates/", templates);
    ObjectNode cf = F.objectNode().put("name", "diet_plan").put("type", "text");
    cf.putArray("object_types").add("dcim.device").add("dcim.interface");
    post("/api/extras/custom-fields/", cf);
  }

  @AfterEach
  void stop() {
    netbox.close();
  }

  private JsonNode post(String path, JsonNode body) {
    FakeNetBox.Response r = netbox.call("POST", path, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.body();
  }

  private ObjectNode device(String name) {
    return F.objectNode().put("name", name).put("site", 1).put("role", 1).put("device_type", 1);
  }

  @Test
  void aNewDeviceGetsItsTypesInterfacesAndNamesAreUniquePerSiteIgnoringCase() {
    long id = post("/api/dcim/devices/", device("leaf-1")).path("id").asLong();
    JsonNode ifaces = netbox.call("GET", "/api/dcim/interfaces/?device_id=" + id, null).body();
    assertThat(ifaces.path("count").asInt()).isEqualTo(3);
    assertThat(ifaces.path("results").path(0).path("type").path("value").asText()).isEqualTo("100gbase-x-qsfp28");
    FakeNetBox.Response dup = netbox.call("POST", "/api/dcim/devices/", device("LEAF-1"));
    assertThat(dup.status()).isEqualTo(400);
    assertThat(dup.body().path("non_field_errors").path(0).asText()).isEqualTo("Device name must be unique per site.");
  }

  @Test
  void bulkCreateIsAllOrNothingWithErrorsPerObject() {
    post("/api/dcim/devices/", device("leaf-1"));
    ArrayNode bulk = F.arrayNode().add(device("leaf-2")).add(device("leaf-1")).add(device("leaf-3"));
    FakeNetBox.Response r = netbox.call("POST", "/api/dcim/devices/", bulk);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().isArray()).isTrue();
    assertThat(r.body().path(0).isEmpty()).isTrue();
    assertThat(r.body().path(1).toString()).contains("unique per site");
    assertThat(netbox.call("GET", "/api/dcim/devices/", null).body().path("count").asInt()).isOne();
    assertThat(netbox.call("GET", "/api/dcim/interfaces/", null).body().path("count").asInt()).isEqualTo(3);
  }

  @Test
  void pagesHaveCountNextPreviousAndACappedLimit() {
    ArrayNode bulk = F.arrayNode();
    for (int i = 0; i < 30; i++) {
      bulk.add(device("d" + i));
    }
    post("/api/dcim/devices/", bulk);
    netbox.maxPageSize(40);
    JsonNode first = netbox.call("GET", "/api/dcim/interfaces/?limit=1000", null).body();
    assertThat(first.path("count").asInt()).isEqualTo(90);
    assertThat(first.path("results")).hasSize(40);
    assertThat(first.path("previous").isNull()).isTrue();
    assertThat(first.path("next").asText()).contains("offset=40").contains("limit=40");
    JsonNode last = netbox.call("GET", "/api/dcim/interfaces/?limit=40&offset=80", null).body();
    assertThat(last.path("results")).hasSize(10);
    assertThat(last.path("next").isNull()).isTrue();
    assertThat(last.path("previous").asText()).contains("offset=40");
    JsonNode dflt = netbox.call("GET", "/api/dcim/interfaces/", null).body();
    assertThat(dflt.path("results")).hasSize(40);
  }

  @Test
  void filtersBriefAndFields() {
    ObjectNode marked = device("leaf-1");
    marked.putObject("custom_fields").put("diet_plan", "alpha");
    post("/api/dcim/devices/", marked);
    post("/api/dcim/devices/", device("leaf-2"));
    JsonNode owned = netbox.call("GET", "/api/dcim/devices/?cf_diet_plan=alpha", null).body();
    assertThat(owned.path("count").asInt()).isOne();
    assertThat(owned.path("results").path(0).path("site").path("slug").asText()).isEqualTo("lab");
    assertThat(netbox.call("GET", "/api/dcim/devices/?name__ie=LEAF-2&site=lab", null).body().path("count").asInt()).isOne();
    assertThat(netbox.call("GET", "/api/dcim/devices/?id=1&id=2", null).body().path("count").asInt()).isEqualTo(2);
    JsonNode brief = netbox.call("GET", "/api/dcim/devices/?brief=true", null).body().path("results").path(0);
    assertThat(brief.has("custom_fields")).isFalse();
    assertThat(brief.path("name").asText()).isEqualTo("leaf-1");
    JsonNode some = netbox.call("GET", "/api/dcim/devices/?fields=id,name", null).body().path("results").path(0);
    List<String> names = new ArrayList<>();
    some.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("id", "name");
    assertThat(netbox.call("GET", "/api/dcim/devices/?site=nowhere", null).status()).isEqualTo(400);
    assertThat(netbox.call("GET", "/api/dcim/devices/?colour=red", null).status()).isEqualTo(400);
  }

  @Test
  void oneCablePerInterfaceAndDeletesCascade() {
    long device = post("/api/dcim/devices/", device("leaf-1")).path("id").asLong();
    ObjectNode cable = F.objectNode();
    cable.putArray("a_terminations").addObject().put("object_type", "dcim.interface").put("object_id", 1);
    cable.putArray("b_terminations").addObject().put("object_type", "dcim.interface").put("object_id", 2);
    long id = post("/api/dcim/cables/", cable).path("id").asLong();
    JsonNode iface = netbox.call("GET", "/api/dcim/interfaces/1/", null).body();
    assertThat(iface.path("cable").path("id").asLong()).isEqualTo(id);
    assertThat(iface.path("link_peers").path(0).path("name").asText()).isEqualTo("E1/2");
    FakeNetBox.Response second = netbox.call("POST", "/api/dcim/cables/", cable);
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.body().toString()).contains("Duplicate termination");
    assertThat(netbox.call("DELETE", "/api/dcim/devices/" + device + "/", null).status()).isEqualTo(204);
    assertThat(netbox.call("GET", "/api/dcim/cables/", null).body().path("count").asInt()).isZero();
    assertThat(netbox.call("GET", "/api/dcim/interfaces/", null).body().path("count").asInt()).isZero();
    assertThat(netbox.call("DELETE", "/api/dcim/device-types/1/", null).status()).isEqualTo(204);
  }

  @Test
  void unknownCustomFieldsAndTagsAreRefused() {
    ObjectNode body = device("leaf-1");
    body.putObject("custom_fields").put("nope", "x");
    body.putArray("tags").addObject().put("slug", "missing");
    FakeNetBox.Response r = netbox.call("POST", "/api/dcim/devices/", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("custom_fields").path(0).asText()).contains("Unknown field name 'nope'");
    assertThat(r.body().path("tags").path(0).asText()).contains("Related object not found");
  }

  @Test
  void overHttpTheTokenIsRequiredUnknownPathsAre404AndFaultsAreCounted() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    URI devices = netbox.uri().resolve("api/dcim/devices/");
    assertThat(send(client, HttpRequest.newBuilder(devices).build()).statusCode()).isEqualTo(403);
    HttpRequest ok = HttpRequest.newBuilder(devices).header("Authorization", "Token " + netbox.token()).build();
    assertThat(send(client, ok).statusCode()).isEqualTo(200);
    assertThat(send(client, HttpRequest.newBuilder(netbox.uri().resolve("api/dcim/nothing/"))
        .header("Authorization", "Token " + netbox.token()).build()).statusCode()).isEqualTo(404);
    netbox.faults().retryAfterSeconds(7).everyNth("GET /api/dcim/devices/", 2, Fault.TOO_MANY_REQUESTS);
    assertThat(send(client, ok).statusCode()).isEqualTo(200);
    HttpResponse<String> throttled = send(client, ok);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).contains("7");
    assertThat(netbox.requests().served("GET /api/dcim/devices/")).isEqualTo(3);
    assertThat(netbox.requests().totalFaulted()).isOne();
    assertThat(netbox.faults().injected()).isOne();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
