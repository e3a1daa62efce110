/**
 * Request path normalisation: {@link io.gatehouse.gateway.path.PathNormalizer} decodes and
 * normalises a request path once, into the canonical form that routes are matched on and that is
 * forwarded upstream, so the gateway and the upstream never read one path two ways.
 */
package io.gatehouse.gateway.path;
