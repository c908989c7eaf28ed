package dev.diet.diff;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.diet.spi.ExternalReference;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.state.FieldValues;
import dev.diet.state.ObjectKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of a preview: SHA-256 over the plan fingerprint and a canonical text of everything
 * observe returned (owned objects with their marks, reference data, collisions, external
 * references). Equal fingerprints mean the same change set; apply compares them to refuse a stale
 * preview.
 */
public final class StateFingerprint {
  private StateFingerprint() {}

  public static String of(String planFingerprint, ObservedState observed) {
    Hasher h = Hashing.sha256().newHasher();
    line(h, "diet.preview/v1");
    line(h, "plan " + observed.planId() + " " + planFingerprint);
    for (Map.Entry<ObjectKey, ObservedObject> e : new TreeMap<>(observed.owned()).entrySet()) {
      ObservedObject o = e.getValue();
      Ownership mark = o.ownership().get();
      line(h, "owned " + e.getKey() + " " + canonical(o) + " applied=" + canonical(mark.applied()) + " seen=" + canonical(mark.seen())
          + " released=" + mark.released() + " fp=" + mark.planFingerprint().orElse(""));
    }
    for (Map.Entry<ObjectKey, ObservedObject> e : new TreeMap<>(observed.references()).entrySet()) {
      line(h, "reference " + e.getKey() + " " + canonical(e.getValue()));
    }
    List<ObservedObject> collisions = new ArrayList<>(observed.collisions());
    collisions.sort(Comparator.comparing((ObservedObject o) -> o.kind()).thenComparingLong(ObservedObject::id));
    for (ObservedObject o : collisions) {
      line(h, "collision " + canonical(o) + o.ownership().map(w -> " owner=" + w.key()).orElse(""));
    }
    List<ExternalReference> refs = new ArrayList<>(observed.externalReferences());
    refs.sort(Comparator.comparing(ExternalReference::target).thenComparing(ExternalReference::kind).thenComparingLong(ExternalReference::id));
    for (ExternalReference r : refs) {
      line(h, "external " + r.target() + " " + r.kind() + "#" + r.id() + " " + r.description());
    }
    return h.hash().toString();
  }

  private static String canonical(ObservedObject o) {
    return o.kind().wire() + "#" + o.id() + " " + canonical(o.fields()) + " tags=" + o.tags();
  }

  private static String canonical(Map<String, Object> values) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> f : values.entrySet()) {
      sb.append(f.getKey()).append('=').append(FieldValues.render(f.getValue())).append(',');
    }
    return sb.append('}').toString();
  }

  private static void line(Hasher h, String text) {
    h.putString(text, StandardCharsets.UTF_8).putChar('\n');
  }
}
