package io.gatehouse.auth.store;

import java.time.Instant;
import java.util.SortedSet;

/**
 * An OAuth2 client. Its secret is stored only as a SHA-256 hash (secrets are server-generated with
 * at least 256 bits of randomness, so a slow hash adds nothing).
 *
 * @param clientId unique id
 * @param name display name
 * @param grants grant types it may use ({@code client_credentials}, {@code refresh_token},
 *     {@code urn:ietf:params:oauth:grant-type:token-exchange})
 * @param permissions permissions its own tokens may carry
 * @param audiences audiences it may request tokens for
 * @param disabled a disabled client cannot authenticate
 * @param createdAt creation time
 */
public record Client(String clientId, String name, SortedSet<String> grants, SortedSet<String> permissions,
    SortedSet<String> audiences, boolean disabled, Instant createdAt) {}
