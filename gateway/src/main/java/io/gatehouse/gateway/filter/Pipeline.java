package io.gatehouse.gateway.filter;

import io.gatehouse.http.HttpException;
import io.gatehouse.http.stream.ServerExchange;
import java.util.List;

/**
 * Builds and runs the ordered filter list; the last filter forwards to the upstream (it answers
 * and never proceeds). Stateless: the position in the chain lives in the request's context, so
 * running a request allocates nothing but its context.
 */
public final class Pipeline implements FilterChain {
  private final GatewayFilter[] filters;

  private Pipeline(List<GatewayFilter> filters) {
    if (filters.isEmpty()) {
      throw new IllegalArgumentException("filters must not be empty: the last one answers");
    }
    this.filters = filters.toArray(GatewayFilter[]::new);
  }

  /** A pipeline running the filters in this order. */
  public static Pipeline of(List<GatewayFilter> filters) {
    return new Pipeline(List.copyOf(filters));
  }

  /** The filters, in order. */
  public List<GatewayFilter> filters() {
    return List.of(filters);
  }

  /** Runs the pipeline for one exchange. Call on the exchange's event loop. */
  public void start(ServerExchange exchange) {
    proceed(new GatewayContext(exchange));
  }

  /**
   * Runs the next filter. A problem it throws is answered here too, so a filter that proceeds
   * later (asynchronously) gets the same problem response as one that throws at once.
   */
  @Override
  public void proceed(GatewayContext ctx) {
    int next = ctx.next++;
    if (next >= filters.length) {
      ctx.exchange().fail(HttpException.builder(500).detail("the gateway pipeline ended without an answer").build());
      return;
    }
    try {
      filters[next].filter(ctx, this);
    } catch (HttpException e) {
      ctx.exchange().fail(e);
    }
  }
}
