package dev.diet.netbox.rest;

import dev.diet.netbox.rest.fake.FakeNetBox;
import java.time.Duration;

/** Test configuration: retries and backoff in milliseconds so fault runs stay fast. */
final class RestTesting {
  private RestTesting() {}

  static RestConfig.Builder config(FakeNetBox netbox) {
    return RestConfig.builder(netbox.uri(), netbox.token())
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .maxRetries(10)
        .maxRetryTime(Duration.ofSeconds(30))
        .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(10));
  }
}
