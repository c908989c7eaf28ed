package dev.diet.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FieldMapTest {

  @Property(tries = 200)
  void behavesLikeATreeMap(@ForAll @Size(max = 12) Map<@StringLength(min = 1, max = 4) String, Integer> input, @ForAll @StringLength(max = 4) String probe) {
    Map<String, Object> fields = new HashMap<>(input);
    if (!fields.isEmpty()) {
      fields.put(fields.keySet().iterator().next(), null);
    }
    TreeMap<String, Object> tree = new TreeMap<>(fields);
    FieldMap map = FieldMap.copyOf(fields);
    assertThat(map).isEqualTo(tree);
    assertThat(tree).isEqualTo(map);
    assertThat(map.hashCode()).isEqualTo(tree.hashCode());
    assertThat(map.toString()).isEqualTo(tree.toString());
    assertThat(new ArrayList<>(map.keySet())).isEqualTo(new ArrayList<>(tree.keySet()));
    assertThat(new ArrayList<>(map.values())).isEqualTo(new ArrayList<>(tree.values()));
    assertThat(map.containsKey(probe)).isEqualTo(tree.containsKey(probe));
    assertThat(map.get(probe)).isEqualTo(tree.get(probe));
    assertThat(map.headMap(probe)).isEqualTo(tree.headMap(probe));
    assertThat(map.tailMap(probe)).isEqualTo(tree.tailMap(probe));
    assertThat(map.tailMap(probe).headMap(probe + "~")).isEqualTo(tree.subMap(probe, probe + "~"));
    if (!tree.isEmpty()) {
      assertThat(map.firstKey()).isEqualTo(tree.firstKey());
      assertThat(map.lastKey()).isEqualTo(tree.lastKey());
    }
  }

  @Test
  void builderSortsAndRejectsDuplicatesAndForeignValues() {
    FieldMap m = FieldMap.builder().put("b", 2).put("a", null).put("c", "x").build();
    assertThat(List.copyOf(m.keySet())).containsExactly("a", "b", "c");
    assertThat(m.containsKey("a")).isTrue();
    assertThatThrownBy(() -> FieldMap.builder().put("a", 1).put("a", 2).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldMap.builder().put("a", 1L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.put("d", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(FieldMap.copyOf(m)).isSameAs(m);
    assertThat(FieldMap.copyOf(Map.of())).isEmpty();
  }

  @Property(tries = 200)
  void positionsAndForEachFollowKeyOrder(@ForAll @Size(max = 12) Map<@StringLength(min = 1, max = 4) String, Integer> input) {
    FieldMap map = FieldMap.copyOf(input);
    TreeMap<String, Object> expected = new TreeMap<>(input);
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < map.size(); i++) {
      keys.add(map.keyAt(i));
      values.add(map.valueAt(i));
    }
    assertThat(keys).containsExactlyElementsOf(expected.keySet());
    assertThat(values).containsExactlyElementsOf(expected.values());
    List<String> visited = new ArrayList<>();
    map.forEach((k, v) -> visited.add(k + "=" + v));
    assertThat(visited).containsExactlyElementsOf(expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    assertThatThrownBy(() -> map.keyAt(map.size())).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
