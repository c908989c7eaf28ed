package dev.diet.netbox.rest.fake;

/** A failure the fake NetBox can inject instead of (or after) serving a request. */
public enum Fault {
  /** 429 Too Many Requests with a Retry-After header; the request is not processed. */
  TOO_MANY_REQUESTS,
  /** 503 Service Unavailable; the request is not processed. */
  UNAVAILABLE,
  /** 502 Bad Gateway, as a proxy in front of NetBox sends it; the request is not processed. */
  BAD_GATEWAY,
  /** The connection is closed before the request is processed. */
  DROP_BEFORE,
  /** The request is processed and committed, then the connection is closed without a response. */
  DROP_AFTER,
  /** The response is delayed by the configured slow delay. */
  SLOW
}
