package io.gatehouse.http.stream;

import io.gatehouse.http.HttpException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.net.InetSocketAddress;

/**
 * One request/response exchange as a stream. All methods must be called on {@link #eventLoop()}.
 * The body is held back until {@link #readBody} is called (so a request refused after
 * authentication never has its body read, and {@code Expect: 100-continue} is answered only then).
 */
public interface ServerExchange {
  /** The validated request head. */
  HttpRequest head();

  /** The request id (kept or generated; echoed on the response by the core). */
  String requestId();

  /** The request path as received, without query. */
  String path();

  /** The raw query string without {@code ?}, empty when absent. */
  String rawQuery();

  /** The peer. */
  InetSocketAddress remoteAddress();

  /** The peer's IP address as text ({@code 192.0.2.7}, {@code 2001:db8::1}); the core makes it once per connection. */
  default String remoteIp() {
    return remoteAddress().getAddress().getHostAddress();
  }

  /** The connection's event loop: upstream connections should use it too. */
  EventLoop eventLoop();

  /** The connection's buffer allocator. */
  ByteBufAllocator alloc();

  /** Names the exchange for metrics and the access log (a route id, never a raw path). */
  void name(String routeName);

  /** Names the upstream the request went to ({@code host:port}) for the access log. */
  default void upstream(String upstream) {}

  /** Names who the request was authenticated as, and the API key id if one was used (null if not), for the access log. */
  default void caller(String subject, String keyId) {}

  /**
   * Runs once the response has been written (a problem answer included), with its status and
   * duration; not when the connection closes before that. One listener; a later call replaces it.
   */
  default void whenDone(DoneListener listener) {}

  /** Limits the request body; more bytes answer 413 (or abort once the response started). */
  void limitBody(long maxBytes);

  /** Starts delivering the body (after sending {@code 100 Continue} when the client expects it). */
  void readBody(BodyListener listener);

  /** Stops reading the body (the peer it goes to cannot take more). */
  void pauseBody();

  /** Resumes reading the body. */
  void resumeBody();

  /**
   * Starts the response. The core sets {@code Connection}, {@code Date} and {@code X-Request-Id}.
   * The head is not sent yet: it goes out with the first {@link #write} (with a last piece, as one
   * message, a small body sharing the head's buffer), or on {@link #flush} when the body is not
   * there yet. A head only: a {@code FullHttpResponse}'s content would be ignored.
   */
  void respond(HttpResponse head);

  /** Writes a piece of the response and sends it; a {@code LastHttpContent} completes it. Takes ownership. */
  void write(HttpContent content);

  /**
   * Sends a head whose body is still to come; does nothing when there is none (every
   * {@link #write} is sent as it is made), so a caller need not track whether one is held.
   */
  void flush();

  /** Whether the client can take more response bytes now. */
  boolean writable();

  /** Runs once the client can take more response bytes (immediately if it can). */
  void whenWritable(Runnable task);

  /** Ends the exchange with a problem response, or closes the connection if the response started. */
  void fail(HttpException problem);

  /** Runs if the client connection closes while this exchange is current (to release what it holds upstream). */
  void whenClosed(Runnable task);

  /** Whether the response has started (after that, failures can only close the connection). */
  boolean responseStarted();
}
