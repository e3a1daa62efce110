package io.gatehouse.gateway.route;

import java.time.Duration;

/**
 * How long a route waits on its upstream.
 *
 * @param connect to open a connection; default 2 s
 * @param responseHeader from the request's last byte to the response's head; default 30 s
 * @param idle the longest silence on the connection while a response streams; default 60 s
 */
public record Timeouts(Duration connect, Duration responseHeader, Duration idle) {
  private static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30),
      Duration.ofSeconds(60));

  /** Validates that every timeout is positive. */
  public Timeouts {
    Syntax.positive(connect, "timeouts.connect");
    Syntax.positive(responseHeader, "timeouts.response-header");
    Syntax.positive(idle, "timeouts.idle");
  }

  /** 2 s, 30 s, 60 s. */
  public static Timeouts defaults() {
    return DEFAULTS;
  }
}
