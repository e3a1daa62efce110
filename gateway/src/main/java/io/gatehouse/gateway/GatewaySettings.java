package io.gatehouse.gateway;

import io.gatehouse.gateway.filter.TrustedProxies;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.gateway.security.SecuritySettings;
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
 * @param security how requests are authenticated and limited
 */
public record GatewaySettings(String host, int port, RouteTable routes, List<String> identityHeaderPrefixes,
    TrustedProxies trustedProxies, SecuritySettings security) {
  /** Copies the prefixes. */
  public GatewaySettings {
    identityHeaderPrefixes = List.copyOf(identityHeaderPrefixes);
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    Objects.requireNonNull(security, "security");
  }
}
