package dev.diet.netbox.rest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a NetBox over its REST API: base URL, API token, TLS trust, timeouts, request
 * sizes and the retry budget. Immutable; {@link #toString()} never shows the token.
 */
public final class RestConfig {
  private final URI baseUrl;
  private final String token;
  private final Path trustStore;
  private final char[] trustStorePassword;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int chunkSize;
  private final Duration requestBudget;
  private final int pageSize;
  private final int pageConcurrency;
  private final int maxRetries;
  private final Duration maxRetryTime;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private RestConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    this.token = b.token;
    this.trustStore = b.trustStore;
    this.trustStorePassword = b.trustStorePassword == null ? null : b.trustStorePassword.clone();
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.chunkSize = b.chunkSize;
    this.requestBudget = b.requestBudget;
    this.pageSize = b.pageSize;
    this.pageConcurrency = b.pageConcurrency;
    this.maxRetries = b.maxRetries;
    this.maxRetryTime = b.maxRetryTime;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
  }

  /**
   * Starts a configuration for NetBox at {@code baseUrl} (e.g. {@code https://netbox.example.com/})
   * with an API token: a 40-hex-digit v1 token (sent as {@code Token ...}) or a NetBox 4.5+ v2
   * token {@code nbt_...} (sent as {@code Bearer ...}).
   */
  public static Builder builder(URI baseUrl, String token) {
    return new Builder(baseUrl, token);
  }

  /** The base URL, always ending in {@code /}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The API token. Never log it. */
  String token() {
    return token;
  }

  public Optional<Path> trustStore() {
    return Optional.ofNullable(trustStore);
  }

  char[] trustStorePassword() {
    return trustStorePassword == null ? null : trustStorePassword.clone();
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Longest wait for one response; keep it below NetBox's (gunicorn's) 120 s worker timeout. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Most objects per bulk POST, PATCH or DELETE. */
  public int chunkSize() {
    return chunkSize;
  }

  /**
   * How long one bulk write should take at most: after a chunk took more than half of it, the next
   * chunks of that step shrink (NetBox saves bulk objects one by one, a few interfaces per second).
   */
  public Duration requestBudget() {
    return requestBudget;
  }

  /** The {@code limit} asked for per page; NetBox cuts it to its MAX_PAGE_SIZE. */
  public int pageSize() {
    return pageSize;
  }

  /** Most requests in flight at once. */
  public int pageConcurrency() {
    return pageConcurrency;
  }

  /** Most retries of one request after 429, 502, 503, 504, a timeout or a dropped connection. */
  public int maxRetries() {
    return maxRetries;
  }

  /** Most time spent retrying one request. */
  public Duration maxRetryTime() {
    return maxRetryTime;
  }

  /** First backoff; it doubles per retry, with jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Longest single wait, also for a Retry-After NetBox asks for. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  @Override
  public String toString() {
    return "RestConfig{baseUrl=" + baseUrl + ", token=" + (token.isEmpty() ? "(none)" : "(hidden)")
        + ", trustStore=" + (trustStore == null ? "(system)" : trustStore) + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + ", chunkSize=" + chunkSize + ", requestBudget=" + requestBudget + ", pageSize=" + pageSize
        + ", pageConcurrency=" + pageConcurrency + ", maxRetries=" + maxRetries + ", maxRetryTime=" + maxRetryTime
        + ", backoff=" + initialBackoff + ".." + maxBackoff + "}";
  }

  /** Builds a {@link RestConfig}; every setting has a default except the URL and token. */
  public static final class Builder {
    private final URI baseUrl;
    private final String token;
    private Path trustStore;
    private char[] trustStorePassword;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(100);
    private int chunkSize = 500;
    private Duration requestBudget = Duration.ofSeconds(60);
    private int pageSize = 1000;
    private int pageConcurrency = 4;
    private int maxRetries = 6;
    private Duration maxRetryTime = Duration.ofMinutes(3);
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(60);

    private Builder(URI baseUrl, String token) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(token, "token");
      String scheme = baseUrl.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("NetBox URL must start with http:// or https://, got " + baseUrl);
      }
      if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null) {
        throw new IllegalArgumentException("NetBox URL must not carry credentials or a query: give only scheme, host and path");
      }
      String s = baseUrl.toString();
      this.baseUrl = URI.create(s.endsWith("/") ? s : s + "/");
      this.token = token.strip();
    }

    /** Trusts the certificates in this key store (PKCS12 or JKS) instead of the JVM's defaults. */
    public Builder trustStore(Path path, char[] password) {
      this.trustStore = Objects.requireNonNull(path, "path");
      this.trustStorePassword = password == null ? null : password.clone();
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = positive(d, "connectTimeout");
      return this;
    }

    public Builder requestTimeout(Duration d) {
      this.requestTimeout = positive(d, "requestTimeout");
      return this;
    }

    public Builder chunkSize(int n) {
      this.chunkSize = atLeast(n, 1, "chunkSize");
      return this;
    }

    public Builder requestBudget(Duration d) {
      this.requestBudget = positive(d, "requestBudget");
      return this;
    }

    public Builder pageSize(int n) {
      this.pageSize = atLeast(n, 1, "pageSize");
      return this;
    }

    public Builder pageConcurrency(int n) {
      this.pageConcurrency = atLeast(n, 1, "pageConcurrency");
      return this;
    }

    public Builder maxRetries(int n) {
      this.maxRetries = atLeast(n, 0, "maxRetries");
      return this;
    }

    public Builder maxRetryTime(Duration d) {
      this.maxRetryTime = positive(d, "maxRetryTime");
      return this;
    }

    /** Backoff between retries: starts at {@code initial}, doubles, never waits longer than {@code max}. */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.initialBackoff = positive(initial, "initial backoff");
      this.maxBackoff = positive(max, "max backoff");
      return this;
    }

    public RestConfig build() {
      return new RestConfig(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }

    private static int atLeast(int n, int min, String name) {
      if (n < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", got " + n);
      }
      return n;
    }
  }
}
