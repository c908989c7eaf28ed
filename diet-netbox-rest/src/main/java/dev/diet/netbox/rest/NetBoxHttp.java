package dev.diet.netbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP to NetBox's API: the token header, JSON in and out, NetBox's statuses turned into typed
 * errors, bounded retries with exponential backoff and jitter that honour Retry-After, a bound on
 * requests in flight, and list requests with their pages fetched in parallel. Nothing it logs or
 * throws contains the token.
 */
final class NetBoxHttp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetBoxHttp.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestConfig config;
  private final HttpClient client;
  private final String authorization;
  private final Semaphore inFlight;
  private final ExecutorService executor;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  /** Whether NetBox has answered once; until then a refused connection is a wrong URL, not an outage. */
  private volatile boolean answered;

  NetBoxHttp(RestConfig config) {
    this.config = config;
    String token = config.token();
    this.authorization = (token.startsWith("nbt_") ? "Bearer " : "Token ") + token;
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    config.trustStore().ifPresent(path -> b.sslContext(sslContext(config)));
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "netbox-rest");
      t.setDaemon(true);
      return t;
    });
    b.executor(executor);
    this.client = b.build();
    this.inFlight = new Semaphore(config.pageConcurrency());
  }

  private static SSLContext sslContext(RestConfig config) {
    try (InputStream in = Files.newInputStream(config.trustStore().get())) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, config.trustStorePassword());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new NetBoxUnreachableException("cannot load the trust store " + config.trustStore().get() + ": " + e.getMessage(),
          "give a readable PKCS12 or JKS file and its password", e);
    }
  }

  ExecutorService executor() {
    return executor;
  }

  /** Requests sent so far, retries included. */
  long requests() {
    return requests.get();
  }

  /** Retries so far. */
  long retries() {
    return retries.get();
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  /**
   * Sends one request ({@code path} relative to the base URL, e.g. {@code api/dcim/devices/?id=1})
   * and returns the JSON body, or null for 204.
   */
  JsonNode send(String method, String path, JsonNode body) {
    URI uri = config.baseUrl().resolve(path);
    String what = method + " " + uri;
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
        .timeout(config.requestTimeout())
        .header("Authorization", authorization)
        .header("Accept", "application/json");
    try {
      rb.method(method, body == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON for " + what, e);
    }
    if (body != null) {
      rb.header("Content-Type", "application/json");
    }
    HttpRequest request = rb.build();
    long started = System.nanoTime();
    boolean ambiguous = false;
    String lastProblem = null;
    IOException lastError = null;
    for (int attempt = 0; ; attempt++) {
      HttpResponse<byte[]> response = null;
      Optional<Duration> retryAfter = Optional.empty();
      long t0 = System.nanoTime();
      try {
        requests.incrementAndGet();
        inFlight.acquireUninterruptibly();
        try {
          response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } finally {
          inFlight.release();
        }
      } catch (IOException e) {
        lastError = e;
        lastProblem = problem(e);
        if (e instanceof SSLException) {
          throw new NetBoxUnreachableException(what + " failed: TLS: " + e.getMessage(),
              "check that NetBox's certificate is trusted (a custom trust store can be given) and the host name matches", e);
        }
        ambiguous |= !(e instanceof ConnectException);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NetBoxUnavailableException(what + " was interrupted", null, e);
      }
      if (response != null) {
        answered = true;
        int status = response.statusCode();
        LOG.debug("{} -> {} in {} ms", what, status, (System.nanoTime() - t0) / 1_000_000);
        if (status < 300) {
          return parse(what, response.body());
        }
        if (status != 429 && status != 502 && status != 503 && status != 504) {
          if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("(no location)");
            throw new NetBoxEndpointException(what + " was redirected (" + status + ") to " + location,
                "give the URL NetBox answers on directly (e.g. https:// instead of http://)");
          }
          throw error(what, status, response.body(), ambiguous);
        }
        ambiguous |= status == 502 || status == 504;
        lastProblem = "HTTP " + status;
        retryAfter = response.headers().firstValue("Retry-After").flatMap(NetBoxHttp::seconds);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      Duration wait = backoff(attempt, retryAfter);
      boolean neverReached = response == null && lastError instanceof ConnectException && !answered;
      if (neverReached || attempt >= config.maxRetries() || elapsed.plus(wait).compareTo(config.maxRetryTime()) > 0) {
        String message = what + " failed " + (attempt + 1) + " times, last: " + lastProblem;
        if (response == null && lastError instanceof ConnectException) {
          throw new NetBoxUnreachableException(message,
              "check the URL, that NetBox is running and reachable from here (proxy, firewall, VPN)", lastError);
        }
        throw new NetBoxUnavailableException(message,
            "NetBox is overloaded or restarting; wait and run again (apply is safe to re-run), or raise the retry budget", lastError);
      }
      retries.incrementAndGet();
      LOG.warn("{} failed ({}); retry {} of {} in {} ms", what, lastProblem, attempt + 1, config.maxRetries(), wait.toMillis());
      sleep(wait);
    }
  }

  /**
   * Every object a list endpoint returns for {@code query}: the first page tells the count, the
   * others are fetched in parallel (bounded by {@link RestConfig#pageConcurrency()}), ordered by id.
   */
  List<ObjectNode> list(String endpoint, Query query) {
    Query q = query.copy().and("ordering", "id").and("limit", config.pageSize());
    JsonNode first = get(endpoint + "?" + q.copy().and("offset", 0));
    List<ObjectNode> out = new ArrayList<>();
    first.path("results").forEach(n -> out.add((ObjectNode) n));
    int step = out.size();
    int count = first.path("count").asInt();
    if (first.path("next").isNull() || first.path("next").isMissingNode() || step == 0) {
      return out;
    }
    List<CompletableFuture<JsonNode>> pages = new ArrayList<>();
    for (int offset = step; offset < count; offset += step) {
      String page = endpoint + "?" + q.copy().and("offset", offset);
      pages.add(CompletableFuture.supplyAsync(() -> get(page), executor));
    }
    Set<Long> seen = new HashSet<>();
    out.forEach(n -> seen.add(n.path("id").asLong()));
    for (CompletableFuture<JsonNode> page : pages) {
      for (JsonNode n : join(page).path("results")) {
        if (seen.add(n.path("id").asLong())) {
          out.add((ObjectNode) n);
        }
      }
    }
    return out;
  }

  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }

  private Duration backoff(int attempt, Optional<Duration> retryAfter) {
    long base = config.initialBackoff().toMillis() << Math.min(attempt, 20);
    long capped = Math.min(base, config.maxBackoff().toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    long wait = retryAfter.map(d -> Math.max(d.toMillis(), jittered)).orElse(jittered);
    return Duration.ofMillis(Math.min(wait, config.maxBackoff().toMillis()));
  }

  private static Optional<Duration> seconds(String header) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String problem(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "timed out";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    return "connection lost (" + e.getClass().getSimpleName() + ")";
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetBoxUnavailableException("interrupted while waiting to retry", null, e);
    }
  }

  private static JsonNode parse(String what, byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new NetBoxEndpointException(what + " did not answer JSON",
          "give NetBox's base URL (e.g. https://netbox.example.com/, without /api/)");
    }
  }

  private RuntimeException error(String what, int status, byte[] body, boolean ambiguous) {
    JsonNode json = null;
    try {
      json = body == null || body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      json = null;
    }
    if (status == 401 || status == 403) {
      String detail = json == null ? "" : json.path("detail").asText("");
      return new NetBoxAuthenticationException(
          "NetBox at " + config.baseUrl() + " refused the API token (" + status + (detail.isEmpty() ? "" : ": " + detail) + ") for " + what,
          "check the token (NETBOX_TOKEN or --token-file): it must exist, be enabled, not expired, and allow writes to the objects DIET manages");
    }
    if (status == 404 && !what.matches(".*/\\d+/(\\?.*)?$")) {
      return new NetBoxEndpointException(what + " answered 404: this is not a NetBox API DIET supports",
          "give NetBox's base URL (e.g. https://netbox.example.com/, without /api/) and use NetBox "
              + RestNetBoxBackend.SUPPORTED_VERSIONS);
    }
    return new NetBoxRequestException(what, status, json, ambiguous);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
