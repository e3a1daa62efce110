package io.gatehouse.http.handler;

/**
 * Turns a request into a response. Runs on the event loop unless its route is marked blocking,
 * in which case it runs on a virtual thread. Throw {@link io.gatehouse.http.HttpException} for
 * an error response; any other exception becomes a logged 500 with no internal detail on the wire.
 */
@FunctionalInterface
public interface HttpHandler {
  /** Handles one request. */
  Response handle(Request request) throws Exception;
}
