package io.gatehouse.gateway.route;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route's CORS policy: which origins may call it from a browser, with which methods and headers.
 * Validated so that a credentialed policy never uses {@code *}, which browsers refuse and which
 * would otherwise hand every site the user's session.
 *
 * @param allowedOrigins {@code *}, or exact origins ({@code https://app.example.com:8443}, lower-case, no path)
 * @param allowedMethods methods a cross-origin request may use, or {@code *}
 * @param allowedHeaders request headers it may send, lower-cased, or {@code *}
 * @param exposedHeaders response headers its script may read, lower-cased, or {@code *}
 * @param allowCredentials whether cookies and {@code Authorization} may be sent
 * @param maxAge how long a browser may cache a preflight answer; zero to not cache
 */
public record CorsPolicy(Set<String> allowedOrigins, Set<String> allowedMethods, Set<String> allowedHeaders,
    Set<String> exposedHeaders, boolean allowCredentials, Duration maxAge) {
  private static final String LABEL = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
  private static final Pattern ORIGIN =
      Pattern.compile("https?://(\\[[0-9a-f:.]+\\]|" + LABEL + "(\\." + LABEL + ")*)(:[0-9]{1,5})?");

  /** Validates every field; copies. */
  public CorsPolicy {
    allowedOrigins = origins(allowedOrigins);
    allowedMethods = Syntax.methods(allowedMethods, "cors.allowed-methods");
    allowedHeaders = headerNames(allowedHeaders, "cors.allowed-headers");
    exposedHeaders = headerNames(exposedHeaders, "cors.exposed-headers");
    if (maxAge == null || maxAge.isNegative()) {
      throw new IllegalArgumentException("cors.max-age must not be negative, was: " + maxAge);
    }
    if (allowCredentials) {
      noWildcard(allowedOrigins, "cors.allowed-origins");
      noWildcard(allowedMethods, "cors.allowed-methods");
      noWildcard(allowedHeaders, "cors.allowed-headers");
      noWildcard(exposedHeaders, "cors.exposed-headers");
    }
  }

  /** A builder: methods {@code GET, HEAD, POST}, no headers, no credentials, max-age 10 minutes. */
  public static Builder builder() {
    return new Builder();
  }

  private static Set<String> origins(Set<String> origins) {
    if (origins.isEmpty()) {
      throw new IllegalArgumentException("cors.allowed-origins must name at least one origin or *");
    }
    for (String origin : origins) {
      if (!"*".equals(origin) && (origin == null || !ORIGIN.matcher(origin).matches())) {
        throw new IllegalArgumentException("cors.allowed-origins must be * or scheme://host[:port] in lower case,"
            + " was: " + Syntax.quote(origin));
      }
    }
    if (origins.contains("*") && origins.size() > 1) {
      throw new IllegalArgumentException("cors.allowed-origins must be * alone or a list of origins, was: " + origins);
    }
    return Set.copyOf(origins);
  }

  private static Set<String> headerNames(Set<String> names, String field) {
    Set<String> lowerCase = new LinkedHashSet<>();
    for (String name : names) {
      lowerCase.add(Syntax.headerName(name, field).toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(lowerCase);
  }

  private static void noWildcard(Set<String> values, String field) {
    if (values.contains("*")) {
      throw new IllegalArgumentException(field + " must not be * when cors.allow-credentials is true");
    }
  }

  /** Builds a {@link CorsPolicy}; {@link #build()} validates. */
  public static final class Builder {
    private Set<String> allowedOrigins = Set.of();
    private Set<String> allowedMethods = Set.of("GET", "HEAD", "POST");
    private Set<String> allowedHeaders = Set.of();
    private Set<String> exposedHeaders = Set.of();
    private boolean allowCredentials;
    private Duration maxAge = Duration.ofMinutes(10);

    private Builder() {}

    /** Required: {@code *} or exact origins. */
    public Builder allowedOrigins(Collection<String> origins) {
      this.allowedOrigins = copy(origins);
      return this;
    }

    /** Default {@code GET, HEAD, POST}. */
    public Builder allowedMethods(Collection<String> methods) {
      this.allowedMethods = copy(methods);
      return this;
    }

    /** Default none beyond the CORS-safelisted ones. */
    public Builder allowedHeaders(Collection<String> headers) {
      this.allowedHeaders = copy(headers);
      return this;
    }

    /** Default none beyond the CORS-safelisted ones. */
    public Builder exposedHeaders(Collection<String> headers) {
      this.exposedHeaders = copy(headers);
      return this;
    }

    /** Default false. */
    public Builder allowCredentials(boolean allowCredentials) {
      this.allowCredentials = allowCredentials;
      return this;
    }

    /** Default 10 minutes. */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    /** Validates and builds. */
    public CorsPolicy build() {
      return new CorsPolicy(allowedOrigins, allowedMethods, allowedHeaders, exposedHeaders, allowCredentials, maxAge);
    }

    /** Keeps nulls, which {@link Set#copyOf} would refuse before validation could name the field. */
    private static Set<String> copy(Collection<String> values) {
      return new LinkedHashSet<>(values);
    }
  }
}
