package io.gatehouse.http.server;

/**
 * Catches blocking calls on an event loop. Blocking APIs (JDBC, Argon2, remote calls) call
 * {@link #assertMayBlock(String)} first; on an event-loop thread it throws instead of stalling
 * every connection that loop serves.
 */
public final class BlockingGuard {
  private BlockingGuard() {}

  /**
   * Throws when called on an event-loop thread.
   *
   * @param what the blocking operation, named in the error
   * @throws IllegalStateException on an event loop
   */
  public static void assertMayBlock(String what) {
    if (onEventLoop()) {
      throw new IllegalStateException("blocking call (" + what + ") on event loop " + Thread.currentThread().getName()
          + "; mark the route blocking so it runs on a virtual thread");
    }
  }

  /** Whether the current thread is a Netty event loop. */
  public static boolean onEventLoop() {
    return Thread.currentThread() instanceof EventLoops.LoopThread;
  }
}
