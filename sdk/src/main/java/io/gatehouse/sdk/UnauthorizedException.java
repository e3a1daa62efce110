package io.gatehouse.sdk;

import io.gatehouse.token.verify.Rejection;
import java.util.Optional;

/** No usable credential: none was presented, or the token was rejected ({@link #rejection()} says why). */
public final class UnauthorizedException extends AuthException {
  private static final long serialVersionUID = 1L;

  private final Rejection rejection;

  private UnauthorizedException(Rejection rejection, String message) {
    super(message);
    this.rejection = rejection;
  }

  /** The request carried no bearer token. */
  public static UnauthorizedException missingCredential(String detail) {
    return new UnauthorizedException(null, "no credential: " + detail);
  }

  /** A bearer token was presented and rejected. */
  public static UnauthorizedException rejected(Rejection rejection, String detail) {
    return new UnauthorizedException(rejection, rejection.code() + ": " + detail);
  }

  /** Why the token was rejected; empty when no token was presented. */
  public Optional<Rejection> rejection() {
    return Optional.ofNullable(rejection);
  }

  /** Whether the request simply carried no bearer token. */
  public boolean credentialMissing() {
    return rejection == null;
  }

  @Override
  public String description() {
    return rejection == null ? "a bearer token is required" : describe(rejection);
  }

  private static String describe(Rejection rejection) {
    switch (rejection) {
      case MALFORMED:
        return "the token is malformed";
      case OVERSIZED:
        return "the token is too long";
      case UNSUPPORTED_ALGORITHM:
      case ALGORITHM_MISMATCH:
        return "the token's signing algorithm is not accepted";
      case FORBIDDEN_HEADER:
        return "the token carries a header that is not accepted";
      case UNKNOWN_KEY:
      case UNUSABLE_KEY:
        return "the token is signed by an unknown key";
      case BAD_SIGNATURE:
        return "the token signature is invalid";
      case WRONG_TYPE:
        return "the token type is not accepted";
      case EXPIRED:
        return "the token has expired";
      case NOT_YET_VALID:
      case ISSUED_IN_FUTURE:
        return "the token is not valid yet";
      case ISSUER_MISMATCH:
        return "the token is from another issuer";
      case AUDIENCE_MISMATCH:
        return "the token is not meant for this service";
      case KEYS_UNAVAILABLE:
        return "the issuer's signing keys are unavailable";
      default:
        return "the token is invalid";
    }
  }
}
