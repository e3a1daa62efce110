/**
 * The gateway's routes: {@link io.gatehouse.gateway.route.RouteSpec}, one route's match, upstreams
 * and policies, built and validated by a builder; and {@link io.gatehouse.gateway.route.RouteTable},
 * which picks the most specific route for a host, method and normalised path over a segment trie,
 * at a cost that does not grow with the number of routes.
 */
package io.gatehouse.gateway.route;
