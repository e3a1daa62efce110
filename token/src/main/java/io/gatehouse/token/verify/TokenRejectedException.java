package io.gatehouse.token.verify;

import io.gatehouse.token.TokenException;

/** A token failed verification; {@link #reason()} says why. The message never holds the token. */
public class TokenRejectedException extends TokenException {
  private static final long serialVersionUID = 1L;

  private final Rejection reason;

  public TokenRejectedException(Rejection reason, String detail) {
    super(reason.code() + ": " + detail);
    this.reason = reason;
  }

  /** The rejection code. */
  public Rejection reason() {
    return reason;
  }
}
