package dev.diet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diet.generate.Generator;
import dev.diet.state.DesiredObject;
import dev.diet.state.DesiredState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns JMH's JSON result into the benchmark table: prints it, writes {@code results.tsv} and
 * {@code README-table.md} (with the machine and the reproducing command). Objects per second
 * divide the objects a benchmark handles by its score; {@code ratio_to_copy} divides an apply's
 * time by the COPY baseline's at the same size.
 *
 * <p>Usage: {@code Report <dir of JMH json files> <out dir> <command> [note ...]}.
 */
public final class Report {
  /** Row order of the table, and the names results.tsv uses. */
  static final List<String> ORDER = List.of(
      "read", "generate", "diff_nochange", "diff_drift1pct", "apply_h2", "apply_pg", "apply_incremental_pg", "apply_rest", "copy_baseline_pg");
  private static final List<String> APPLIES = List.of("apply_h2", "apply_pg", "apply_rest");

  /** One benchmark at one size. */
  record Row(String benchmark, String size, double scoreMs, double errorMs, long objects) {}

  private Report() {}

  public static void main(String[] args) throws IOException {
    List<JsonNode> results = new ArrayList<>();
    try (var files = Files.list(Path.of(args[0]))) {
      for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
        new ObjectMapper().readTree(f.toFile()).forEach(results::add);
      }
    }
    Path out = Path.of(args[1]);
    String command = args[2];
    List<String> notes = List.of(args).subList(3, args.length);

    Map<String, Long> objects = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (JsonNode r : results) {
      String name = r.get("benchmark").asText();
      String benchmark = name.substring(name.lastIndexOf('.') + 1);
      String size = r.path("params").path("size").asText("");
      JsonNode metric = r.get("primaryMetric");
      double score = toMs(metric.get("score").asDouble(), metric.get("scoreUnit").asText());
      double error = toMs(metric.get("scoreError").asDouble(Double.NaN), metric.get("scoreUnit").asText());
      long n = objects.computeIfAbsent(benchmark.equals("apply_incremental_pg") ? size + "+10" : size, Report::objectsOf);
      rows.add(new Row(benchmark, size, score, error, n));
    }
    rows.sort((a, b) -> {
      int c = Integer.compare(ORDER.indexOf(a.benchmark()), ORDER.indexOf(b.benchmark()));
      return c != 0 ? c : Long.compare(sizeValue(a.size()), sizeValue(b.size()));
    });
    Map<String, Double> copy = new HashMap<>();
    rows.stream().filter(r -> r.benchmark().equals("copy_baseline_pg")).forEach(r -> copy.put(r.size(), r.scoreMs()));

    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"benchmark", "size", "score_ms", "error_ms", "objects_per_s", "ratio_to_copy"});
    for (Row r : rows) {
      Double base = copy.get(r.size());
      String ratio = base != null && (APPLIES.contains(r.benchmark()) || r.benchmark().equals("copy_baseline_pg"))
          ? String.format(Locale.ROOT, "%.2f", r.scoreMs() / base) : "-";
      table.add(new String[] {
          r.benchmark(), r.size(), String.format(Locale.ROOT, "%.1f", r.scoreMs()),
          Double.isNaN(r.errorMs()) ? "-" : String.format(Locale.ROOT, "%.1f", r.errorMs()),
          String.format(Locale.ROOT, "%.0f", r.objects() / (r.scoreMs() / 1000.0)), ratio});
    }

    StringBuilder tsv = new StringBuilder();
    for (String[] line : table) {
      tsv.append(String.join("\t", line)).append('\n');
    }
    Files.writeString(out.resolve("results.tsv"), tsv.toString());

    StringBuilder text = new StringBuilder();
    int[] width = new int[6];
    for (String[] line : table) {
      for (int i = 0; i < line.length; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    for (String[] line : table) {
      for (int i = 0; i < line.length; i++) {
        text.append(i == 0 ? String.format("%-" + width[i] + "s", line[i]) : String.format("  %" + width[i] + "s", line[i]));
      }
      text.append('\n');
    }
    System.out.print(text);
    notes.forEach(n -> System.out.println(n));

    StringBuilder md = new StringBuilder();
    md.append("<!-- Written by diet-bench/run.sh; do not edit by hand. -->\n");
    md.append("| benchmark | size | score (ms) | error (ms, 99.9 %) | objects/s | × COPY |\n");
    md.append("|---|---|--:|--:|--:|--:|\n");
    for (String[] line : table.subList(1, table.size())) {
      md.append("| ").append(String.join(" | ", line)).append(" |\n");
    }
    md.append('\n');
    for (String n : notes) {
      md.append("- ").append(n).append('\n');
    }
    md.append("- Objects: ");
    List<String> counts = new ArrayList<>();
    objects.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> counts.add(e.getKey() + " = " + String.format(Locale.ROOT, "%,d", e.getValue())));
    md.append(String.join(", ", counts)).append(" (desired objects the plan generates; for +10 the objects the incremental apply writes).\n");
    md.append("- Machine: ").append(machine()).append('\n');
    md.append("- Command: `").append(command).append("`\n");
    Files.writeString(out.resolve("README-table.md"), md.toString());
  }

  /** Desired objects of a size; for {@code <size>+10}, the objects the ten added servers bring. */
  static long objectsOf(String size) {
    if (!size.endsWith("+10")) {
      return Generator.generate(ScalePlans.plan(size)).size();
    }
    String base = size.substring(0, size.length() - 3);
    DesiredState full = Generator.generate(ScalePlans.plan(base));
    DesiredState smaller = Generator.generate(ScalePlans.minusStorage(base, 10));
    long changed = 0;
    for (DesiredObject o : full.objects()) {
      DesiredObject before = smaller.get(o.key());
      if (before == null || !Objects.equals(before, o)) {
        changed++;
      }
    }
    return changed;
  }

  private static long sizeValue(String size) {
    return size.isEmpty() ? 0 : Long.parseLong(size.replace("k", "000"));
  }

  private static double toMs(double value, String unit) {
    switch (unit) {
      case "s/op":
        return value * 1000;
      case "us/op":
        return value / 1000;
      case "ns/op":
        return value / 1_000_000;
      default:
        return value;
    }
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
    } catch (IOException e) {
      // not Linux: keep the generic name
    }
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    return String.format(Locale.ROOT, "%s, %d cores visible, %d GB RAM, %s %s, Java %s (%s)", cpu, Runtime.getRuntime().availableProcessors(),
        Math.round(memory / 1e9), System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }
}
