package dev.diet.bench;

import dev.diet.plan.Plan;
import dev.diet.plan.PlanReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark plans: {@code 1k} and {@code 10k} are examples/scale/fabric-1k.yaml and
 * fabric-10k.yaml; {@code 100k} is fabric-10k.yaml as ten pods, built in memory (so no 100k YAML
 * is committed): every switch class, zone, server class, NIC and connection is repeated with the
 * suffix {@code -p0} to {@code -p9} on its ids, fabric names and MCLAG groups. The 10k fabrics already
 * fill their two-tier spines, so multiplying server quantities alone would not wire.
 */
public final class ScalePlans {

  private ScalePlans() {}

  /** The YAML text of a size: {@code 1k}, {@code 10k} or {@code 100k}. */
  public static String yaml(String size) {
    switch (size) {
      case "1k":
        return read("fabric-1k.yaml");
      case "10k":
        return read("fabric-10k.yaml");
      case "100k":
        return pods(read("fabric-10k.yaml"), 10).replace("scale_fabric_10k", "scale_fabric_100k").replace("Scale Fabric 10k", "Scale Fabric 100k");
      default:
        throw new IllegalArgumentException("unknown size '" + size + "': use 1k, 10k or 100k");
    }
  }

  /** The plan of a size, read and assembled. */
  public static Plan plan(String size) {
    return PlanReader.readString(yaml(size), "fabric-" + size + ".yaml");
  }

  /**
   * The plan of a size ({@code 1k} or {@code 10k}) with the last server class (storage) shrunk by
   * {@code fewer} servers: no switch count changes and no other server moves, so going from it to
   * the full plan adds exactly those servers with their modules, interfaces and cables.
   */
  public static Plan minusStorage(String size, int fewer) {
    Matcher m = Pattern.compile("(server_class_id: storage, category: storage, quantity: )(\\d+)").matcher(yaml(size));
    if (!m.find()) {
      throw new IllegalStateException("the " + size + " plan has no storage server class");
    }
    String text = yaml(size);
    String changed = text.substring(0, m.start(2)) + (Integer.parseInt(m.group(2)) - fewer) + text.substring(m.end(2));
    return PlanReader.readString(changed, "fabric-" + size + "-minus-" + fewer + ".yaml");
  }

  private static final List<String> POD_SECTIONS =
      List.of("switch_classes:", "switch_port_zones:", "server_classes:", "server_nics:", "server_connections:");
  private static final Pattern POD_ID =
      Pattern.compile("\\b(switch_class_id|switch_class|server_class_id|server_class|fabric_name|redundancy_group): ([\\w-]+)");
  private static final Pattern POD_ZONE = Pattern.compile("\\b(target_zone): ([\\w-]+)/");
  private static final Pattern EXPECTED_COUNT = Pattern.compile("\\b(server_classes|switch_classes|connections): (\\d+)");

  /** Repeats the plan's fabric sections {@code pods} times with suffixed ids (see the class comment). */
  static String pods(String text, int pods) {
    List<String> lines = text.lines().collect(Collectors.toList());
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (POD_SECTIONS.contains(line)) {
        out.append(line).append('\n');
        int end = i + 1;
        while (end < lines.size() && (lines.get(end).startsWith(" ") || lines.get(end).isBlank())) {
          end++;
        }
        String body = String.join("\n", lines.subList(i + 1, end)).stripTrailing() + "\n";
        for (int pod = 0; pod < pods; pod++) {
          String suffix = "-p" + pod;
          out.append(POD_ZONE.matcher(POD_ID.matcher(body).replaceAll("$1: $2" + suffix)).replaceAll("$1: $2" + suffix + "/"));
        }
        out.append('\n');
        i = end;
      } else if (line.startsWith("  counts:")) {
        Matcher m = EXPECTED_COUNT.matcher(line);
        StringBuilder counts = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(counts, m.group(1) + ": " + Integer.parseInt(m.group(2)) * pods);
        }
        m.appendTail(counts);
        out.append(counts).append('\n');
        i++;
      } else {
        out.append(line).append('\n');
        i++;
      }
    }
    return out.toString();
  }

  private static String read(String name) {
    Path file = examples().resolve(name);
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** examples/scale: from -Ddiet.examples, else found by walking up from the working directory. */
  static Path examples() {
    String configured = System.getProperty("diet.examples");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples/scale");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/scale not found above " + Path.of("").toAbsolutePath() + "; run from the repository or set -Ddiet.examples");
  }
}
