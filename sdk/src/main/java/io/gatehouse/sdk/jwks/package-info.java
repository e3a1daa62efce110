/**
 * The issuer's JWKS fetched over HTTP(S): discovery, bounded fetches, a cache refreshed in the
 * background, rate-limited refetch on an unknown {@code kid}, and the last good keys kept while
 * the issuer is down.
 */
package io.gatehouse.sdk.jwks;
