package io.gatehouse.http.handler;

import java.util.Locale;
import java.util.Objects;

/** One endpoint: method, path template, handler, whether it blocks, and its body limit. */
public final class Route {
  /** Body limit unless a route sets its own. */
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private final String method;
  private final String template;
  private final HttpHandler handler;
  private final boolean blocking;
  private final long maxBodyBytes;

  private Route(Builder builder) {
    this.method = builder.method;
    this.template = builder.template;
    this.handler = builder.handler;
    this.blocking = builder.blocking;
    this.maxBodyBytes = builder.maxBodyBytes;
  }

  /** A builder for a method and a template such as {@code /users/{id}}. */
  public static Builder builder(String method, String template) {
    return new Builder(method, template);
  }

  /** The method. */
  public String method() {
    return method;
  }

  /** The path template. */
  public String template() {
    return template;
  }

  /** The handler. */
  public HttpHandler handler() {
    return handler;
  }

  /** Whether the handler blocks (JDBC, Argon2, remote calls) and must run on a virtual thread. */
  public boolean blocking() {
    return blocking;
  }

  /** Largest request body accepted; larger ones get 413 before or while they arrive. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Low-cardinality name for logs and metrics: the template, not the concrete path. */
  public String name() {
    return template;
  }

  /** Builds a {@link Route}. */
  public static final class Builder {
    private final String method;
    private final String template;
    private HttpHandler handler;
    private boolean blocking;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

    private Builder(String method, String template) {
      if (method == null || !method.matches("[A-Z]+")) {
        throw new IllegalArgumentException("method must be upper-case letters, was: " + method);
      }
      if (template == null || !template.startsWith("/")) {
        throw new IllegalArgumentException("template must start with /, was: " + template);
      }
      this.method = method.toUpperCase(Locale.ROOT);
      this.template = template;
    }

    /** The handler; required. */
    public Builder handler(HttpHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Marks the handler as blocking: it runs on a virtual thread, never on the event loop. */
    public Builder blocking() {
      this.blocking = true;
      return this;
    }

    /** Body limit in bytes, at least 0; default 64 KiB. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("max body bytes must not be negative, was: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Builds the route. */
    public Route build() {
      if (handler == null) {
        throw new IllegalStateException("handler must be set for " + method + " " + template);
      }
      return new Route(this);
    }
  }
}
