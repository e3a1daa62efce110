package io.gatehouse.sdk.servlet;

import io.gatehouse.sdk.AuthException;
import io.gatehouse.sdk.ForbiddenException;
import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.TokenVerifier;
import io.gatehouse.sdk.UnauthorizedException;
import io.gatehouse.token.verify.Rejection;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every request with a {@link TokenVerifier}: the {@link Principal} goes on the
 * request as {@link #PRINCIPAL_ATTRIBUTE}; failures are answered here (see
 * {@link AuthFailureResponder}). A {@link ForbiddenException} thrown further down the chain, e.g.
 * by {@link Principal#require}, is answered with 403 as well.
 */
public final class GatehouseAuthFilter implements Filter {
  /** Request attribute holding the authenticated {@link Principal}. */
  public static final String PRINCIPAL_ATTRIBUTE = "io.gatehouse.sdk.Principal";
  /** Realm named in challenges unless the builder sets one. */
  public static final String DEFAULT_REALM = "gatehouse";

  private final TokenVerifier verifier;
  private final Set<String> requiredPermissions;
  private final AuthFailureResponder responder;

  private GatehouseAuthFilter(Builder builder) {
    this.verifier = builder.verifier;
    this.requiredPermissions = Collections.unmodifiableSet(new LinkedHashSet<>(builder.requiredPermissions));
    this.responder = AuthFailureResponder.forRealm(builder.realm);
  }

  /** A builder; {@link Builder#verifier} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The principal this filter put on the request, if it ran. */
  public static Optional<Principal> principal(ServletRequest request) {
    Object principal = request.getAttribute(PRINCIPAL_ATTRIBUTE);
    return principal instanceof Principal ? Optional.of((Principal) principal) : Optional.empty();
  }

  /** Writes this filter's answer for a failure, e.g. a {@link ForbiddenException} caught in a servlet. */
  public AuthFailureResponder responder() {
    return responder;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
      throw new ServletException("GatehouseAuthFilter handles HTTP requests only");
    }
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    Principal principal;
    try {
      principal = verifier.verifyAuthorizationHeader(authorization(request));
      principal.require(requiredPermissions);
    } catch (AuthException e) {
      responder.send(response, e);
      return;
    }
    request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
    try {
      chain.doFilter(request, response);
    } catch (ForbiddenException e) {
      if (response.isCommitted()) {
        throw e;
      }
      responder.send(response, e);
    }
  }

  private static String authorization(HttpServletRequest request) {
    Enumeration<String> values = request.getHeaders("Authorization");
    if (values == null || !values.hasMoreElements()) {
      return null;
    }
    String value = values.nextElement();
    if (values.hasMoreElements()) {
      throw UnauthorizedException.rejected(Rejection.MALFORMED, "more than one Authorization header");
    }
    return value;
  }

  /** Builds a {@link GatehouseAuthFilter}. */
  public static final class Builder {
    private TokenVerifier verifier;
    private String realm = DEFAULT_REALM;
    private final Set<String> requiredPermissions = new LinkedHashSet<>();

    private Builder() {}

    /** Verifies the tokens; required. The caller owns it and closes it. */
    public Builder verifier(TokenVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /** The realm named in {@code WWW-Authenticate}; default {@value GatehouseAuthFilter#DEFAULT_REALM}. */
    public Builder realm(String realm) {
      AuthFailureResponder.forRealm(realm);
      this.realm = realm;
      return this;
    }

    /** Permissions every request through this filter must carry (403 {@code insufficient_scope} otherwise). */
    public Builder requirePermissions(String... permissions) {
      return requirePermissions(Arrays.asList(permissions));
    }

    /** Permissions every request through this filter must carry. */
    public Builder requirePermissions(Collection<String> permissions) {
      for (String permission : permissions) {
        if (permission == null || !Challenge.isScopeToken(permission)) {
          throw new IllegalArgumentException("required permission must be printable ASCII without spaces, "
              + "quotes or backslashes, was: " + permission);
        }
        requiredPermissions.add(permission);
      }
      return this;
    }

    /** Builds the filter. */
    public GatehouseAuthFilter build() {
      if (verifier == null) {
        throw new IllegalStateException("verifier must be set");
      }
      return new GatehouseAuthFilter(this);
    }
  }
}
