package io.gatehouse.auth.store;

import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

/**
 * An API key's record; the key itself is never stored, only its SHA-256.
 *
 * @param id the public key id (the {@code <id>} part of {@code gh_<id>_<secret><check>})
 * @param userId owner
 * @param name owner's label for it
 * @param scopes permissions granted to the key (a subset of the owner's at creation)
 * @param createdAt creation time
 * @param expiresAt optional expiry
 * @param revokedAt set once revoked
 * @param lastUsedAt coarse last use (batched updates)
 */
public record ApiKey(String id, String userId, String name, SortedSet<String> scopes, Instant createdAt,
    Optional<Instant> expiresAt, Optional<Instant> revokedAt, Optional<Instant> lastUsedAt) {

  /** Whether the key may be used at {@code now}: not revoked and not expired. */
  public boolean usableAt(Instant now) {
    return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
  }
}
