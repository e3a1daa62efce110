/**
 * Extracting the client's credential from a request (the "extract" step of authentication):
 * {@code Authorization: Bearer} or {@code X-API-Key}, API keys recognised by prefix and checksum,
 * ambiguous or misplaced credentials refused before anything is looked up.
 */
package io.gatehouse.gateway.credential;
