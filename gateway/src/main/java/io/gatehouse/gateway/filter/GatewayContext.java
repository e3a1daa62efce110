package io.gatehouse.gateway.filter;

import io.gatehouse.gateway.route.RouteMatch;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.Upstream;
import io.gatehouse.http.stream.ServerExchange;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Per-request state shared by the filters. Used only on the exchange's event loop, so not synchronised. */
public final class GatewayContext {
  private final ServerExchange exchange;
  private final String method;
  private final String host;
  private HttpHeaders upstreamHeaders;
  private String path;
  private RouteMatch match;
  private boolean corsPreflight;
  private Upstream upstream;
  private Consumer<HttpHeaders> responseHook;
  private Map<Key<?>, Object> attributes;
  /** Index of the next filter; owned by {@link Pipeline}. */
  int next;

  GatewayContext(ServerExchange exchange) {
    this.exchange = exchange;
    this.method = exchange.head().method().name();
    this.host = exchange.head().headers().get(HttpHeaderNames.HOST, "");
    this.path = exchange.path();
  }

  /** The client exchange: answer with {@code exchange().fail(HttpException)} or respond. */
  public ServerExchange exchange() {
    return exchange;
  }

  /** The client's method. */
  public String method() {
    return method;
  }

  /** The client's {@code Host} header, empty when absent. */
  public String host() {
    return host;
  }

  /** The path: as received until the routing filter normalises it, normalised after. */
  public String path() {
    return path;
  }

  /** Replaces the path (the routing filter, with the normalised one). */
  public void path(String path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The matched route. */
  public RouteMatch match() {
    if (match == null) {
      throw new IllegalStateException("no route yet: the routing filter runs first");
    }
    return match;
  }

  /** Records the matched route (the routing filter). */
  public void match(RouteMatch match) {
    this.match = Objects.requireNonNull(match, "match");
  }

  /** The matched route's spec. */
  public RouteSpec route() {
    return match().route();
  }

  /** Whether the request is a CORS preflight (routed by its {@code Access-Control-Request-Method}). */
  public boolean corsPreflight() {
    return corsPreflight;
  }

  /** Marks the request as a CORS preflight (the routing filter). */
  public void corsPreflight(boolean corsPreflight) {
    this.corsPreflight = corsPreflight;
  }

  /** The headers that will be sent upstream, which each filter after header hygiene edits. */
  public HttpHeaders upstreamHeaders() {
    if (upstreamHeaders == null) {
      throw new IllegalStateException("no upstream headers yet: the header hygiene filter makes them");
    }
    return upstreamHeaders;
  }

  /** Sets the upstream request's headers (the header hygiene filter: the client's, cleaned). */
  public void upstreamHeaders(HttpHeaders headers) {
    this.upstreamHeaders = Objects.requireNonNull(headers, "headers");
  }

  /** Runs a hook on the response head from the upstream, after the route's response header rules. */
  public void onResponse(Consumer<HttpHeaders> hook) {
    Objects.requireNonNull(hook, "hook");
    responseHook = responseHook == null ? hook : responseHook.andThen(hook);
  }

  /** Runs the response hooks on the upstream's response head (the forwarding filter). */
  public void prepareResponse(HttpHeaders response) {
    if (responseHook != null) {
      responseHook.accept(response);
    }
  }

  /** The upstream the request was last sent to, for the access log. */
  public Optional<Upstream> upstream() {
    return Optional.ofNullable(upstream);
  }

  /** Records the chosen upstream (the forwarding filter). */
  public void upstream(Upstream upstream) {
    this.upstream = Objects.requireNonNull(upstream, "upstream");
  }

  /** A value a filter left for later ones. */
  public <T> Optional<T> attribute(Key<T> key) {
    return attributes == null ? Optional.empty() : Optional.ofNullable(key.type.cast(attributes.get(key)));
  }

  /** Leaves a value for later filters. */
  public <T> void attribute(Key<T> key, T value) {
    if (attributes == null) {
      attributes = new IdentityHashMap<>(4);
    }
    attributes.put(key, key.type.cast(Objects.requireNonNull(value, "value")));
  }

  /** A typed attribute key, compared by identity: hold one in a constant. */
  public static final class Key<T> {
    private final String name;
    private final Class<T> type;

    private Key(String name, Class<T> type) {
      this.name = Objects.requireNonNull(name, "name");
      this.type = Objects.requireNonNull(type, "type");
    }

    /** A new key; its name is for messages only. */
    public static <T> Key<T> of(String name, Class<T> type) {
      return new Key<>(name, type);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
