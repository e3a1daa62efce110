package io.gatehouse.auth.store;

import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A refresh token's record, keyed by the SHA-256 of the token. Tokens rotate: using one marks it
 * used and issues the next in the same family; presenting a used one revokes the whole family.
 *
 * @param hash SHA-256 of the token (hex or base64url, the store's choice, consistently)
 * @param familyId the rotation family
 * @param clientId client it was issued to
 * @param subject {@code sub} of the tokens it yields
 * @param scopes permissions
 * @param issuedAt issue time
 * @param expiresAt expiry
 * @param usedAt set when exchanged
 * @param revokedAt set when revoked (directly or through its family)
 */
public record RefreshToken(String hash, String familyId, String clientId, String subject, SortedSet<String> scopes,
    Instant issuedAt, Instant expiresAt, Optional<Instant> usedAt, Optional<Instant> revokedAt) {}
