package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.filter.GatewayContext;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.Upstream;
import io.gatehouse.http.HttpException;
import io.gatehouse.http.stream.ServerExchange;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * One proxied exchange: forwards the request head and body to an upstream connection and the
 * response back, with backpressure both ways. A connection is returned to the pool only when
 * both messages ended cleanly and the upstream keeps it alive; otherwise it is closed.
 */
final class ProxyExchange extends SimpleChannelInboundHandler<HttpObject> {
  private final ServerExchange client;
  private final GatewayContext request;
  private final RouteSpec route;
  private final Upstream upstream;
  private final UpstreamPool pool;
  private final HeaderHygiene hygiene;
  /** Present when the request carried a secret the response must not echo; null otherwise (hot path). */
  private final ResponseScrubber scrubber;
  private Channel channel;
  private ScheduledFuture<?> responseTimeout;
  private boolean requestSent;
  private boolean responseDone;
  private boolean reusable;
  private boolean finished;
  /** Set once the exchange's outcome is known to be no upstream fault (client gone) or was counted. */
  private boolean errorCounted;
  private Throwable cause;
  private long startNanos;
  private final RouteMetrics.Meters meters;
  private final Runnable onFinish;

  ProxyExchange(GatewayContext ctx, Upstream upstream, UpstreamPool pool, HeaderHygiene hygiene,
      RouteMetrics.Meters meters, Runnable onFinish) {
    super(false);
    this.meters = meters;
    this.onFinish = onFinish;
    this.request = ctx;
    this.client = ctx.exchange();
    this.route = ctx.route();
    this.scrubber = ctx.attribute(ResponseScrubber.SECRET)
        .map(secret -> new ResponseScrubber(secret, client.alloc())).orElse(null);
    this.upstream = upstream;
    this.pool = pool;
    this.hygiene = hygiene;
  }

  /** Sends the head on a connected channel and starts streaming the request body. */
  void start(Channel connected, HttpRequest head) {
    channel = connected;
    startNanos = System.nanoTime();
    channel.pipeline().addLast("exchange", this);
    client.whenClosed(this::abandon);
    channel.writeAndFlush(head);
    long timeout = route.timeouts().responseHeader().toNanos();
    responseTimeout = channel.eventLoop().schedule(this::responseTimedOut, timeout, TimeUnit.NANOSECONDS);
    client.readBody(this::forwardBody);
  }

  private void forwardBody(HttpContent content) {
    if (!channel.isActive()) {
      content.release();
      return;
    }
    boolean last = content instanceof LastHttpContent;
    channel.writeAndFlush(content);
    if (last) {
      requestSent = true;
      finishIfDone();
    } else if (!channel.isWritable()) {
      client.pauseBody();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      client.resumeBody();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
    if (msg instanceof HttpResponse response) {
      cancelTimeout();
      reusable = HttpUtil.isKeepAlive(response);
      // The decoder's message is this exchange's own: edit it in place rather than copy every header.
      HttpResponse head = response;
      boolean chunked = HttpUtil.isTransferEncodingChunked(response);
      hygiene.cleanResponse(head.headers());
      route.responseHeaders().applyTo(head.headers());
      request.prepareResponse(head.headers());
      if (scrubber != null) {
        scrubber.scrub(head.headers());
      }
      if (chunked) {
        head.headers().remove("Content-Length");
      }
      client.respond(head);
    }
    if (msg instanceof HttpContent received) {
      HttpContent content = scrubber == null ? received : scrubbed(received);
      client.write(content);
      if (content instanceof LastHttpContent) {
        responseDone = true;
        meters.upstreamDuration.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        finishIfDone();
      } else if (!client.writable()) {
        ctx.channel().config().setAutoRead(false);
        client.whenWritable(() -> ctx.channel().config().setAutoRead(true));
      }
    } else if (!(msg instanceof HttpResponse)) {
      ReferenceCountUtil.release(msg);
    }
  }

  private HttpContent scrubbed(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    ByteBuf body = scrubber.scrub(content.content().retain(), last);
    HttpContent replaced = last
        ? new DefaultLastHttpContent(body, ((LastHttpContent) content).trailingHeaders())
        : new DefaultHttpContent(body);
    content.release();
    return replaced;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelTimeout();
    if (scrubber != null) {
      scrubber.release();
    }
    if (!responseDone) {
      countError(cause instanceof IOException ? RouteMetrics.UpstreamError.RESET : RouteMetrics.UpstreamError.CLOSED);
      client.fail(HttpException.builder(502).detail("the upstream closed the connection").build());
    }
    finish();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    this.cause = cause;
    ctx.close();
  }

  private void responseTimedOut() {
    if (!responseDone) {
      countError(RouteMetrics.UpstreamError.TIMEOUT);
      client.fail(HttpException.builder(504).detail("the upstream did not answer in time").build());
      channel.close();
    }
    finish();
  }

  private void finishIfDone() {
    if (!requestSent || !responseDone) {
      return;
    }
    channel.pipeline().remove(this);
    if (scrubber != null) {
      scrubber.release();
    }
    if (reusable) {
      pool.release(upstream, channel);
    } else {
      channel.close();
    }
    finish();
  }

  private void countError(RouteMetrics.UpstreamError kind) {
    if (!errorCounted) {
      errorCounted = true;
      meters.upstreamError(kind);
    }
  }

  /** Runs {@code onFinish} once, however the exchange ends. */
  private void finish() {
    if (!finished) {
      finished = true;
      onFinish.run();
    }
  }

  private void abandon() {
    if (!responseDone && channel.isActive()) {
      errorCounted = true; // the client left: not the upstream's fault
      channel.close();
    }
    finish();
  }

  private void cancelTimeout() {
    if (responseTimeout != null) {
      responseTimeout.cancel(false);
    }
  }
}
