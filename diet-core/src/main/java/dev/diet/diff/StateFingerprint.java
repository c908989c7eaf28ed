package dev.diet.diff;

import dev.diet.spi.ExternalReference;
import dev.diet.spi.ObservedObject;
import dev.diet.spi.ObservedState;
import dev.diet.state.FieldValues;
import dev.diet.state.ObjectKey;
import dev.diet.state.Ref;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    Sha256 h = new Sha256();
    line(h, "diet.preview/v1");
    line(h, "plan " + observed.planId() + " " + planFingerprint);
    StringBuilder sb = new StringBuilder(512);
    for (Map.Entry<ObjectKey, ObservedObject> e : sortedByKey(observed.owned())) {
      ObservedObject o = e.getValue();
      Ownership mark = o.ownership().get();
      sb.setLength(0);
      sb.append("owned ").append(e.getKey()).append(' ');
      canonical(sb, o);
      sb.append(" applied=");
      canonical(sb, mark.applied());
      sb.append(" seen=");
      canonical(sb, mark.seen());
      sb.append(" released=").append(mark.released()).append(" fp=").append(mark.planFingerprint().orElse(""));
      line(h, sb);
    }
    for (Map.Entry<ObjectKey, ObservedObject> e : sortedByKey(observed.references())) {
      sb.setLength(0);
      sb.append("reference ").append(e.getKey()).append(' ');
      canonical(sb, e.getValue());
      line(h, sb);
    }
    List<ObservedObject> collisions = new ArrayList<>(observed.collisions());
    collisions.sort(Comparator.comparing((ObservedObject o) -> o.kind()).thenComparingLong(ObservedObject::id));
    for (ObservedObject o : collisions) {
      sb.setLength(0);
      sb.append("collision ");
      canonical(sb, o);
      sb.append(o.ownership().map(w -> " owner=" + w.key()).orElse(""));
      line(h, sb);
    }
    List<ExternalReference> refs = new ArrayList<>(observed.externalReferences());
    refs.sort(Comparator.comparing(ExternalReference::target).thenComparing(ExternalReference::kind).thenComparingLong(ExternalReference::id));
    for (ExternalReference r : refs) {
      line(h, "external " + r.target() + " " + r.kind() + "#" + r.id() + " " + r.description());
    }
    return h.hex();
  }

  /** The entries in key order; backends usually return them sorted already, which saves the copy. */
  private static Iterable<Map.Entry<ObjectKey, ObservedObject>> sortedByKey(Map<ObjectKey, ObservedObject> map) {
    ObjectKey previous = null;
    for (ObjectKey key : map.keySet()) {
      if (previous != null && previous.compareTo(key) >= 0) {
        return new TreeMap<>(map).entrySet();
      }
      previous = key;
    }
    return map.entrySet();
  }

  private static void canonical(StringBuilder sb, ObservedObject o) {
    sb.append(o.kind().wire()).append('#').append(o.id()).append(' ');
    canonical(sb, o.fields());
    sb.append(" tags=").append(o.tags());
  }

  private static void canonical(StringBuilder sb, Map<String, Object> values) {
    sb.append('{');
    values.forEach((name, value) -> {
      sb.append(name).append('=');
      render(sb, value);
      sb.append(',');
    });
    sb.append('}');
  }

  /** Appends what {@link FieldValues#render} returns, without the intermediate strings. */
  private static void render(StringBuilder sb, Object value) {
    if (value instanceof String) {
      String s = (String) value;
      sb.append('"');
      if (s.indexOf('\\') < 0 && s.indexOf('"') < 0) {
        sb.append(s);
      } else {
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == '\\' || c == '"') {
            sb.append('\\');
          }
          sb.append(c);
        }
      }
      sb.append('"');
    } else if (value instanceof Ref) {
      sb.append('@').append(((Ref) value).key());
    } else {
      sb.append(value);
    }
  }

  private static void line(Sha256 h, CharSequence text) {
    h.line(text);
  }

  /**
   * SHA-256 over lines, each its UTF-8 bytes followed by the newline as a little-endian UTF-16
   * char (two bytes, 0x0A 0x00): the bytes Guava's {@code putString(text, UTF_8).putChar('\\n')}
   * fed the hash before, without its intermediate string and byte array per line.
   */
  private static final class Sha256 {
    private static final byte[] NEWLINE = {0x0A, 0x00};
    private final MessageDigest digest;
    private byte[] buffer = new byte[1024];

    Sha256() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }

    void line(CharSequence text) {
      int n = text.length();
      if (buffer.length < n) {
        buffer = new byte[Math.max(n, buffer.length * 2)];
      }
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
          digest.update(NEWLINE);
          return;
        }
        buffer[i] = (byte) c;
      }
      digest.update(buffer, 0, n);
      digest.update(NEWLINE);
    }

    String hex() {
      StringBuilder out = new StringBuilder(64);
      for (byte b : digest.digest()) {
        out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return out.toString();
    }
  }
}
