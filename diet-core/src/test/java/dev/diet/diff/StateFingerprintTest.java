package dev.diet.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diet.spi.ExternalReference;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The preview fingerprint is compared with fingerprints saved in earlier previews, so its bytes must
 * not change: the expected value was computed by the first implementation (Guava's SHA-256 over
 * the canonical lines) and pins the text form, the order and the encoding (non-ASCII, quotes,
 * backslashes, nulls, unsorted input).
 */
class StateFingerprintTest {

  @Test
  void fingerprintKeepsItsBytes() {
    assertThat(StateFingerprint.of("plan-fp", state())).isEqualTo("c70de0b0d3397bcb9406554b72f331386d5dd77f962eb91690ff361e492da984");
  }

  @Test
  void anyObservedChangeChangesTheFingerprint() {
    ObservedState a = state();
    assertThat(StateFingerprint.of("plan-fp", a)).isNotEqualTo(StateFingerprint.of("plan-fp2", a));
    ObservedState b = new ObservedState("lab", a.owned().values(), a.references(), List.of(), a.externalReferences());
    assertThat(StateFingerprint.of("plan-fp", b)).isNotEqualTo(StateFingerprint.of("plan-fp", a));
  }

  private static ObservedState state() {
    ObjectKey site = ObjectKey.reference(ObjectKind.SITE, "dc-1");
    ObjectKey leaf = ObjectKey.owned("lab", ObjectKind.DEVICE, "switch/leaf/1");
    ObjectKey server = ObjectKey.owned("lab", ObjectKind.DEVICE, "server/gpu/1");
    ObjectKey port = ObjectKey.owned("lab", ObjectKind.INTERFACE, "switch/leaf/1/E1/1");
    Map<String, Object> leafFields = new HashMap<>();
    leafFields.put(Fields.NAME, "leaf-01");
    leafFields.put(Fields.SITE, Ref.to(site));
    leafFields.put(Fields.DESCRIPTION, "r\u00e9sum\u00e9 \"quoted\" back\\slash \u20ac");
    leafFields.put(Fields.SERIAL, null);
    Map<String, Object> portFields = Map.of(Fields.NAME, "E1/1", Fields.DEVICE, Ref.to(leaf), Fields.ENABLED, Boolean.TRUE, "mtu", 9216);
    // Deliberately not in key order: the fingerprint must sort.
    List<ObservedObject> owned = List.of(
        new ObservedObject(ObjectKind.INTERFACE, 7, portFields, Set.of("hedgehog-generated"),
            new Ownership("lab", port, Map.of(Fields.NAME, "E1/1", Fields.ENABLED, Boolean.TRUE), Map.of("mtu", 9000), Set.of(Fields.ENABLED), "fp1")),
        new ObservedObject(ObjectKind.DEVICE, 3, leafFields, Set.of(),
            new Ownership("lab", leaf, Map.of(Fields.NAME, "leaf-01"), Map.of(Fields.DESCRIPTION, ""))),
        new ObservedObject(ObjectKind.DEVICE, 4, Map.of(Fields.NAME, "gpu-1"), Set.of("b", "a"),
            new Ownership("lab", server, Map.of(Fields.NAME, "gpu-1"), Map.of())));
    Map<ObjectKey, ObservedObject> references = Map.of(site, new ObservedObject(ObjectKind.SITE, 1, Map.of(Fields.SLUG, "dc-1"), Set.of(), null));
    List<ObservedObject> collisions = List.of(new ObservedObject(ObjectKind.DEVICE, 9, Map.of(Fields.NAME, "gpu-2"), Set.of(), null));
    List<ExternalReference> external = List.of(new ExternalReference(port, "ipam.ipaddress", 11, "IP address 10.0.0.1/31"));
    return new ObservedState("lab", owned, references, collisions, external);
  }
}
