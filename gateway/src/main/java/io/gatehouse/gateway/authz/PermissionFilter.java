package io.gatehouse.gateway.authz;

import io.gatehouse.gateway.authn.AuthOutcome;
import io.gatehouse.gateway.authn.AuthOutcomes;
import io.gatehouse.gateway.authn.AuthProblems;
import io.gatehouse.gateway.authn.Authenticated;
import io.gatehouse.gateway.filter.FilterChain;
import io.gatehouse.gateway.filter.GatewayContext;
import io.gatehouse.gateway.filter.GatewayFilter;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses with 403 {@code insufficient_scope} a caller lacking any permission the route requires
 * for the request's method: defence in depth, services check again.
 */
public final class PermissionFilter implements GatewayFilter {
  private final AuthOutcomes outcomes;

  /** Counting refusals as {@link AuthOutcome#FORBIDDEN}. */
  public PermissionFilter(AuthOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    Set<String> required = ctx.route().permissionsFor(ctx.method());
    if (!required.isEmpty() && !ctx.corsPreflight()) {
      Optional<Authenticated> who = ctx.attribute(Authenticated.KEY);
      if (who.isEmpty() || !who.get().permissions().containsAll(required)) {
        throw outcomes.fail(AuthOutcome.FORBIDDEN, AuthProblems.insufficientScope(required));
      }
    }
    chain.proceed(ctx);
  }
}
