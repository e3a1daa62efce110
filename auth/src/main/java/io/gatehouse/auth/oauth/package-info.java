/**
 * The OAuth2 endpoints of the auth listener: discovery (RFC 8414 and OIDC), JWKS, the token
 * endpoint ({@code client_credentials}, rotating {@code refresh_token}, RFC 8693 exchange of API
 * keys), introspection (RFC 7662) and revocation (RFC 7009). Errors follow RFC 6749 §5.2.
 */
package io.gatehouse.auth.oauth;
