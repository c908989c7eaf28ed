package dev.diet.generate;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.TreeSet;

/**
 * Parses port specifications such as {@code 1-48}, {@code 1-63:2} or {@code 26,28,38-63} into the
 * sorted set of physical port numbers (1..1024) they name. The textual order never matters.
 */
public final class PortSpec {
  /** Highest port number a spec may name. */
  public static final int MAX_PORT = 1024;

  private PortSpec() {}

  /** The ports {@code spec} names, ascending and without duplicates. */
  public static List<Integer> parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new PortSpecException("port spec is empty");
    }
    TreeSet<Integer> ports = new TreeSet<>();
    for (String raw : spec.split(",", -1)) {
      String part = raw.strip();
      if (part.isEmpty()) {
        continue;
      }
      if (part.contains(":")) {
        parseStepped(part, ports);
      } else if (part.indexOf('-') > 0) {
        int[] range = parseRange(part);
        addRange(ports, range[0], range[1], 1);
      } else {
        ports.add(checkPort(parseInt(part, "'" + part + "' is not a port number")));
      }
    }
    if (ports.isEmpty()) {
      throw new PortSpecException("port spec '" + spec + "' names no ports");
    }
    return ImmutableList.copyOf(ports);
  }

  private static void parseStepped(String part, TreeSet<Integer> ports) {
    String[] pieces = part.split(":", -1);
    if (pieces.length != 2 || pieces[0].indexOf('-') <= 0) {
      throw new PortSpecException("stepped range '" + part + "' must be start-end:step");
    }
    int[] range = parseRange(pieces[0]);
    int step = parseInt(pieces[1].strip(), "step '" + pieces[1].strip() + "' in '" + part + "' is not an integer");
    if (step < 1) {
      throw new PortSpecException("step in '" + part + "' must be at least 1");
    }
    addRange(ports, range[0], range[1], step);
  }

  private static int[] parseRange(String text) {
    String compact = text.replaceAll("\\s+", "");
    String[] ends = compact.split("-", -1);
    if (ends.length != 2 || ends[0].isEmpty() || ends[1].isEmpty()) {
      throw new PortSpecException("malformed range '" + text.strip() + "'");
    }
    int start = checkPort(parseInt(ends[0], "malformed range '" + text.strip() + "'"));
    int end = checkPort(parseInt(ends[1], "malformed range '" + text.strip() + "'"));
    if (start > end) {
      throw new PortSpecException("range " + start + "-" + end + " runs backwards");
    }
    return new int[] {start, end};
  }

  private static void addRange(TreeSet<Integer> ports, int start, int end, int step) {
    for (long p = start; p <= end; p += step) {
      ports.add((int) p);
    }
  }

  private static int parseInt(String text, String error) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'))) {
      if (text.matches("-?\\d{10,}")) {
        throw new PortSpecException("port " + text + " is above the " + MAX_PORT + " limit");
      }
      throw new PortSpecException(error);
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new PortSpecException(error);
    }
  }

  private static int checkPort(int port) {
    if (port <= 0) {
      throw new PortSpecException("ports start at 1, got " + port);
    }
    if (port > MAX_PORT) {
      throw new PortSpecException("port " + port + " is above the " + MAX_PORT + " limit");
    }
    return port;
  }
}
