package io.gatehouse.gateway;

import io.gatehouse.gateway.filter.TrustedProxies;
import io.gatehouse.gateway.route.RouteTable;
import java.util.List;
import java.util.Objects;

/**
 * What the gateway role needs to start.
 *
 * @param host interface of the public listener
 * @param port its port
 * @param routes the route table
 * @param identityHeaderPrefixes lower-case prefixes of headers stripped from every request
 * @param trustedProxies peers whose {@code X-Forwarded-*} headers are kept
 */
public record GatewaySettings(String host, int port, RouteTable routes, List<String> identityHeaderPrefixes,
    TrustedProxies trustedProxies) {
  /** Copies the prefixes. */
  public GatewaySettings {
    identityHeaderPrefixes = List.copyOf(identityHeaderPrefixes);
    Objects.requireNonNull(trustedProxies, "trustedProxies");
  }

  /** Settings trusting no proxy. */
  public GatewaySettings(String host, int port, RouteTable routes, List<String> identityHeaderPrefixes) {
    this(host, port, routes, identityHeaderPrefixes, TrustedProxies.none());
  }
}
