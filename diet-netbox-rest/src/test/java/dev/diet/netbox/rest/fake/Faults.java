package dev.diet.netbox.rest.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fault injection for the fake NetBox: rules that fire at random (seeded, so runs repeat) or on
 * every Nth matching request, for every endpoint or for requests starting with {@code "METHOD
 * /api/path"}. Thread-safe; configure it before or during a run.
 */
public final class Faults {
  private static final class Rule {
    final String match;
    final double probability;
    final int everyNth;
    final Fault[] kinds;
    int seen;

    Rule(String match, double probability, int everyNth, Fault[] kinds) {
      this.match = match;
      this.probability = probability;
      this.everyNth = everyNth;
      this.kinds = kinds.clone();
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private Random random = new Random(0);
  private int retryAfterSeconds = 1;
  private Duration slowDelay = Duration.ofMillis(50);
  private int injected;

  /** Seeds the random choices of every rule. */
  public synchronized Faults seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /** With probability {@code p}, every request meets one of {@code kinds} (chosen at random). */
  public synchronized Faults randomly(double p, Fault... kinds) {
    return randomly("", p, kinds);
  }

  /** Like {@link #randomly(double, Fault...)} for requests whose {@code "METHOD /path"} starts with {@code match}. */
  public synchronized Faults randomly(String match, double p, Fault... kinds) {
    rules.add(new Rule(match, p, 0, kinds));
    return this;
  }

  /** Every {@code n}th request meets {@code kind}. */
  public synchronized Faults everyNth(int n, Fault kind) {
    return everyNth("", n, kind);
  }

  /** Every {@code n}th request whose {@code "METHOD /path"} starts with {@code match} meets {@code kind}. */
  public synchronized Faults everyNth(String match, int n, Fault kind) {
    rules.add(new Rule(match, 0, n, new Fault[] {kind}));
    return this;
  }

  /** The Retry-After value (seconds) sent with 429 responses; the client decides how long it really waits. */
  public synchronized Faults retryAfterSeconds(int seconds) {
    retryAfterSeconds = seconds;
    return this;
  }

  /** How long a {@link Fault#SLOW} response is held back. */
  public synchronized Faults slowDelay(Duration delay) {
    slowDelay = delay;
    return this;
  }

  /** Removes every rule. */
  public synchronized Faults clear() {
    rules.clear();
    return this;
  }

  /** How many faults were injected so far. */
  public synchronized int injected() {
    return injected;
  }

  synchronized int retryAfter() {
    return retryAfterSeconds;
  }

  synchronized Duration slow() {
    return slowDelay;
  }

  /** The fault this request meets, or null. */
  synchronized Fault decide(String methodAndPath) {
    for (Rule rule : rules) {
      if (!methodAndPath.startsWith(rule.match)) {
        continue;
      }
      rule.seen++;
      boolean fire = rule.everyNth > 0 ? rule.seen % rule.everyNth == 0 : random.nextDouble() < rule.probability;
      if (fire) {
        injected++;
        return rule.kinds[random.nextInt(rule.kinds.length)];
      }
    }
    return null;
  }
}
