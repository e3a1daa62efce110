package io.gatehouse.http.stream;

/**
 * Handles exchanges as streams. Called on the connection's event loop with a validated request
 * head; it must eventually respond (or fail) through the exchange, from the same event loop.
 */
@FunctionalInterface
public interface StreamingHandler {
  /** Starts one exchange. */
  void start(ServerExchange exchange);
}
