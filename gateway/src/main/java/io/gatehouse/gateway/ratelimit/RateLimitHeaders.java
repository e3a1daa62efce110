package io.gatehouse.gateway.ratelimit;

import io.gatehouse.gateway.route.RateLimit;
import io.gatehouse.http.HttpException;

/**
 * The 429 answer with {@code Retry-After} and the IETF {@code RateLimit-Policy} / {@code RateLimit}
 * fields (draft-ietf-httpapi-ratelimit-headers: {@code "name";q=quota;w=window} and
 * {@code "name";r=remaining;t=seconds-until-reset}).
 */
final class RateLimitHeaders {
  private RateLimitHeaders() {}

  static HttpException tooMany(Buckets buckets, String policy, long remaining, long nanosToWait, String detail) {
    RateLimit limit = buckets.limit();
    long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    return HttpException.builder(429).title("Too Many Requests").detail(detail)
        .header("Retry-After", Long.toString(seconds))
        .header("RateLimit-Policy", "\"" + policy + "\";q=" + limit.burst() + ";w=" + Math.max(1, limit.period().toSeconds()))
        .header("RateLimit", "\"" + policy + "\";r=" + remaining + ";t=" + seconds)
        .build();
  }
}
