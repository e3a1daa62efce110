package io.gatehouse.http.handler;

import java.util.Map;

/**
 * A route chosen for a request, with its path parameters.
 *
 * @param route the route
 * @param pathParameters decoded values of the template's {@code {name}} segments
 */
public record RouteMatch(Route route, Map<String, String> pathParameters) {}
