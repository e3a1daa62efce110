package io.gatehouse.http.stream;

import io.netty.handler.codec.http.HttpContent;

/** Receives a request body on the event loop; the last piece is a {@code LastHttpContent}. */
@FunctionalInterface
public interface BodyListener {
  /** A piece of the body, retained for the listener, which must release it (or pass it on). */
  void onContent(HttpContent content);
}
