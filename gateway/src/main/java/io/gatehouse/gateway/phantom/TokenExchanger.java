package io.gatehouse.gateway.phantom;

import io.gatehouse.gateway.credential.Credential;
import java.util.concurrent.CompletableFuture;

/**
 * Trades an API key for an internal JWT. Completes with an {@link ExchangeOutcome}, or
 * exceptionally with {@link AuthUnavailableException} when no answer can be had; never blocks
 * the caller.
 */
@FunctionalInterface
public interface TokenExchanger {
  /** Starts one exchange of {@code key} for a token for {@code audience}. */
  CompletableFuture<ExchangeOutcome> exchange(Credential.ApiKey key, String audience);
}
