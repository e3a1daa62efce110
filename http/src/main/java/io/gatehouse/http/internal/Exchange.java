package io.gatehouse.http.internal;

import io.gatehouse.http.HttpException;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.RouteMatch;
import io.gatehouse.http.stream.DoneListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.net.InetSocketAddress;
import java.util.Set;

/** One request/response pair on a connection: its head, route, body so far and progress. */
final class Exchange {
  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  final HttpRequest head;
  final String requestId;
  /** When the head arrived, on the monotonic clock (the access log derives the wall-clock time from it). */
  final long startNanos = System.nanoTime();
  String path = "";
  String rawQuery = "";
  RouteMatch match;
  /** Set by a streaming handler; wins over the route template. */
  String name;
  /** The upstream a streaming handler sent the request to, for the access log; null when none. */
  String upstream;
  /** Who a streaming handler authenticated the request as, for the access log; null when nobody. */
  String subject;
  /** The public id of the API key that authenticated the request; null when none. */
  String keyId;
  /** Told when the response is written; null when nobody asked. */
  DoneListener done;
  /** Present when a streaming handler runs this exchange. */
  StreamingSession session;
  boolean requestComplete;
  boolean responseStarted;
  boolean responseWritten;
  /** Answered by the core without (or instead of) its handler. */
  boolean refused;
  /** Whether a streamed response keeps the connection open. */
  boolean keepAlive;
  /** A streamed response head not written yet: it goes with the body's first piece. */
  HttpResponse pendingHead;
  long bodyBytes;
  private CompositeByteBuf body;

  Exchange(HttpRequest head, String requestId) {
    this.head = head;
    this.requestId = requestId;
  }

  void target(String originForm) {
    int question = originForm.indexOf('?');
    path = question < 0 ? originForm : originForm.substring(0, question);
    rawQuery = question < 0 ? "" : originForm.substring(question + 1);
  }

  /** Adds a body chunk; 413 once the route's limit is passed. */
  void append(ByteBuf chunk, ByteBufAllocator allocator) {
    int size = chunk.readableBytes();
    if (size == 0) {
      return;
    }
    bodyBytes += size;
    long limit = match.route().maxBodyBytes();
    if (bodyBytes > limit) {
      throw HttpException.payloadTooLarge(limit);
    }
    if (body == null) {
      body = allocator.compositeBuffer(64);
    }
    body.addComponent(true, chunk.retain());
  }

  Request toRequest(InetSocketAddress remote) {
    byte[] bytes = body == null ? new byte[0] : ByteBufUtil.getBytes(body);
    release();
    return new Request(head.method().name(), path, rawQuery, head.headers(), match.pathParameters(), requestId,
        remote, bytes);
  }

  void release() {
    if (session != null) {
      session.release();
    }
    if (body != null) {
      body.release();
      body = null;
    }
  }

  String routeName() {
    if (name != null) {
      return name;
    }
    return match == null ? "unmatched" : match.route().name();
  }

  String methodLabel() {
    String method = head.method().name();
    return KNOWN_METHODS.contains(method) ? method : "OTHER";
  }
}
