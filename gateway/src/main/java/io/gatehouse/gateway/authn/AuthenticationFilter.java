package io.gatehouse.gateway.authn;

import io.gatehouse.gateway.credential.Credential;
import io.gatehouse.gateway.credential.CredentialException;
import io.gatehouse.gateway.credential.CredentialExtractor;
import io.gatehouse.gateway.filter.FilterChain;
import io.gatehouse.gateway.filter.GatewayContext;
import io.gatehouse.gateway.filter.GatewayFilter;
import io.gatehouse.gateway.phantom.ExchangeOutcome;
import io.gatehouse.gateway.phantom.PhantomTokenCache;
import io.gatehouse.gateway.ratelimit.FailedAuthGuard;
import io.gatehouse.gateway.proxy.ResponseScrubber;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.http.HttpException;
import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.UnauthorizedException;
import io.gatehouse.token.verify.Rejection;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Authenticates a request per its route's {@code auth} mode: an API key becomes its cached
 * internal JWT, a JWT is verified locally; on success the upstream gets {@code Authorization: Bearer <internal JWT>}. Waiting for the
 * auth service never blocks the event loop, and the chain resumes on it.
 */
public final class AuthenticationFilter implements GatewayFilter {
  private final PhantomTokenCache phantomTokens;
  private final Optional<JwtAuthenticator> jwts;
  private final FailedAuthGuard failedAuth;
  private final AuthOutcomes outcomes;

  /**
   * A filter over the phantom-token cache and, when any route accepts JWTs, a JWT authenticator.
   */
  public AuthenticationFilter(PhantomTokenCache phantomTokens, Optional<JwtAuthenticator> jwts,
      FailedAuthGuard failedAuth, AuthOutcomes outcomes) {
    this.phantomTokens = phantomTokens;
    this.jwts = jwts;
    this.failedAuth = failedAuth;
    this.outcomes = outcomes;
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    // Header hygiene already took the client's credential headers out of the upstream request.
    RouteSpec route = ctx.route();
    if (route.auth() == AuthMode.NONE || ctx.corsPreflight()) {
      chain.proceed(ctx);
      return;
    }
    String address = ctx.exchange().remoteIp();
    failedAuth.checkAllowed(address);
    Credential credential;
    try {
      credential = CredentialExtractor.extract(ctx.exchange().head().headers(), ctx.exchange().rawQuery());
    } catch (CredentialException e) {
      throw outcomes.fail(AuthOutcome.BAD_REQUEST, AuthProblems.badRequest(e.getMessage()));
    }
    switch (credential) {
      case Credential.None none -> throw outcomes.fail(AuthOutcome.MISSING, AuthProblems.missing());
      case Credential.MalformedApiKey malformed -> throw failed(address, AuthOutcome.MALFORMED);
      case Credential.ApiKey key -> apiKey(ctx, chain, route, key, address);
      case Credential.Jwt jwt -> jwt(ctx, chain, route, jwt, address);
    }
  }

  private void apiKey(GatewayContext ctx, FilterChain chain, RouteSpec route, Credential.ApiKey key, String address) {
    if (route.auth() == AuthMode.JWT) {
      throw outcomes.fail(AuthOutcome.NOT_ACCEPTED, AuthProblems.notAccepted("access tokens"));
    }
    resume(ctx, chain, phantomTokens.token(key, route.audience()), outcome -> {
      if (outcome instanceof ExchangeOutcome.Issued issued) {
        var token = issued.token();
        accept(ctx, AuthOutcome.API_KEY, new Authenticated(token.subject(), Optional.of(key.parsed().id()),
            Optional.empty(), token.permissions(), token.jwt()));
      } else {
        throw failed(address, AuthOutcome.REFUSED);
      }
    }, address);
  }

  private void jwt(GatewayContext ctx, FilterChain chain, RouteSpec route, Credential.Jwt jwt, String address) {
    if (route.auth() == AuthMode.API_KEY || jwts.isEmpty()) {
      throw outcomes.fail(AuthOutcome.NOT_ACCEPTED, AuthProblems.notAccepted("API keys"));
    }
    resume(ctx, chain, jwts.get().verify(jwt.token(), route.audience()), principal -> accept(ctx, AuthOutcome.JWT,
        new Authenticated(principal.subject(), principal.apiKeyId(), principal.clientId(), principal.permissions(),
            jwt.forwarded())), address);
  }

  /** Waits for {@code pending} without blocking, then continues the chain on the exchange's event loop. */
  private <T> void resume(GatewayContext ctx, FilterChain chain, CompletableFuture<T> pending,
      Consumer<T> onValue, String address) {
    if (pending.isDone() && ctx.exchange().eventLoop().inEventLoop()) {
      complete(ctx, chain, pending, onValue, address);
      return;
    }
    pending.whenCompleteAsync((value, failure) -> {
      try {
        complete(ctx, chain, pending, onValue, address);
      } catch (HttpException e) {
        ctx.exchange().fail(e);
      }
    }, ctx.exchange().eventLoop());
  }

  private <T> void complete(GatewayContext ctx, FilterChain chain, CompletableFuture<T> pending,
      Consumer<T> onValue, String address) {
    T value;
    try {
      value = pending.join();
    } catch (CompletionException e) {
      throw failure(e.getCause(), address);
    }
    onValue.accept(value);
    chain.proceed(ctx);
  }

  private HttpException failure(Throwable cause, String address) {
    if (cause instanceof UnauthorizedException unauthorized) {
      if (unauthorized.rejection().filter(r -> r == Rejection.KEYS_UNAVAILABLE).isPresent()) {
        return outcomes.fail(AuthOutcome.UNAVAILABLE, AuthProblems.unavailable());
      }
      return failed(address, AuthOutcome.INVALID_TOKEN);
    }
    // AuthUnavailableException, or anything unexpected: never let a request through undecided.
    return outcomes.fail(AuthOutcome.UNAVAILABLE, AuthProblems.unavailable());
  }

  private void accept(GatewayContext ctx, AuthOutcome outcome, Authenticated who) {
    ctx.attribute(Authenticated.KEY, who);
    ctx.upstreamHeaders().set(HttpHeaderNames.AUTHORIZATION, who.forwardedToken().authorization());
    ctx.attribute(ResponseScrubber.SECRET, who.forwardedToken());
    ctx.exchange().caller(who.subject(), who.apiKeyId().orElse(null));
    outcomes.count(outcome);
  }

  private HttpException failed(String address, AuthOutcome outcome) {
    failedAuth.recordFailure(address);
    return outcomes.fail(outcome, AuthProblems.invalid());
  }
}
