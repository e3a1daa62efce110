package io.gatehouse.sdk.servlet;

import io.gatehouse.sdk.AuthException;
import io.gatehouse.sdk.ForbiddenException;
import io.gatehouse.sdk.UnauthorizedException;
import io.gatehouse.token.verify.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Answers an {@link AuthException}: the one place that picks the status. 401 with an RFC 6750
 * challenge for a missing or rejected token, 403 {@code insufficient_scope} for missing
 * permissions, 503 when the issuer's keys could never be fetched; every body is problem+json.
 */
public final class AuthFailureResponder {
  private final String realm;

  private AuthFailureResponder(String realm) {
    this.realm = realm;
  }

  /**
   * A responder whose challenges name this realm.
   *
   * @throws IllegalArgumentException when the realm is blank or cannot be a quoted string
   */
  public static AuthFailureResponder forRealm(String realm) {
    if (realm == null || realm.isBlank() || !Challenge.isQuotable(realm)) {
      throw new IllegalArgumentException("realm must be non-blank printable ASCII without quotes or backslashes, was: "
          + realm);
    }
    return new AuthFailureResponder(realm);
  }

  /** The HTTP status for a failure. */
  public static int status(AuthException failure) {
    if (failure instanceof ForbiddenException) {
      return HttpServletResponse.SC_FORBIDDEN;
    }
    if (keysUnavailable(failure)) {
      return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
    return HttpServletResponse.SC_UNAUTHORIZED;
  }

  /**
   * Writes the status, headers and body for a failure; the response must not be committed yet.
   *
   * @throws IllegalStateException when the response is already committed
   */
  public void send(HttpServletResponse response, AuthException failure) throws IOException {
    if (response.isCommitted()) {
      throw new IllegalStateException("response already committed; cannot answer " + failure.getMessage());
    }
    // Keep headers earlier filters set (CORS, request id); drop whatever body was buffered.
    response.resetBuffer();
    int status = status(failure);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    String description = Challenge.quotable(failure.description());
    challenge(failure, description).ifPresent(value -> response.setHeader("WWW-Authenticate", value));
    ProblemJson.write(response, status, title(status), description);
  }

  private Optional<String> challenge(AuthException failure, String description) {
    if (failure instanceof ForbiddenException) {
      return Optional.of(Challenge.insufficientScope(realm, description, ((ForbiddenException) failure).required()));
    }
    if (keysUnavailable(failure)) {
      return Optional.empty();
    }
    // AuthException's constructor is package-private: Forbidden and Unauthorized are its only kinds.
    if (((UnauthorizedException) failure).credentialMissing()) {
      return Optional.of(Challenge.bearer(realm));
    }
    return Optional.of(Challenge.bearer(realm, "invalid_token", description));
  }

  private static boolean keysUnavailable(AuthException failure) {
    return failure instanceof UnauthorizedException
        && ((UnauthorizedException) failure).rejection().filter(r -> r == Rejection.KEYS_UNAVAILABLE).isPresent();
  }

  private static String title(int status) {
    switch (status) {
      case HttpServletResponse.SC_FORBIDDEN:
        return "Forbidden";
      case HttpServletResponse.SC_SERVICE_UNAVAILABLE:
        return "Service Unavailable";
      default:
        return "Unauthorized";
    }
  }
}
