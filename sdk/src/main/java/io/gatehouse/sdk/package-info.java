/**
 * What a microservice uses: {@link io.gatehouse.sdk.TokenVerifier} checks a Gatehouse access
 * token locally against the issuer's JWKS and returns a {@link io.gatehouse.sdk.Principal};
 * failures are {@link io.gatehouse.sdk.AuthException}s.
 */
package io.gatehouse.sdk;
