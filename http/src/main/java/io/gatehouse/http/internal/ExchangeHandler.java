package io.gatehouse.http.internal;

import io.gatehouse.http.HttpException;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.observe.AccessLog;
import io.gatehouse.http.stream.DoneListener;
import io.gatehouse.http.observe.RequestIds;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the exchanges of one connection in order: validate the head, route it, read the body
 * within the route's limit, run the handler (on a virtual thread when it blocks), write the
 * response, log and count it. Pipelined requests wait in a bounded queue so responses leave in
 * request order; any framing error answers 400-class and closes the connection.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);
  /** How long unread request bytes are drained after a closing response before the socket is closed. */
  private static final long LINGER_MILLIS = 2_000;

  private final ListenerContext listener;
  private final ReadTimeouts timeouts;
  private final HeadValidator validator;
  private final ArrayDeque<HttpObject> queued = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private Exchange current;
  private boolean closing;
  /** The peer's address as text, made on first use (the gateway needs it on every request). */
  private String remoteIp;

  ExchangeHandler(ListenerContext listener, ReadTimeouts timeouts) {
    this.listener = listener;
    this.timeouts = timeouts;
    this.validator = new HeadValidator(listener.limits());
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    listener.metrics().connectionOpened();
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    listener.metrics().connectionClosed();
    queued.forEach(ReferenceCountUtil::release);
    queued.clear();
    if (current != null) {
      if (current.session != null) {
        current.session.closed();
      }
      current.release();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing) {
      ReferenceCountUtil.release(msg);
      return;
    }
    boolean busyWithAnother = current != null && current.requestComplete;
    if (busyWithAnother || !queued.isEmpty()) {
      queued.add((HttpObject) msg);
      if (queued.size() > listener.limits().maxPipelinedRequests() * 2) {
        ctx.channel().config().setAutoRead(false);
      }
      return;
    }
    process((HttpObject) msg);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (current != null && current.session != null) {
      current.session.writabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof IOException)) {
      LOG.debug("connection {} closed after {}", ctx.channel().remoteAddress(), cause.toString());
    }
    ctx.close();
  }

  /** The peer's IP address as text, the same for every exchange of the connection. */
  String remoteIp() {
    if (remoteIp == null) {
      remoteIp = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
    }
    return remoteIp;
  }

  /** A read timeout fired. */
  void timedOut(ReadTimeouts.Expiry expiry) {
    boolean nothingToAnswer = current == null && !timeouts.bytesSeen();
    boolean alreadyAnswered = current != null && current.responseStarted;
    if (expiry == ReadTimeouts.Expiry.WRITE) {
      listener.metrics().rejected("write_timeout");
      ctx.close();
      return;
    }
    if (expiry == ReadTimeouts.Expiry.IDLE || nothingToAnswer || alreadyAnswered) {
      ctx.close();
      return;
    }
    Exchange exchange = current != null ? current : new Exchange(timeoutHead(), RequestIds.generate());
    refuse(exchange, HttpException.builder(408).detail("request not received in time").closeConnection().build(),
        false, expiry == ReadTimeouts.Expiry.HEADER ? "header_timeout" : "body_timeout");
  }

  /** Drain: close now when idle, otherwise after the exchange in flight. */
  void drain() {
    if (current == null && queued.isEmpty()) {
      ctx.close();
    }
  }

  private void process(HttpObject msg) {
    try {
      if (msg instanceof HttpRequest) {
        onHead((HttpRequest) msg);
      }
      if (msg instanceof HttpContent && !closing) {
        onContent((HttpContent) msg);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHead(HttpRequest head) {
    Exchange exchange = new Exchange(head, RequestIds.keepOrGenerate(head.headers().get(RequestIds.HEADER)));
    current = exchange;
    if (head.decoderResult().isFailure()) {
      refuse(exchange, StrictRequestDecoder.refusal(head.decoderResult().cause()));
      return;
    }
    boolean expectsBody = HttpUtil.isTransferEncodingChunked(head) || HttpUtil.getContentLength(head, 0L) > 0;
    timeouts.headReceived(expectsBody);
    try {
      exchange.target(validator.validate(head));
      if (listener.streaming() != null) {
        startStreaming(exchange);
        return;
      }
      exchange.match = listener.router().resolve(head.method().name(), exchange.path);
      long limit = exchange.match.route().maxBodyBytes();
      if (HttpUtil.getContentLength(head, 0L) > limit) {
        throw HttpException.payloadTooLarge(limit);
      }
      if (HttpUtil.is100ContinueExpected(head)) {
        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
      }
    } catch (HttpException e) {
      // The body that follows is not read, so the connection cannot carry another request.
      refuse(exchange, e, expectsBody, reason(e));
    }
  }

  private void onContent(HttpContent content) {
    Exchange exchange = current;
    if (exchange != null && exchange.session != null && !exchange.refused) {
      streamContent(exchange, content);
      return;
    }
    if (exchange == null || exchange.responseStarted) {
      if (exchange != null && content instanceof LastHttpContent) {
        exchange.requestComplete = true;
        finishIfDone(exchange);
      }
      return;
    }
    if (content.decoderResult().isFailure()) {
      refuse(exchange, StrictRequestDecoder.refusal(content.decoderResult().cause()));
      return;
    }
    try {
      exchange.append(content.content(), ctx.alloc());
    } catch (HttpException e) {
      refuse(exchange, e);
      return;
    }
    if (content instanceof LastHttpContent) {
      exchange.requestComplete = true;
      timeouts.bodyComplete();
      dispatch(exchange);
    }
  }

  private void startStreaming(Exchange exchange) {
    exchange.session = new StreamingSession(this, ctx, exchange);
    MDC.put("request_id", exchange.requestId);
    try {
      listener.streaming().start(exchange.session);
    } catch (HttpException e) {
      failStreaming(exchange, e);
    } catch (RuntimeException e) {
      failStreaming(exchange, (HttpException) null, e);
    } finally {
      MDC.remove("request_id");
    }
  }

  private void streamContent(Exchange exchange, HttpContent content) {
    if (content.decoderResult().isFailure()) {
      failStreaming(exchange, StrictRequestDecoder.refusal(content.decoderResult().cause()));
      return;
    }
    boolean last = content instanceof LastHttpContent;
    if (last) {
      exchange.requestComplete = true;
      timeouts.bodyComplete();
    }
    exchange.session.onContent(content);
    if (last && current == exchange) {
      finishIfDone(exchange);
    }
  }

  /** Reads (or stops reading) the connection on behalf of a streaming handler's body backpressure. */
  void readRequestBody(boolean read) {
    ChannelConfig config = ctx.channel().config();
    if (config.isAutoRead() != read) {
      config.setAutoRead(read); // switching it on starts a read; already on, it reads anyway
    }
  }

  /** Writes a streamed response head with the core's framing headers. */
  void startStreamedResponse(Exchange exchange, HttpResponse head) {
    if (exchange.responseStarted || !ctx.channel().isActive()) {
      return;
    }
    exchange.responseStarted = true;
    // The request body may still be arriving: it keeps flowing to the handler until it ends.
    boolean keepAlive = !listener.draining() && HttpUtil.isKeepAlive(exchange.head);
    exchange.keepAlive = ResponseWriter.streamedHead(exchange, head, keepAlive);
    // Held until the body's first piece: a head and a whole body ready together are one message,
    // encoded into one buffer and written once; a body still to come waits for the handler's flush.
    exchange.pendingHead = head;
  }

  /** Writes and sends a piece of a streamed response that is not its last, the held head first. */
  void writeStreamed(Exchange exchange, HttpContent content) {
    writePendingHead(exchange);
    ctx.writeAndFlush(content);
  }

  /** Sends a held head whose body is still to come; nothing else is ever left unsent. */
  void flushStreamed(Exchange exchange) {
    if (exchange.pendingHead != null) {
      ctx.writeAndFlush(exchange.pendingHead);
      exchange.pendingHead = null;
    }
  }

  private void writePendingHead(Exchange exchange) {
    if (exchange.pendingHead != null) {
      ctx.write(exchange.pendingHead);
      exchange.pendingHead = null;
    }
  }

  /** Writes the last piece of a streamed response, then records it and moves on (or closes). */
  void finishStreamedResponse(Exchange exchange, HttpContent last, int status, long bytesOut) {
    // A request whose body had not ended when the response did leaves bytes unread: close after
    // it, unless the handler is still taking the body (a proxy whose upstream answered early):
    // then the connection moves on once the body ends, bounded by the body timeout.
    boolean bodyWillEnd = exchange.requestComplete || (exchange.session != null && exchange.session.readingBody());
    boolean keepAlive = exchange.keepAlive && bodyWillEnd && !listener.draining();
    if (!keepAlive) {
      closing = true;
    }
    HttpResponse head = exchange.pendingHead;
    exchange.pendingHead = null;
    if (head != null && !keepAlive) {
      head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE); // still unsent: say so
    }
    Object message = head == null ? last : new DefaultFullHttpResponse(head.protocolVersion(), head.status(),
        last.content(), head.headers(), ((LastHttpContent) last).trailingHeaders());
    ctx.writeAndFlush(message).addListener((ChannelFutureListener) f -> {
      record(exchange, status, bytesOut);
      if (!keepAlive || !f.isSuccess()) {
        f.channel().close();
      } else {
        exchange.responseWritten = true;
        finishIfDone(exchange);
      }
    });
  }

  /** A streaming handler gives up: a problem response, or a closed connection once the response started. */
  void failStreaming(Exchange exchange, HttpException problem) {
    failStreaming(exchange, problem, null);
  }

  private void failStreaming(Exchange exchange, HttpException problem, Throwable failure) {
    if (current != exchange || exchange.refused) {
      return;
    }
    if (exchange.responseStarted) {
      ctx.close();
      return;
    }
    exchange.refused = true;
    exchange.release();
    Response response = problem != null ? Problems.render(problem, exchange.requestId)
        : Problems.from(failure, exchange.requestId);
    // A body still arriving is not read past this point, so the connection cannot carry another
    // request; a request without a body only has its (empty) end left, and the connection lives on.
    boolean bodyPending = !exchange.requestComplete
        && (HttpUtil.isTransferEncodingChunked(exchange.head) || HttpUtil.getContentLength(exchange.head, 0L) > 0);
    boolean close = bodyPending || (problem != null && problem.closeConnection());
    respond(exchange, response, close);
  }

  private void dispatch(Exchange exchange) {
    Request request = exchange.toRequest((InetSocketAddress) ctx.channel().remoteAddress());
    Route route = exchange.match.route();
    if (route.blocking()) {
      listener.blockingExecutor().execute(() -> {
        Response response = invoke(route, request);
        ctx.executor().execute(() -> respond(exchange, response, false));
      });
    } else {
      respond(exchange, invoke(route, request), false);
    }
  }

  private static Response invoke(Route route, Request request) {
    MDC.put("request_id", request.requestId());
    try {
      Response response = route.handler().handle(request);
      if (response == null) {
        throw new IllegalStateException("handler for " + route.template() + " returned no response");
      }
      return response;
    } catch (Throwable failure) {
      return Problems.from(failure, request.requestId());
    } finally {
      MDC.remove("request_id");
    }
  }

  private void refuse(Exchange exchange, HttpException problem) {
    refuse(exchange, problem, false, reason(problem));
  }

  /** Answers without running a handler; {@code reason} labels the rejection metric (null: not counted). */
  private void refuse(Exchange exchange, HttpException problem, boolean close, String reason) {
    exchange.refused = true;
    if (reason != null) {
      listener.metrics().rejected(reason);
    }
    exchange.release();
    respond(exchange, Problems.render(problem, exchange.requestId), close || problem.closeConnection());
  }

  private void respond(Exchange exchange, Response response, boolean forceClose) {
    if (!ctx.channel().isActive()) {
      exchange.release();
      return;
    }
    exchange.responseStarted = true;
    boolean keepAlive = !forceClose && !listener.draining() && HttpUtil.isKeepAlive(exchange.head);
    if (!keepAlive) {
      closing = true;
    }
    int status = response.status();
    long bytesOut = response.body().length;
    ctx.writeAndFlush(ResponseWriter.toNetty(exchange, response, keepAlive)).addListener((ChannelFutureListener) f -> {
      record(exchange, status, bytesOut);
      if (f.isSuccess() && !keepAlive && !exchange.requestComplete) {
        lingerThenClose();
      } else if (!keepAlive || !f.isSuccess()) {
        f.channel().close();
      } else {
        exchange.responseWritten = true;
        finishIfDone(exchange);
      }
    });
  }

  /**
   * Closes after a response that left part of the request unread (413, 408, a framing error).
   * Closing a socket with unread input makes the kernel reset the connection, and a client still
   * sending its body then loses the response it had not read yet. So: half-close (the client sees
   * the end of the response), discard whatever still arrives, and close when the client does or
   * after {@link #LINGER_MILLIS}.
   */
  private void lingerThenClose() {
    SocketChannel channel = (SocketChannel) ctx.channel();
    channel.config().setAutoRead(true);
    channel.shutdownOutput().addListener(done ->
        channel.eventLoop().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS));
  }

  /**
   * Moves on to the next request once this one is read and its response written: waiting for
   * the write keeps a client that does not read from making the server buffer answers.
   */
  private void finishIfDone(Exchange exchange) {
    if (current != exchange || !exchange.requestComplete || !exchange.responseWritten || closing) {
      return;
    }
    current = null;
    if (listener.draining()) {
      ctx.close();
      return;
    }
    timeouts.awaitNextRequest();
    // Feed queued objects until one exchange has its whole request (head and body) again.
    while (!queued.isEmpty() && !closing && (current == null || !current.requestComplete)) {
      process(queued.poll());
    }
    if (queued.isEmpty() && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  private void record(Exchange exchange, int status, long bytesOut) {
    long duration = System.nanoTime() - exchange.startNanos;
    listener.metrics().request(exchange.routeName(), exchange.methodLabel(), status, duration);
    if (AccessLog.enabled()) {
      AccessLog.write(new AccessLog.Entry(Instant.now().minusNanos(duration), listener.name(), exchange.requestId,
          exchange.head.method().name(), exchange.path, exchange.rawQuery, status, exchange.bodyBytes, bytesOut,
          duration, exchange.routeName(), String.valueOf(ctx.channel().remoteAddress()), exchange.upstream,
          exchange.subject, exchange.keyId));
    }
    if (exchange.done != null) {
      DoneListener done = exchange.done;
      exchange.done = null;
      done.done(status, duration);
    }
  }

  /** The rejection metric's reason: the status, except that routing misses are not rejections. */
  private static String reason(HttpException problem) {
    return problem.status() == 404 || problem.status() == 405 ? null : Integer.toString(problem.status());
  }

  private static HttpRequest timeoutHead() {
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
  }
}
