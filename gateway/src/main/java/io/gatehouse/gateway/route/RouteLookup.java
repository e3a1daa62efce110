package io.gatehouse.gateway.route;

import io.gatehouse.http.HttpException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link RouteTable#match} found for a request: a {@link RouteMatch}, a path that routes
 * match under other methods only ({@link MethodNotAllowed}), or no route at all ({@link NotFound}).
 */
public sealed interface RouteLookup permits RouteMatch, RouteLookup.MethodNotAllowed, RouteLookup.NotFound {

  /**
   * Routes match the host and path, but none allows the method.
   *
   * @param allowed the methods they allow, sorted, {@code HEAD} included when {@code GET} is
   */
  record MethodNotAllowed(Set<String> allowed) implements RouteLookup {
    /** Copies, sorted. */
    public MethodNotAllowed {
      allowed = Collections.unmodifiableSortedSet(new TreeSet<>(allowed));
    }

    /** The answer: 405 with {@code Allow}. */
    public HttpException toException() {
      return HttpException.methodNotAllowed(allowed);
    }
  }

  /** No route matches the host and path. */
  record NotFound() implements RouteLookup {
    /** The answer: 404. */
    public HttpException toException() {
      return HttpException.notFound();
    }
  }
}
