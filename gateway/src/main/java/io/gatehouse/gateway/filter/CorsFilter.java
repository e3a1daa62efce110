package io.gatehouse.gateway.filter;

import io.gatehouse.gateway.route.CorsPolicy;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.HttpException;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The route's CORS policy. A preflight (routed by its {@code Access-Control-Request-Method}) is
 * answered here and never forwarded: 204 with the allowed origin, methods, headers and max-age,
 * or 403 when the origin, method or a header is not allowed (or the route has no policy). A
 * cross-origin request from an origin not allowed is 403 too, so it never reaches the upstream;
 * an allowed one gets {@code Access-Control-Allow-Origin} (and credentials, exposed headers) on
 * its response. Responses of a route with a policy always carry {@code Vary: Origin}.
 */
public final class CorsFilter implements GatewayFilter {
  private static final Set<String> SAFELISTED_HEADERS = Set.of("accept", "accept-language", "content-language",
      "content-type");

  private static final String VARY = "Origin";
  private static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private final Map<RouteSpec, Prepared> policies = new IdentityHashMap<>();

  /** CORS for the routes of this table that have a policy. */
  public CorsFilter(RouteTable routes) {
    for (RouteSpec route : routes.routes()) {
      route.cors().ifPresent(policy -> policies.put(route, new Prepared(policy)));
    }
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    Prepared policy = policies.get(ctx.route());
    if (ctx.corsPreflight()) {
      if (policy == null) {
        throw refused("this route does not allow cross-origin requests");
      }
      preflight(ctx, policy);
      return;
    }
    if (policy == null) {
      chain.proceed(ctx);
      return;
    }
    String origin = ctx.exchange().head().headers().get(HttpHeaderNames.ORIGIN);
    if (origin == null || !policy.allowsOrigin(origin)) {
      if (origin != null && !sameOrigin(origin, ctx.host())) {
        throw refused("origin not allowed");
      }
      ctx.onResponse(policy.noCors);
    } else {
      ctx.onResponse(response -> policy.actualResponse(origin, response));
    }
    chain.proceed(ctx);
  }

  private static void preflight(GatewayContext ctx, Prepared policy) {
    HttpHeaders request = ctx.exchange().head().headers();
    String origin = request.get(HttpHeaderNames.ORIGIN);
    String method = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    if (!policy.allowsOrigin(origin)) {
      throw refused("origin not allowed");
    }
    if (!policy.methods.contains("*") && !policy.methods.contains(method)) {
      throw refused("method not allowed: " + method);
    }
    String requestedHeaders = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS, "").trim();
    if (!requestedHeaders.isEmpty()) {
      for (String header : requestedHeaders.split(",")) {
        String name = header.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !policy.allowsHeader(name)) {
          throw refused("header not allowed: " + name);
        }
      }
    }
    HttpResponse answer = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
    HttpHeaders headers = answer.headers();
    policy.allowOrigin(origin, headers);
    headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS,
        policy.methods.contains("*") ? method : policy.methodList);
    if (!requestedHeaders.isEmpty()) {
      headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requestedHeaders);
    }
    headers.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, policy.maxAge);
    headers.set(HttpHeaderNames.VARY, PREFLIGHT_VARY);
    ctx.exchange().respond(answer);
    ctx.exchange().write(LastHttpContent.EMPTY_LAST_CONTENT);
  }

  /** Browsers send {@code Origin} on same-origin POSTs too; those are not cross-origin. */
  private static boolean sameOrigin(String origin, String host) {
    int authority = origin.indexOf("://");
    return authority > 0 && !host.isEmpty() && origin.substring(authority + 3).equalsIgnoreCase(host);
  }

  private static HttpException refused(String detail) {
    return HttpException.builder(403).title("CORS request refused").detail(detail).build();
  }

  /** A policy with its header values computed once. */
  private static final class Prepared {
    final CorsPolicy policy;
    final Set<String> methods;
    final String methodList;
    final String exposed;
    final String maxAge;
    /** For a response without CORS: the upstream's CORS headers go, the cache still varies by origin. */
    final Consumer<HttpHeaders> noCors = Prepared::withoutUpstreamCors;

    Prepared(CorsPolicy policy) {
      this.policy = policy;
      this.methods = policy.allowedMethods();
      this.methodList = String.join(", ", methods.stream().sorted().toList());
      this.exposed = policy.exposedHeaders().isEmpty() ? null : String.join(", ",
          policy.exposedHeaders().stream().sorted().toList());
      this.maxAge = Long.toString(policy.maxAge().toSeconds());
    }

    /** The policy, not the upstream, answers CORS on this route. */
    void actualResponse(String origin, HttpHeaders response) {
      withoutUpstreamCors(response);
      allowOrigin(origin, response);
      if (exposed != null) {
        response.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, exposed);
      }
    }

    static void withoutUpstreamCors(HttpHeaders response) {
      response.remove(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN);
      response.remove(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS);
      response.remove(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS);
      if (!response.containsValue(HttpHeaderNames.VARY, VARY, true)) {
        response.add(HttpHeaderNames.VARY, VARY);
      }
    }

    boolean allowsOrigin(String origin) {
      Set<String> origins = policy.allowedOrigins();
      return origin != null && (origins.contains("*") || origins.contains(origin.toLowerCase(Locale.ROOT)));
    }

    boolean allowsHeader(String name) {
      Set<String> allowed = policy.allowedHeaders();
      return allowed.contains("*") || allowed.contains(name) || SAFELISTED_HEADERS.contains(name);
    }

    /** {@code *} only for a wildcard policy without credentials; otherwise the request's origin. */
    void allowOrigin(String origin, HttpHeaders headers) {
      boolean wildcard = policy.allowedOrigins().contains("*");
      headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, wildcard ? "*" : origin);
      if (policy.allowCredentials()) {
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
      }
    }
  }
}
