/**
 * Extracting the client's credential from a request (the "extract" step of authentication):
 * {@code Authorization: Bearer} or {@code X-API-Key}, API keys recognised by prefix and checksum,
 * ambiguous or misplaced credentials refused before anything is looked up; and the token the
 * gateway forwards upstream in their place ({@link io.gatehouse.gateway.credential.ForwardedToken}).
 */
package io.gatehouse.gateway.credential;
