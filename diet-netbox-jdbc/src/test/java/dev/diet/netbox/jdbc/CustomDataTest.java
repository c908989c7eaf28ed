package dev.diet.netbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.diff.Ownership;
import dev.diet.spi.OwnershipCodec;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Observe's streaming decoder reads back exactly what {@link OwnershipCodec} wrote, as NetBox stores it. */
class CustomDataTest {
  @Test
  void decodesTheMarkAndTheOtherCustomFields() throws Exception {
    ObjectKey key = ObjectKey.owned("lab", ObjectKind.INTERFACE, "switch/leaf/1/E1/1");
    Map<String, Object> applied = new LinkedHashMap<>();
    applied.put("device", Ref.to(ObjectKey.owned("lab", ObjectKind.DEVICE, "switch/leaf/1")));
    applied.put("name", "E1/1");
    applied.put("enabled", true);
    applied.put("mtu", 9000);
    applied.put("cf.hedgehog_breakout_index", null);
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("description", "rack 4 \"A\"\t\\");
    Ownership mark = new Ownership("lab", key, applied, seen, Set.of("label"), "fp1");

    ObjectNode cf = JsonNodeFactory.instance.objectNode();
    cf.put("hedgehog_zone", "server");
    cf.put("hedgehog_physical_port", 7);
    cf.putNull("hedgehog_breakout_index");
    cf.put("diet_plan", "lab");
    cf.put("diet_key", key.toString());
    cf.set("diet_state", OwnershipCodec.toNode(mark));
    cf.set("other_json", JsonNodeFactory.instance.objectNode().put("a", 1));

    for (String text : new String[] {JsonText.of(cf), cf.toPrettyString()}) {
      CustomData d = CustomData.parse(text);
      assertThat(d.plan).isEqualTo("lab");
      assertThat(d.key).isEqualTo(key.toString());
      assertThat(d.ownership()).isEqualTo(mark);
      assertThat(d.fields).containsEntry("cf.hedgehog_zone", "server").containsEntry("cf.hedgehog_physical_port", 7)
          .containsEntry("cf.hedgehog_breakout_index", null).containsEntry("cf.other_json", "{\"a\":1}")
          .doesNotContainKeys("cf.diet_plan", "cf.diet_key", "cf.diet_state");
    }
  }

  @Test
  void objectValuesReadAsTheCodecReadsThem() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String value : new String[] {"{\"ref\": \"lab:device:switch/leaf/1\"}", "{\"ref\": \"lab:device:a\", \"b\": 2}",
        "{\"b\": [1, {\"c\": null}], \"ref\": \"lab:device:a\"}", "{\"a\": 1, \"b\": {\"ref\": \"lab:device:a\"}}", "{}",
        "{\"ref\": \"lab:device:a\", \"ref\": \"lab:device:b\"}"}) {
      String text = "{\"diet_plan\": \"lab\", \"x\": " + value + "}";
      assertThat(CustomData.parse(text).fields.get("cf.x")).as(value)
          .isEqualTo(OwnershipCodec.fromValueNode(mapper.readTree(text).get("x")));
    }
  }
}
