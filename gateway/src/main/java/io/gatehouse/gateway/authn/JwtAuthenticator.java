package io.gatehouse.gateway.authn;

import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.TokenVerifier;
import io.gatehouse.sdk.UnauthorizedException;
import io.gatehouse.token.verify.Rejection;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Verifies a client's JWT locally with the SDK verifier (issuer, {@code at+jwt}, signature from
 * the auth service's JWKS). A token verified before is answered from the verifier's cache on the
 * caller's thread; anything else — which may fetch the JWKS — runs on a virtual thread.
 */
public final class JwtAuthenticator implements AutoCloseable {
  private final TokenVerifier verifier;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

  /** Over a verifier that accepts every audience a JWT route uses. */
  public JwtAuthenticator(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * The principal of a valid token for {@code audience}. Completes exceptionally with
   * {@link UnauthorizedException}; {@link Rejection#KEYS_UNAVAILABLE} means the JWKS could not be had.
   */
  public CompletableFuture<Principal> verify(String token, String audience) {
    Optional<Principal> cached = verifier.cached(token);
    if (cached.isPresent()) {
      return checkAudience(cached.get(), audience);
    }
    return CompletableFuture.supplyAsync(() -> verifier.verify(token), workers)
        .thenCompose(principal -> checkAudience(principal, audience));
  }

  /** The verifier may accept several audiences; a route accepts only its own. */
  private static CompletableFuture<Principal> checkAudience(Principal principal, String audience) {
    Object aud = principal.claims().get("aud");
    boolean matches = aud instanceof Collection<?> list ? list.contains(audience) : audience.equals(aud);
    return matches
        ? CompletableFuture.completedFuture(principal)
        : CompletableFuture.failedFuture(UnauthorizedException.rejected(Rejection.AUDIENCE_MISMATCH,
            "the token is not for audience " + audience));
  }

  @Override
  public void close() {
    workers.close();
    verifier.close();
  }
}
