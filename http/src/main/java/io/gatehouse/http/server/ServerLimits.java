package io.gatehouse.http.server;

import java.time.Duration;

/**
 * Size limits and timeouts of a listener. Defaults: request target 8 KiB (414), header section
 * 16 KiB or 100 fields (431), header read 10 s, body read 15 s between chunks, keep-alive idle
 * 60 s, write 30 s, drain 30 s, 16 pipelined requests queued per connection.
 *
 * @param maxUriBytes longest request target
 * @param maxHeaderBytes largest header section
 * @param maxHeaderCount most header fields
 * @param headerReadTimeout time to receive a complete request head
 * @param bodyReadTimeout longest pause between body chunks
 * @param idleTimeout keep-alive time between requests
 * @param writeTimeout time for one write to complete
 * @param drainTimeout how long in-flight requests may take to finish on shutdown
 * @param maxPipelinedRequests requests read ahead on one connection before reading pauses
 */
public record ServerLimits(int maxUriBytes, int maxHeaderBytes, int maxHeaderCount, Duration headerReadTimeout,
    Duration bodyReadTimeout, Duration idleTimeout, Duration writeTimeout, Duration drainTimeout,
    int maxPipelinedRequests) {

  /** Validates every field. */
  public ServerLimits {
    positive(maxUriBytes, "max uri bytes");
    positive(maxHeaderBytes, "max header bytes");
    positive(maxHeaderCount, "max header count");
    positive(maxPipelinedRequests, "max pipelined requests");
    positive(headerReadTimeout, "header read timeout");
    positive(bodyReadTimeout, "body read timeout");
    positive(idleTimeout, "idle timeout");
    positive(writeTimeout, "write timeout");
    positive(drainTimeout, "drain timeout");
  }

  /** The defaults. */
  public static ServerLimits defaults() {
    return new ServerLimits(8 * 1024, 16 * 1024, 100, Duration.ofSeconds(10), Duration.ofSeconds(15),
        Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(30), 16);
  }

  /** A copy with other timeouts (tests use short ones). */
  public ServerLimits withTimeouts(Duration headerRead, Duration bodyRead, Duration idle, Duration write) {
    return new ServerLimits(maxUriBytes, maxHeaderBytes, maxHeaderCount, headerRead, bodyRead, idle, write,
        drainTimeout, maxPipelinedRequests);
  }

  /** A copy with another drain timeout. */
  public ServerLimits withDrainTimeout(Duration drain) {
    return new ServerLimits(maxUriBytes, maxHeaderBytes, maxHeaderCount, headerReadTimeout, bodyReadTimeout,
        idleTimeout, writeTimeout, drain, maxPipelinedRequests);
  }

  private static void positive(int value, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, was: " + value);
    }
  }

  private static void positive(Duration value, String field) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was: " + value);
    }
  }
}
