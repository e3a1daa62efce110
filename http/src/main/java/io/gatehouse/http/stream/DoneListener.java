package io.gatehouse.http.stream;

/** Told once an exchange's response has been written, on the event loop. */
@FunctionalInterface
public interface DoneListener {
  /**
   * The response is complete.
   *
   * @param status the response status
   * @param durationNanos time from the request head to the response written
   */
  void done(int status, long durationNanos);
}
