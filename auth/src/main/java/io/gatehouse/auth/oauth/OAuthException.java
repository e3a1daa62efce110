package io.gatehouse.auth.oauth;

/**
 * An OAuth error response (RFC 6749 §5.2): {@code error}, {@code error_description}, status 400,
 * or 401 with {@code WWW-Authenticate} for {@code invalid_client}.
 */
public class OAuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String error;
  private final int status;

  private OAuthException(String error, String description, int status) {
    super(description);
    this.error = error;
    this.status = status;
  }

  /** {@code invalid_request}: a parameter is missing, repeated or malformed. */
  public static OAuthException invalidRequest(String description) {
    return new OAuthException("invalid_request", description, 400);
  }

  /** {@code invalid_client}: client authentication failed (401). */
  public static OAuthException invalidClient() {
    return new OAuthException("invalid_client", "client authentication failed", 401);
  }

  /** {@code invalid_grant}: the grant (refresh token, subject token) is invalid, expired or revoked. */
  public static OAuthException invalidGrant(String description) {
    return new OAuthException("invalid_grant", description, 400);
  }

  /** {@code unauthorized_client}: the client may not use this grant. */
  public static OAuthException unauthorizedClient(String description) {
    return new OAuthException("unauthorized_client", description, 400);
  }

  /** {@code unsupported_grant_type}. */
  public static OAuthException unsupportedGrantType(String grantType) {
    return new OAuthException("unsupported_grant_type", "grant type not supported: " + grantType, 400);
  }

  /** {@code invalid_scope}: a requested scope is not allowed. */
  public static OAuthException invalidScope(String description) {
    return new OAuthException("invalid_scope", description, 400);
  }

  /** {@code invalid_target} (RFC 8707/8693): the audience is not one the client may ask for. */
  public static OAuthException invalidTarget(String description) {
    return new OAuthException("invalid_target", description, 400);
  }

  /** {@code unsupported_token_type} (RFC 7009 §2.2.1): access tokens expire instead of being revoked. */
  public static OAuthException unsupportedTokenType() {
    return new OAuthException("unsupported_token_type", "access tokens cannot be revoked; they expire", 400);
  }

  /** {@code temporarily_unavailable} (503): the store cannot be reached. */
  public static OAuthException temporarilyUnavailable() {
    return new OAuthException("temporarily_unavailable", "the service is temporarily unavailable", 503);
  }

  /** The error code. */
  public String error() {
    return error;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }
}
