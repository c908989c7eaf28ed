package dev.diet.netbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diet.diff.ChangeSet;
import dev.diet.spi.ApplyOptions;
import dev.diet.spi.ApplyReport;
import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.ObserveScope;
import dev.diet.spi.ObservedState;
import dev.diet.spi.ProgressListener;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link NetBoxBackend} over NetBox's REST API (NetBox 4.3 to 4.5). Observe pages through the
 * plan's objects in parallel; apply sends bulk requests of at most the chunk size. Apply is not
 * atomic (NetBox's API has no multi-request transaction): a failed apply reports what failed and
 * leaves what succeeded, and because every created object carries its ownership mark, running it
 * again converges. Thread-safe; close it to release its threads.
 */
public final class RestNetBoxBackend implements NetBoxBackend {
  static final String SUPPORTED_VERSIONS = "4.3 to 4.5";
  private static final Logger LOG = LoggerFactory.getLogger(RestNetBoxBackend.class);
  private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)");

  private final RestConfig config;
  private final NetBoxHttp http;
  private final String version;

  private RestNetBoxBackend(RestConfig config, NetBoxHttp http, String version) {
    this.config = config;
    this.http = http;
    this.version = version;
  }

  /**
   * Connects: reads {@code /api/status/}, checks the NetBox version is supported and that the
   * token may read. Throws {@link NetBoxUnreachableException}, {@link NetBoxAuthenticationException},
   * {@link NetBoxEndpointException} (wrong URL or unsupported version) or {@link NetBoxUnavailableException}.
   */
  public static RestNetBoxBackend connect(RestConfig config) {
    NetBoxHttp http = new NetBoxHttp(config);
    try {
      JsonNode status = http.get(Wire.STATUS);
      String version = status == null ? "" : status.path("netbox-version").asText("");
      Matcher m = VERSION.matcher(version);
      if (!m.find()) {
        throw new NetBoxEndpointException(config.baseUrl() + "api/status/ does not name a NetBox version: this is not NetBox's API",
            "give NetBox's base URL (e.g. https://netbox.example.com/, without /api/)");
      }
      int major = Integer.parseInt(m.group(1));
      int minor = Integer.parseInt(m.group(2));
      if (major != 4 || minor < 3 || minor > 5) {
        throw new NetBoxEndpointException("NetBox " + version + " at " + config.baseUrl() + " is not supported (DIET supports NetBox "
            + SUPPORTED_VERSIONS + ")", "upgrade NetBox, or use a DIET release that supports " + version);
      }
      http.get(Wire.endpoint(dev.diet.state.ObjectKind.TAG) + "?limit=1&brief=true");
      LOG.info("connected to NetBox {} at {}", version, config.baseUrl());
      return new RestNetBoxBackend(config, http, version);
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  @Override
  public ObservedState observe(ObserveScope scope, ProgressListener listener) {
    return new Observer(http).observe(scope, listener);
  }

  /**
   * Executes the change set with bulk requests of at most {@code min(options.chunkSize(),
   * config.chunkSize())} objects. Never rolls back; {@link ApplyReport#failures()} names each
   * object NetBox refused, with NetBox's message.
   */
  @Override
  public ApplyReport apply(ChangeSet changeSet, ApplyOptions options, ProgressListener listener) {
    int chunk = Math.min(options.chunkSize(), config.chunkSize());
    ApplyReport report = new Applier(http, changeSet.planId(), chunk, config.requestBudget(), listener).run(changeSet);
    if (report.succeeded()) {
      LOG.info("apply of {} operations to {}: {}", changeSet.operations().size(), config.baseUrl(), report.done());
    } else {
      LOG.warn("apply of {} operations to {}: {} done, {} failed, first: {}", changeSet.operations().size(), config.baseUrl(),
          report.done(), report.failures().size(), report.failures().get(0));
    }
    return report;
  }

  /** The NetBox version {@code /api/status/} reported. */
  public String netboxVersion() {
    return version;
  }

  /** HTTP requests sent so far, retries included. */
  public long requestCount() {
    return http.requests();
  }

  /** Retries so far. */
  public long retryCount() {
    return http.retries();
  }

  @Override
  public String describe() {
    return "NetBox " + version + " at " + config.baseUrl() + " (REST API)";
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return describe();
  }
}
