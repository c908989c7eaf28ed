package dev.diet.generate;

import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A generated graph seen by names, the way the generation rules write their examples. */
final class Graph {
  private final DesiredState state;
  private final Map<ObjectKey, DesiredObject> byKey = new HashMap<>();
  private final Map<String, DesiredObject> devices = new TreeMap<>();
  private final Map<String, DesiredObject> interfaces = new TreeMap<>();

  Graph(DesiredState state) {
    this.state = state;
    for (DesiredObject o : state.objects()) {
      byKey.put(o.key(), o);
    }
    for (DesiredObject d : state.objects(ObjectKind.DEVICE)) {
      devices.put((String) d.field(Fields.NAME), d);
    }
    for (DesiredObject i : state.objects(ObjectKind.INTERFACE)) {
      interfaces.put(endpoint(i), i);
    }
  }

  DesiredState state() {
    return state;
  }

  List<String> deviceNames() {
    return new ArrayList<>(devices.keySet());
  }

  DesiredObject device(String name) {
    return devices.get(name);
  }

  /** {@code device:interface} of an interface object. */
  String endpoint(DesiredObject iface) {
    return byKey.get(((Ref) iface.field(Fields.DEVICE)).key()).field(Fields.NAME) + ":" + iface.field(Fields.NAME);
  }

  String endpoint(Object ref) {
    return endpoint(byKey.get(((Ref) ref).key()));
  }

  /** Every cable as {@code A-device:A-iface <-> B-device:B-iface}, sorted. */
  List<String> cables() {
    List<String> out = new ArrayList<>();
    for (DesiredObject c : state.objects(ObjectKind.CABLE)) {
      out.add(endpoint(c.field(Fields.A_END)) + " <-> " + endpoint(c.field(Fields.B_END)));
    }
    out.sort(null);
    return out;
  }

  DesiredObject cableAt(String aEndpoint) {
    for (DesiredObject c : state.objects(ObjectKind.CABLE)) {
      if (endpoint(c.field(Fields.A_END)).equals(aEndpoint)) {
        return c;
      }
    }
    return null;
  }

  DesiredObject iface(String endpoint) {
    return interfaces.get(endpoint);
  }

  String type(String endpoint) {
    DesiredObject i = interfaces.get(endpoint);
    return i == null ? null : (String) i.field(Fields.TYPE);
  }
}
