package io.gatehouse.gateway.authn;

import io.gatehouse.http.HttpException;
import java.util.Set;

/**
 * The gateway's authentication and authorization answers, in one place: RFC 6750 challenges on
 * 401/403, 400 for ambiguous credentials, 503 when the auth service cannot answer. Unknown,
 * revoked, expired and malformed credentials get the same answer.
 */
public final class AuthProblems {
  private static final String REALM = "Bearer realm=\"gatehouse\"";

  private AuthProblems() {}

  /** No credential on a route that needs one: a bare challenge, no error code (RFC 6750 §3.1). */
  public static HttpException missing() {
    return HttpException.builder(401).title("Unauthorized")
        .detail("this route requires an API key or an access token")
        .header("WWW-Authenticate", REALM).build();
  }

  /** A credential that is not valid, for whatever reason: one answer, so keys cannot be probed. */
  public static HttpException invalid() {
    return HttpException.builder(401).title("Unauthorized").detail("the credential is not valid")
        .header("WWW-Authenticate", REALM + ", error=\"invalid_token\", error_description=\"the credential is not valid\"")
        .build();
  }

  /** A kind of credential this route does not accept (say, a JWT on an {@code auth: api-key} route). */
  public static HttpException notAccepted(String accepted) {
    return HttpException.builder(401).title("Unauthorized").detail("this route accepts " + accepted + " only")
        .header("WWW-Authenticate", REALM + ", error=\"invalid_token\", error_description=\"this route accepts "
            + accepted + " only\"")
        .build();
  }

  /** An ambiguous or misplaced credential (RFC 6750 {@code invalid_request}). */
  public static HttpException badRequest(String detail) {
    return HttpException.builder(400).title("Bad Request").detail(detail)
        .header("WWW-Authenticate", REALM + ", error=\"invalid_request\"").build();
  }

  /** The caller lacks permissions the route requires. */
  public static HttpException insufficientScope(Set<String> required) {
    String scope = String.join(" ", required);
    return HttpException.builder(403).title("Forbidden")
        .detail("this request requires the permissions: " + scope)
        .header("WWW-Authenticate", REALM + ", error=\"insufficient_scope\", scope=\"" + scope + "\"").build();
  }

  /** The auth service could not answer and nothing usable is cached: fail closed. */
  public static HttpException unavailable() {
    return HttpException.builder(503).title("Service Unavailable")
        .detail("authentication is temporarily unavailable").header("Retry-After", "5").build();
  }
}
