package io.gatehouse.gateway.route;

/** How a route spreads requests over its upstreams. */
public enum LoadBalancing {
  /** Each upstream in turn. */
  ROUND_ROBIN,
  /** The upstream with the fewest requests in flight from this event loop. */
  LEAST_IN_FLIGHT
}
