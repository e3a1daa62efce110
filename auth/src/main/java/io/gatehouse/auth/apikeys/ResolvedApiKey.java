package io.gatehouse.auth.apikeys;

import io.gatehouse.auth.store.ApiKey;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A usable API key and its owner's current permissions.
 *
 * @param key the key record
 * @param ownerPermissions the owner's permissions now
 */
public record ResolvedApiKey(ApiKey key, SortedSet<String> ownerPermissions) {
  /** The permissions a token for this key may carry: key scopes ∩ owner's current permissions. */
  public SortedSet<String> effectivePermissions() {
    SortedSet<String> effective = new TreeSet<>(key.scopes());
    effective.retainAll(ownerPermissions);
    return effective;
  }
}
