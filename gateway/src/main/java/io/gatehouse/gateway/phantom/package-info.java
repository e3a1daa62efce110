/**
 * The phantom-token step: an API key is exchanged once at the auth service (RFC 8693) for a
 * short-lived internal JWT, which is cached per (key hash, audience), shared by concurrent
 * requests, evicted on revocation events and never shown to the client.
 */
package io.gatehouse.gateway.phantom;
