/** Assembles the gateway's security filters (authenticate, authorize, rate limit) from their settings. */
package io.gatehouse.gateway.security;
