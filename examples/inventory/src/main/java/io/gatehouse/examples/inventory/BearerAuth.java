package io.gatehouse.examples.inventory;

import com.sun.net.httpserver.HttpExchange;
import io.gatehouse.sdk.AuthException;
import io.gatehouse.sdk.ForbiddenException;
import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.TokenVerifier;
import io.gatehouse.sdk.UnauthorizedException;
import io.gatehouse.token.verify.Rejection;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Authentication with the SDK's plain API: extract the {@code Authorization} header, let the
 * {@link TokenVerifier} decide, and answer failures the way RFC 6750 and RFC 9457 say (the same
 * answers the SDK's servlet filter gives).
 */
final class BearerAuth {
  private final TokenVerifier verifier;
  private final String realm;

  BearerAuth(TokenVerifier verifier, String realm) {
    this.verifier = verifier;
    this.realm = realm;
  }

  /**
   * The caller, holding every one of {@code permissions}.
   *
   * @throws AuthException when the token is missing or rejected, or a permission is missing
   */
  Principal authenticate(HttpExchange exchange, String... permissions) {
    List<String> values = exchange.getRequestHeaders().get("Authorization");
    if (values != null && values.size() > 1) {
      throw UnauthorizedException.rejected(Rejection.MALFORMED, "more than one Authorization header");
    }
    Principal principal = verifier.verifyAuthorizationHeader(values == null ? null : values.get(0));
    principal.require(permissions);
    return principal;
  }

  /** 401 with a challenge, 403 {@code insufficient_scope}, or 503 when the issuer's keys were never fetched. */
  void reject(HttpExchange exchange, AuthException failure) throws IOException {
    String description = quotable(failure.description());
    String challenge = "Bearer realm=\"" + realm + "\"";
    if (failure instanceof ForbiddenException forbidden) {
      String scope = forbidden.required().stream().map(BearerAuth::quotable).collect(Collectors.joining(" "));
      exchange.getResponseHeaders().set("WWW-Authenticate", challenge + ", error=\"insufficient_scope\", "
          + "error_description=\"" + description + "\", scope=\"" + scope + "\"");
      Responses.problem(exchange, 403, "Forbidden", description);
      return;
    }
    UnauthorizedException unauthorized = (UnauthorizedException) failure;
    if (unauthorized.rejection().filter(r -> r == Rejection.KEYS_UNAVAILABLE).isPresent()) {
      // Not the client's fault: its token may be fine once the issuer answers again.
      Responses.problem(exchange, 503, "Service Unavailable", description);
      return;
    }
    exchange.getResponseHeaders().set("WWW-Authenticate", unauthorized.credentialMissing() ? challenge
        : challenge + ", error=\"invalid_token\", error_description=\"" + description + "\"");
    Responses.problem(exchange, 401, "Unauthorized", description);
  }

  /** What an RFC 6750 quoted string may hold: printable ASCII without quote or backslash. */
  private static String quotable(String value) {
    return value.chars().filter(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\')
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }
}
