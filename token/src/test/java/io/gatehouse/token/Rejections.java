package io.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.token.verify.Rejection;
import io.gatehouse.token.verify.TokenRejectedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a verification fails with one exact {@link Rejection} code. */
public final class Rejections {
  private Rejections() {}

  /** The call throws {@link TokenRejectedException} whose reason is {@code expected}. */
  public static void assertRejected(Rejection expected, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(TokenRejectedException.class)
        .extracting(e -> ((TokenRejectedException) e).reason())
        .isEqualTo(expected);
  }
}
