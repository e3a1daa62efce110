package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.route.LoadBalancing;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.Upstream;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a healthy upstream for a route: round robin, or the one with the fewest requests in
 * flight (ties in round-robin order). Counters are per event loop, like the connection pools, so
 * choosing takes no lock; least-in-flight therefore balances each loop's share of the traffic.
 */
final class Balancer {
  private final UpstreamHealth health;
  private final FastThreadLocal<Map<RouteSpec, RouteState>> states = new FastThreadLocal<>() {
    @Override
    protected Map<RouteSpec, RouteState> initialValue() {
      return new IdentityHashMap<>();
    }
  };

  Balancer(UpstreamHealth health) {
    this.health = health;
  }

  /**
   * The index of the upstream to use, counted as in flight until {@link #release}, or -1 when
   * every upstream is ejected. Call on the request's event loop.
   */
  int acquire(RouteSpec route) {
    RouteState state = state(route);
    List<Upstream> upstreams = route.upstreams();
    int size = upstreams.size();
    int start = Math.floorMod(state.next++, size);
    int chosen = -1;
    for (int i = 0; i < size; i++) {
      int candidate = start + i < size ? start + i : start + i - size;
      if (!health.available(upstreams.get(candidate))) {
        continue;
      }
      if (route.loadBalancing() == LoadBalancing.ROUND_ROBIN) {
        chosen = candidate;
        break;
      }
      if (chosen == -1 || state.inFlight[candidate] < state.inFlight[chosen]) {
        chosen = candidate;
      }
    }
    if (chosen >= 0) {
      state.inFlight[chosen]++;
    }
    return chosen;
  }

  /** Ends what {@link #acquire} started; call once, on the same event loop. */
  void release(RouteSpec route, int upstream) {
    state(route).inFlight[upstream]--;
  }

  /** Requests in flight to each upstream of the route on this event loop (for tests and readiness detail). */
  int[] inFlight(RouteSpec route) {
    return state(route).inFlight.clone();
  }

  private RouteState state(RouteSpec route) {
    Map<RouteSpec, RouteState> byRoute = states.get();
    RouteState state = byRoute.get(route);
    if (state == null) {
      state = new RouteState(route.upstreams().size());
      byRoute.put(route, state);
    }
    return state;
  }

  private static final class RouteState {
    final int[] inFlight;
    int next;

    RouteState(int upstreams) {
      inFlight = new int[upstreams];
    }
  }
}
