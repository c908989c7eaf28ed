package dev.diet.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.diet.plan.Plan;
import dev.diet.plan.PlanException;
import dev.diet.plan.PlanReader;
import dev.diet.plan.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutated plans (keys dropped or renamed, values of the wrong type, random text, huge numbers,
 * deep nesting, and raw text damage) never make the reader or preflight throw anything but a
 * {@link PlanException}, and never make them hang.
 */
class ReaderRobustnessProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final List<JsonNode> BASES = bases();
  private static final Duration LIMIT = Duration.ofSeconds(10);

  private static List<JsonNode> bases() {
    try {
      List<Path> files = new ArrayList<>();
      files.add(Path.of(ReaderRobustnessProperties.class.getResource("/plans/base.yaml").toURI()));
      files.add(Path.of("..", "examples", "lab-two-tor.yaml"));
      files.add(Path.of("..", "examples", "pod-small.yaml"));
      List<JsonNode> out = new ArrayList<>();
      for (Path f : files) {
        out.add(YAML.readTree(Files.readString(f)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A reproducible recipe: which base, how many mutations, the seed, and the output form. */
  static final class Recipe {
    final int base;
    final int mutations;
    final long seed;
    final int form;

    Recipe(int base, int mutations, long seed, int form) {
      this.base = base;
      this.mutations = mutations;
      this.seed = seed;
      this.form = form;
    }

    @Override
    public String toString() {
      return "base " + base + ", " + mutations + " mutations, seed " + seed + ", form " + form;
    }
  }

  @Provide
  Arbitrary<Recipe> recipes() {
    return Combinators.combine(
            Arbitraries.integers().between(0, BASES.size() - 1),
            Arbitraries.integers().between(1, 4),
            Arbitraries.longs(),
            Arbitraries.integers().between(0, 2))
        .as(Recipe::new);
  }

  @Property(tries = 600)
  void readerAndPreflightThrowOnlyPlanException(@ForAll("recipes") Recipe recipe) {
    String text = render(recipe);
    String name = recipe.form == 1 ? "mutant.json" : "mutant.yaml";
    String outcome = assertTimeoutPreemptively(LIMIT, () -> checkOnlyPlanException(text, name), () -> "hung on " + recipe + ":\n" + text);
    Statistics.collect(outcome);
  }

  @Property(tries = 400)
  void sameKindValuesReachPreflightAndThrowOnlyPlanException(@ForAll("recipes") Recipe recipe) {
    Random random = new Random(recipe.seed);
    JsonNode tree = BASES.get(recipe.base).deepCopy();
    for (int i = 0; i < recipe.mutations; i++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(tree, containers);
      List<Object[]> leaves = new ArrayList<>();
      for (JsonNode c : containers) {
        if (c.isObject()) {
          c.fieldNames().forEachRemaining(k -> {
            if (c.get(k).isValueNode()) {
              leaves.add(new Object[] {c, k});
            }
          });
        }
      }
      Object[] leaf = leaves.get(random.nextInt(leaves.size()));
      ObjectNode owner = (ObjectNode) leaf[0];
      JsonNode old = owner.get((String) leaf[1]);
      owner.set((String) leaf[1], old.isBoolean() ? JsonNodeFactory.instance.booleanNode(!old.asBoolean()) : sameKind(old, random));
    }
    String text = toText(tree, recipe.form);
    String outcome = assertTimeoutPreemptively(LIMIT, () -> checkOnlyPlanException(text, recipe.form == 1 ? "typed.json" : "typed.yaml"), () -> "hung on " + recipe);
    Statistics.collect(outcome);
  }

  @Property(tries = 300)
  void damagedTextThrowsOnlyPlanException(@ForAll("recipes") Recipe recipe) {
    Random random = new Random(recipe.seed);
    StringBuilder text = new StringBuilder(toText(BASES.get(recipe.base), 0));
    for (int i = 0; i < recipe.mutations; i++) {
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(4)) {
        case 0:
          text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(40)));
          break;
        case 1:
          text.insert(at, randomText(random));
          break;
        case 2:
          text.setLength(at);
          break;
        default:
          text.insert(at, "[{&a *a<<: !!x '\"\t\n- ? : |>%@`".charAt(random.nextInt(28)));
          break;
      }
    }
    String outcome = assertTimeoutPreemptively(LIMIT, () -> checkOnlyPlanException(text.toString(), "damaged.yaml"), () -> "hung on " + recipe);
    Statistics.collect(outcome);
  }

  /** Reads and checks {@code text}; returns which stage stopped it, for the statistics. */
  private static String checkOnlyPlanException(String text, String name) {
    try {
      Plan plan = PlanReader.readString(text, name);
      List<Problem> problems = Preflight.check(plan);
      assertThat(problems).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(name));
      assertThat(problems).doesNotHaveDuplicates();
      return problems.stream().anyMatch(Problem::isError) ? "preflight errors" : "valid";
    } catch (PlanException e) {
      assertThat(e.problems()).anySatisfy(p -> assertThat(p.isError()).isTrue());
      assertThat(e.problems()).doesNotHaveDuplicates();
      assertThat(e.problems()).allSatisfy(p -> {
        assertThat(p.message()).isNotBlank();
        assertThat(p.location().line()).isPositive();
      });
      return "reader errors";
    }
  }

  private static String render(Recipe recipe) {
    Random random = new Random(recipe.seed);
    JsonNode tree = BASES.get(recipe.base).deepCopy();
    for (int i = 0; i < recipe.mutations; i++) {
      tree = mutate(tree, random);
    }
    return toText(tree, recipe.form);
  }

  private static String toText(JsonNode tree, int form) {
    try {
      return form == 1 ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) : YAML.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies one mutation at a random place of the tree; returns the (possibly new) root. */
  private static JsonNode mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty() || random.nextInt(40) == 0) {
      return randomValue(random, 0);
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target.isObject()) {
      ObjectNode object = (ObjectNode) target;
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      String key = keys.isEmpty() ? "x" : keys.get(random.nextInt(keys.size()));
      switch (random.nextInt(8)) {
        case 0:
          object.remove(key);
          break;
        case 1:
          JsonNode moved = object.remove(key);
          object.set(randomKey(random), moved == null ? randomValue(random, 0) : moved);
          break;
        default:
          object.set(key, replacement(object.get(key), random));
          break;
      }
    } else {
      ArrayNode array = (ArrayNode) target;
      int index = array.isEmpty() ? 0 : random.nextInt(array.size());
      switch (random.nextInt(4)) {
        case 0:
          if (!array.isEmpty()) {
            array.remove(index);
          }
          break;
        case 1:
          if (!array.isEmpty()) {
            array.add(array.get(index).deepCopy());
          }
          break;
        default:
          if (array.isEmpty()) {
            array.add(randomValue(random, 0));
          } else {
            array.set(index, replacement(array.get(index), random));
          }
          break;
      }
    }
    return root;
  }

  /**
   * Mostly a value of the same kind (so the plan still reads and preflight gets to judge it),
   * sometimes anything at all.
   */
  private static JsonNode replacement(JsonNode old, Random random) {
    if (old == null || random.nextInt(5) == 0) {
      return randomValue(random, 0);
    }
    return sameKind(old, random);
  }

  private static JsonNode sameKind(JsonNode old, Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (old.isIntegralNumber()) {
      int[] interesting = {-3, -1, 0, 1, 2, 3, 4, 5, 7, 64, 1024, 1025, 5000, Integer.MAX_VALUE, Integer.MIN_VALUE};
      return f.numberNode(interesting[random.nextInt(interesting.length)]);
    }
    if (old.isTextual()) {
      List<String> texts = new ArrayList<>();
      BASES.forEach(b -> collectTexts(b, texts));
      String[] odd = {"", " ", "x", "leaf/none", "1-2-3", "0", "9999", "{index}", "{time}", "a/b/c", "UPPER", "mesh", "spine"};
      return f.textNode(random.nextInt(4) > 0 ? texts.get(random.nextInt(texts.size())) : odd[random.nextInt(odd.length)]);
    }
    return randomValue(random, 0);
  }

  private static void collectTexts(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      collectTexts(it.next(), out);
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  private static String randomKey(Random random) {
    String[] known = {"switch_class_id", "id", "port_spec", "zone_type", "speed", "nic", "quantity", "target_zone", "apiVersion", "<<", "fabric", "override_quantity", "topology_mode", "port_order"};
    return random.nextBoolean() ? known[random.nextInt(known.length)] : randomText(random);
  }

  private static JsonNode randomValue(Random random, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (random.nextInt(12)) {
      case 0:
        return f.textNode(randomText(random));
      case 1:
        return f.numberNode(random.nextInt());
      case 2:
        return f.numberNode(new BigInteger(200, random).negate());
      case 3:
        return f.numberNode(random.nextDouble() * 1e300);
      case 4:
        return f.booleanNode(random.nextBoolean());
      case 5:
        return f.nullNode();
      case 6:
        return f.textNode(new String[] {"1-64:2", "0", "-5", "1-2-3", "mesh", "prefer-mesh", "custom", "ipmi", "alternating", "rail-optimized", "leaf/hosts", "{time}", "yes"}[random.nextInt(13)]);
      case 7:
        ArrayNode deep = f.arrayNode();
        ArrayNode cursor = deep;
        for (int i = 0; i < 20 + random.nextInt(200); i++) {
          cursor = cursor.addArray();
        }
        return deep;
      case 8:
        return f.numberNode(random.nextInt(8) - 2);
      case 9:
        if (depth < 3) {
          ObjectNode object = f.objectNode();
          for (int i = 0; i < random.nextInt(4); i++) {
            object.set(randomKey(random), randomValue(random, depth + 1));
          }
          return object;
        }
        return f.textNode("flat");
      case 10:
        if (depth < 3) {
          ArrayNode array = f.arrayNode();
          for (int i = 0; i < random.nextInt(4); i++) {
            array.add(randomValue(random, depth + 1));
          }
          return array;
        }
        return f.numberNode(1);
      default:
        return f.numberNode(Integer.MAX_VALUE);
    }
  }

  private static String randomText(Random random) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind == 0) {
        s.append((char) random.nextInt(32));
      } else if (kind == 1) {
        s.appendCodePoint(0x80 + random.nextInt(0x2FFF));
      } else {
        s.append("abcXYZ019-_/{}:#&*!|>'\" ,[]".charAt(random.nextInt(27)));
      }
    }
    return s.toString();
  }
}
