package io.gatehouse.gateway.proxy;

/**
 * Whether a route can be served: how many of its upstreams may be tried now (not ejected, not
 * failing their health check).
 *
 * @param route the route id
 * @param healthyUpstreams upstreams that may be tried now
 * @param upstreams all of the route's upstreams
 */
public record RouteHealth(String route, int healthyUpstreams, int upstreams) {
  /** Ready when at least one upstream may be tried. */
  public boolean ready() {
    return healthyUpstreams > 0;
  }
}
