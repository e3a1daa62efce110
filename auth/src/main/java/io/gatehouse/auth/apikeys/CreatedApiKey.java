package io.gatehouse.auth.apikeys;

import io.gatehouse.auth.secrets.Secret;
import io.gatehouse.auth.store.ApiKey;

/**
 * A key just created: its record and the key itself, shown to the caller this once.
 *
 * @param record what the store keeps
 * @param key the full key ({@code gh_…}); never stored, never logged
 */
public record CreatedApiKey(ApiKey record, Secret key) {}
