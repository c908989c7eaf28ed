package dev.diet.netbox.rest.fake;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the requests the fake NetBox received, by {@code "METHOD /api/path/"} (query left out):
 * those it served and, separately, those that met an injected fault.
 */
public final class RequestLog {
  private final Map<String, Integer> served = new TreeMap<>();
  private final Map<String, Integer> faulted = new TreeMap<>();

  synchronized void record(String methodAndPath, boolean fault) {
    (fault ? faulted : served).merge(methodAndPath, 1, Integer::sum);
  }

  /** Requests served (no fault injected), by {@code "METHOD /api/path/"}. */
  public synchronized Map<String, Integer> served() {
    return new TreeMap<>(served);
  }

  /** Requests served for one {@code "METHOD /api/path/"}. */
  public synchronized int served(String methodAndPath) {
    return served.getOrDefault(methodAndPath, 0);
  }

  public synchronized int totalServed() {
    return served.values().stream().mapToInt(Integer::intValue).sum();
  }

  public synchronized int totalFaulted() {
    return faulted.values().stream().mapToInt(Integer::intValue).sum();
  }

  public synchronized void reset() {
    served.clear();
    faulted.clear();
  }
}
