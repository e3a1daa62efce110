/**
 * The central auth service: store, secrets, OAuth2/OIDC endpoints and the admin API. The only
 * holder of private signing keys.
 */
package io.gatehouse.auth;
