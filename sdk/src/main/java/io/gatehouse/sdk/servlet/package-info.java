/**
 * Jakarta Servlet integration: {@link io.gatehouse.sdk.servlet.GatehouseAuthFilter} authenticates
 * each request, puts the {@link io.gatehouse.sdk.Principal} on it and answers 401/403 with an
 * RFC 6750 challenge and an RFC 9457 problem+json body.
 */
package io.gatehouse.sdk.servlet;
