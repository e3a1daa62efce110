/**
 * Authentication at the gateway (the "decide" and "respond" steps after {@code credential}):
 * an API key becomes a cached internal JWT, a JWT is verified locally against the auth service's
 * JWKS; failures answer with RFC 6750 challenges, an unreachable auth service with 503.
 */
package io.gatehouse.gateway.authn;
