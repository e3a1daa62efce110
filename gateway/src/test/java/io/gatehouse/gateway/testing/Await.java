package io.gatehouse.gateway.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for network events that happen on other threads (a connection closing, a request arriving). */
public final class Await {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  private Await() {}

  /** Polls until the condition holds; fails the test after ten seconds. */
  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + LIMIT + " waiting for: " + what);
      }
      pause(5);
    }
  }

  /**
   * Waits until a growing counter stops growing (it kept the same value for {@code quietMillis}),
   * e.g. bytes a writer managed to send once its peer stopped reading; returns that value.
   */
  public static long stalled(String what, java.util.function.LongSupplier counter, long quietMillis) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    long value = counter.getAsLong();
    long since = System.nanoTime();
    while (System.nanoTime() - since < quietMillis * 1_000_000L) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + LIMIT + " waiting for " + what + " to stall at " + value);
      }
      pause(5);
      long now = counter.getAsLong();
      if (now != value) {
        value = now;
        since = System.nanoTime();
      }
    }
    return value;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
