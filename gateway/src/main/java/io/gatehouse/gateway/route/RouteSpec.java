package io.gatehouse.gateway.route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One route of the gateway: which requests it matches, where they go, and how they are treated on
 * the way. Immutable; built and validated by {@link #builder()}, whose messages name the
 * configuration key and the bad value. {@code auth}, {@code audience}, {@code permissions} and
 * {@code rateLimit} are enforced by the gateway security filters.
 */
public final class RouteSpec {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final String id;
  private final PathPattern pattern;
  private final Set<String> methods;
  private final String host;
  private final List<Upstream> upstreams;
  private final boolean stripPrefix;
  private final Timeouts timeouts;
  private final long maxBodyBytes;
  private final LoadBalancing loadBalancing;
  private final int retries;
  private final RetryBudget retryBudget;
  private final HealthCheck healthCheck;
  private final CorsPolicy cors;
  private final HeaderRules requestHeaders;
  private final HeaderRules responseHeaders;
  private final AuthMode auth;
  private final String audience;
  private final Set<String> permissions;
  private final Map<String, Set<String>> methodPermissions;
  private final RateLimit rateLimit;

  private RouteSpec(Builder builder) {
    this.id = builder.id;
    this.pattern = builder.prefix != null ? builder.prefix : builder.template;
    this.methods = builder.methods;
    this.host = builder.host;
    this.upstreams = List.copyOf(builder.upstreams);
    this.stripPrefix = builder.stripPrefix;
    this.timeouts = builder.timeouts;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.loadBalancing = builder.loadBalancing;
    this.retries = builder.retries;
    this.retryBudget = builder.retryBudget;
    this.healthCheck = builder.healthCheck;
    this.cors = builder.cors;
    this.requestHeaders = builder.requestHeaders;
    this.responseHeaders = builder.responseHeaders;
    this.auth = builder.auth;
    this.audience = builder.audience != null ? builder.audience : builder.id;
    this.permissions = builder.permissions;
    this.methodPermissions = methodPermissions(builder.permissions, builder.methodPermissions);
    this.rateLimit = builder.rateLimit;
  }

  /** A builder; id, a path prefix or template, and at least one upstream are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Unique name: lower-case letters, digits and {@code -}; labels logs and metrics. */
  public String id() {
    return id;
  }

  /** {@code match.path-prefix}: matches this path and every path below it, by whole segments. */
  public Optional<String> pathPrefix() {
    return pattern.kind() == PathPattern.Kind.PREFIX ? Optional.of(pattern.text()) : Optional.empty();
  }

  /** {@code match.path-template}: literal and {@code {name}} segments, optionally a final {@code {name*}}. */
  public Optional<String> pathTemplate() {
    return pattern.kind() == PathPattern.Kind.PREFIX ? Optional.empty() : Optional.of(pattern.text());
  }

  /** {@code match.methods}: upper-case; empty matches every method. */
  public Set<String> methods() {
    return methods;
  }

  /** {@code match.host}: lower-case host name, or {@code *.domain} for every host under the domain. */
  public Optional<String> host() {
    return Optional.ofNullable(host);
  }

  /** One or more upstreams. */
  public List<Upstream> upstreams() {
    return upstreams;
  }

  /** Whether the path prefix is cut from the forwarded path. */
  public boolean stripPrefix() {
    return stripPrefix;
  }

  /** Upstream timeouts; default {@link Timeouts#defaults()}. */
  public Timeouts timeouts() {
    return timeouts;
  }

  /** Largest request body; 0 allows none; default 10 MiB. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** How requests spread over the upstreams; default round robin. */
  public LoadBalancing loadBalancing() {
    return loadBalancing;
  }

  /** Further attempts for an idempotent request that failed before any response byte; default 1. */
  public int retries() {
    return retries;
  }

  /** The active health check of the upstreams, if any. */
  public Optional<HealthCheck> healthCheck() {
    return Optional.ofNullable(healthCheck);
  }

  /** The share of recent requests that may be retried. */
  public RetryBudget retryBudget() {
    return retryBudget;
  }

  /** The CORS policy, if browsers on other origins may call this route. */
  public Optional<CorsPolicy> cors() {
    return Optional.ofNullable(cors);
  }

  /** Rewrites of the request headers sent upstream. */
  public HeaderRules requestHeaders() {
    return requestHeaders;
  }

  /** Rewrites of the response headers sent to the client. */
  public HeaderRules responseHeaders() {
    return responseHeaders;
  }

  /** Accepted credentials; default {@link AuthMode#ANY}, so a route is never public by omission. */
  public AuthMode auth() {
    return auth;
  }

  /** The audience of the internal JWT minted for this route; default the route id. */
  public String audience() {
    return audience;
  }

  /** Permissions the caller must hold, all of them; empty requires none beyond authentication. */
  public Set<String> permissions() {
    return permissions;
  }

  /** Permissions a request with this method must hold: those for every method plus the method's own. */
  public Set<String> permissionsFor(String method) {
    return methodPermissions.getOrDefault(method, permissions);
  }

  /** Permissions required per method on top of {@link #permissions()}. */
  public Map<String, Set<String>> methodPermissions() {
    return methodPermissions;
  }

  private static Map<String, Set<String>> methodPermissions(Set<String> all, Map<String, Set<String>> own) {
    Map<String, Set<String>> merged = new LinkedHashMap<>();
    own.forEach((method, perms) -> {
      Set<String> union = new LinkedHashSet<>(all);
      union.addAll(perms);
      merged.put(method, Collections.unmodifiableSet(union));
    });
    return Map.copyOf(merged);
  }

  /** The rate limit, if any. */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  /** The parsed path prefix or template, as the table indexes it. */
  PathPattern pattern() {
    return pattern;
  }

  /** The id and the path pattern, for logs and test failures. */
  @Override
  public String toString() {
    return "RouteSpec[" + id + " " + pattern.text() + (host == null ? "" : " host " + host) + "]";
  }

  /** Builds a {@link RouteSpec}. Each setter rejects a bad value at once; {@link #build()} checks the combination. */
  public static final class Builder {
    private String id;
    private PathPattern prefix;
    private PathPattern template;
    private Set<String> methods = Set.of();
    private String host;
    private final List<Upstream> upstreams = new ArrayList<>();
    private boolean stripPrefix;
    private Timeouts timeouts = Timeouts.defaults();
    private long maxBodyBytes = 10L * 1024 * 1024;
    private LoadBalancing loadBalancing = LoadBalancing.ROUND_ROBIN;
    private int retries = 1;
    private RetryBudget retryBudget = RetryBudget.defaults();
    private HealthCheck healthCheck;
    private CorsPolicy cors;
    private HeaderRules requestHeaders = HeaderRules.none();
    private HeaderRules responseHeaders = HeaderRules.none();
    private AuthMode auth = AuthMode.ANY;
    private String audience;
    private Set<String> permissions = Set.of();
    private final Map<String, Set<String>> methodPermissions = new LinkedHashMap<>();
    private RateLimit rateLimit;

    private Builder() {}

    /** Required: {@code [a-z0-9][a-z0-9-]*}. */
    public Builder id(String id) {
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException("id must match [a-z0-9][a-z0-9-]*, was: " + Syntax.quote(id));
      }
      this.id = id;
      return this;
    }

    /** Matches the prefix and every path below it, by whole segments; {@code /} matches every path. */
    public Builder pathPrefix(String prefix) {
      this.prefix = PathPattern.prefix(prefix);
      return this;
    }

    /** Matches a template such as {@code /orders/{id}/items} or {@code /files/{path*}}. */
    public Builder pathTemplate(String template) {
      this.template = PathPattern.template(template);
      return this;
    }

    /** Methods matched, upper-case; empty (the default) matches every method. */
    public Builder methods(Collection<String> methods) {
      this.methods = Syntax.methods(methods, "match.methods");
      return this;
    }

    /** Exact host name, compared case-insensitively, or {@code *.domain}; default every host. */
    public Builder host(String host) {
      this.host = Syntax.hostPattern(host, "match.host");
      return this;
    }

    /** Adds an upstream, {@code http://host[:port][/base]}. */
    public Builder upstream(String uri) {
      upstreams.add(Upstream.parse(uri));
      return this;
    }

    /** Cut the path prefix from the forwarded path; only with a path prefix; default false. */
    public Builder stripPrefix(boolean stripPrefix) {
      this.stripPrefix = stripPrefix;
      return this;
    }

    /** Default {@link Timeouts#defaults()}. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** Not negative; 0 refuses any request body; default 10 MiB. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("max-body-bytes must not be negative, was: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Default {@link LoadBalancing#ROUND_ROBIN}. */
    public Builder loadBalancing(LoadBalancing loadBalancing) {
      this.loadBalancing = Objects.requireNonNull(loadBalancing, "load-balancing");
      return this;
    }

    /** 0 to 10 further attempts for idempotent requests; default 1. */
    public Builder retries(int retries) {
      if (retries < 0 || retries > 10) {
        throw new IllegalArgumentException("retries must be from 0 to 10, was: " + retries);
      }
      this.retries = retries;
      return this;
    }

    /** Default {@link RetryBudget#defaults()}. */
    public Builder retryBudget(RetryBudget retryBudget) {
      this.retryBudget = Objects.requireNonNull(retryBudget, "retry-budget");
      return this;
    }

    /** Default none: only passive health (failed connects). */
    public Builder healthCheck(HealthCheck healthCheck) {
      this.healthCheck = Objects.requireNonNull(healthCheck, "health-check");
      return this;
    }

    /** Default none: no CORS headers, preflights are not answered. */
    public Builder cors(CorsPolicy cors) {
      this.cors = Objects.requireNonNull(cors, "cors");
      return this;
    }

    /** Default none. */
    public Builder requestHeaders(HeaderRules rules) {
      this.requestHeaders = Objects.requireNonNull(rules, "request-headers");
      return this;
    }

    /** Default none. */
    public Builder responseHeaders(HeaderRules rules) {
      this.responseHeaders = Objects.requireNonNull(rules, "response-headers");
      return this;
    }

    /** Default {@link AuthMode#ANY}. */
    public Builder auth(AuthMode auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** Default the route id. */
    public Builder audience(String audience) {
      this.audience = Syntax.word(audience, "audience");
      return this;
    }

    /** Default none. */
    public Builder permissions(Collection<String> permissions) {
      Set<String> checked = new LinkedHashSet<>();
      for (String permission : permissions) {
        checked.add(Syntax.word(permission, "permissions entries"));
      }
      this.permissions = Set.copyOf(checked);
      return this;
    }

    /** Permissions required, in addition to {@link #permissions}, for requests with this method. */
    public Builder permissions(String method, Collection<String> permissions) {
      String checkedMethod = Syntax.methods(List.of(method), "permissions").iterator().next();
      Set<String> checked = new LinkedHashSet<>();
      for (String permission : permissions) {
        checked.add(Syntax.word(permission, "permissions." + checkedMethod + " entries"));
      }
      this.methodPermissions.put(checkedMethod, Set.copyOf(checked));
      return this;
    }

    /** Default none. */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rate-limit");
      return this;
    }

    /** Checks that the required fields are set and the fields agree; builds. */
    public RouteSpec build() {
      require(id != null, "id must be set");
      require(prefix != null || template != null, "match must have a path-prefix or a path-template");
      require(prefix == null || template == null, "match must have a path-prefix or a path-template, not both");
      require(!upstreams.isEmpty(), "upstreams must name at least one upstream");
      require(!stripPrefix || prefix != null, "strip-prefix requires match.path-prefix");
      require((permissions.isEmpty() && methodPermissions.isEmpty()) || auth != AuthMode.NONE,
          "permissions require auth other than none");
      return new RouteSpec(this);
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalStateException(message);
      }
    }
  }
}
