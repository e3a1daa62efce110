package io.gatehouse.http.internal;

import io.gatehouse.http.HttpException;
import io.gatehouse.http.stream.BodyListener;
import io.gatehouse.http.stream.DoneListener;
import io.gatehouse.http.stream.ServerExchange;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/** The streaming side of one exchange: body delivery with backpressure and a streamed response. */
final class StreamingSession implements ServerExchange {
  private final ExchangeHandler owner;
  private final ChannelHandlerContext ctx;
  private final Exchange exchange;
  private final ArrayDeque<HttpContent> held = new ArrayDeque<>();
  private long maxBodyBytes = Long.MAX_VALUE;
  private BodyListener listener;
  private boolean pausedByHandler;
  private Runnable whenWritable;
  private Runnable onClose;
  private int status;
  private long bytesOut;

  StreamingSession(ExchangeHandler owner, ChannelHandlerContext ctx, Exchange exchange) {
    this.owner = owner;
    this.ctx = ctx;
    this.exchange = exchange;
  }

  @Override
  public HttpRequest head() {
    return exchange.head;
  }

  @Override
  public String requestId() {
    return exchange.requestId;
  }

  @Override
  public String path() {
    return exchange.path;
  }

  @Override
  public String rawQuery() {
    return exchange.rawQuery;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) ctx.channel().remoteAddress();
  }

  @Override
  public String remoteIp() {
    return owner.remoteIp();
  }

  @Override
  public EventLoop eventLoop() {
    return ctx.channel().eventLoop();
  }

  @Override
  public ByteBufAllocator alloc() {
    return ctx.alloc();
  }

  @Override
  public void name(String routeName) {
    exchange.name = routeName;
  }

  @Override
  public void caller(String subject, String keyId) {
    exchange.subject = subject;
    exchange.keyId = keyId;
  }

  @Override
  public void upstream(String upstream) {
    exchange.upstream = upstream;
  }

  @Override
  public void whenDone(DoneListener listener) {
    exchange.done = listener;
  }

  @Override
  public void limitBody(long maxBytes) {
    this.maxBodyBytes = maxBytes;
    if (HttpUtil.getContentLength(exchange.head, 0L) > maxBytes) {
      fail(HttpException.payloadTooLarge(maxBytes));
    }
  }

  @Override
  public void readBody(BodyListener bodyListener) {
    if (listener != null || exchange.refused) {
      return;
    }
    listener = bodyListener;
    if (HttpUtil.is100ContinueExpected(exchange.head) && !exchange.requestComplete) {
      ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
    while (!held.isEmpty() && listener != null) {
      listener.onContent(held.poll());
    }
    if (!pausedByHandler) {
      owner.readRequestBody(true);
    }
  }

  @Override
  public void pauseBody() {
    pausedByHandler = true;
    owner.readRequestBody(false);
  }

  @Override
  public void resumeBody() {
    pausedByHandler = false;
    if (listener != null) {
      owner.readRequestBody(true);
    }
  }

  @Override
  public void respond(HttpResponse head) {
    status = head.status().code();
    owner.startStreamedResponse(exchange, head);
  }

  @Override
  public void write(HttpContent content) {
    if (!ctx.channel().isActive()) {
      ReferenceCountUtil.release(content);
      return;
    }
    bytesOut += content.content().readableBytes();
    if (content instanceof LastHttpContent) {
      owner.finishStreamedResponse(exchange, content, status, bytesOut);
    } else {
      owner.writeStreamed(exchange, content);
    }
  }

  @Override
  public void flush() {
    owner.flushStreamed(exchange);
  }

  @Override
  public boolean writable() {
    return ctx.channel().isWritable();
  }

  @Override
  public void whenWritable(Runnable task) {
    if (writable()) {
      task.run();
    } else {
      whenWritable = task;
    }
  }

  @Override
  public void fail(HttpException problem) {
    owner.failStreaming(exchange, problem);
  }

  @Override
  public void whenClosed(Runnable task) {
    // A field, not a close-future listener: a keep-alive connection would collect one per exchange.
    onClose = task;
  }

  /** The client connection closed while this exchange was current. */
  void closed() {
    Runnable task = onClose;
    onClose = null;
    if (task != null) {
      task.run();
    }
  }

  /** Whether the handler takes the request body (a proxy forwarding it), so its end will come. */
  boolean readingBody() {
    return listener != null;
  }

  @Override
  public boolean responseStarted() {
    return exchange.responseStarted;
  }

  /** A piece of the request body arrived (the caller releases its own reference). */
  void onContent(HttpContent content) {
    exchange.bodyBytes += content.content().readableBytes();
    if (exchange.bodyBytes > maxBodyBytes) {
      fail(HttpException.payloadTooLarge(maxBodyBytes));
      return;
    }
    if (listener != null) {
      listener.onContent(content.retain());
    } else {
      held.add(content.retain());
      owner.readRequestBody(false);
    }
  }

  void writabilityChanged() {
    Runnable task = whenWritable;
    if (task != null && writable()) {
      whenWritable = null;
      task.run();
    }
  }

  void release() {
    held.forEach(ReferenceCountUtil::release);
    held.clear();
  }
}
