package io.gatehouse.gateway.route;

import java.util.Map;

/**
 * The route chosen for a request.
 *
 * @param route the route
 * @param pathParameters the values of the template's {@code {name}} and {@code {name*}} segments,
 *     as they appear in the normalised path (canonical percent-encoding), so they can be put back
 *     into a path unchanged; empty for a prefix
 * @param forwardPath the path to send upstream (before the upstream's base path): the normalised
 *     path, without the prefix when the route strips it; always starts with {@code /}
 */
public record RouteMatch(RouteSpec route, Map<String, String> pathParameters, String forwardPath)
    implements RouteLookup {

  /** Copies the parameters. */
  public RouteMatch {
    pathParameters = Map.copyOf(pathParameters);
  }
}
