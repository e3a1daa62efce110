package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.filter.GatewayContext;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.Upstream;
import io.gatehouse.http.HttpException;
import io.gatehouse.http.stream.ServerExchange;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
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
final class ProxyExchange {
  private final ServerExchange client;
  private final GatewayContext request;
  private final RouteSpec route;
  private final Upstream upstream;
  private final UpstreamPool pool;
  private final HeaderHygiene hygiene;
  /** Present when the request carried a secret the response must not echo; null otherwise (hot path). */
  private final ResponseScrubber scrubber;
  private Channel channel;
  private UpstreamHandler events;
  private ScheduledFuture<?> responseTimeout;
  /** The request head, written with the body's first piece. */
  private HttpRequest pendingHead;
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
  private boolean interim;
  /** The response was refused as malformed: what else arrives on the connection is dropped. */
  private boolean failed;

  ProxyExchange(GatewayContext ctx, Upstream upstream, UpstreamPool pool, HeaderHygiene hygiene,
      RouteMetrics.Meters meters, Runnable onFinish) {
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
    events = UpstreamHandler.of(channel);
    events.attach(this);
    client.whenClosed(this::abandon);
    // Held: the head goes out with the first piece of the body, which every request has (a request
    // without one ends with an empty last piece, decoded with its head): one message, one syscall.
    pendingHead = head;
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
    HttpRequest head = pendingHead;
    pendingHead = null;
    if (head == null) {
      channel.writeAndFlush(content);
    } else if (last) {
      // The request line was validated when the head was made (ForwardFilter).
      channel.writeAndFlush(new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(),
          content.content(), head.headers(), ((LastHttpContent) content).trailingHeaders(), false));
    } else {
      channel.write(head);
      channel.writeAndFlush(content);
    }
    if (last) {
      requestSent = true;
      finishIfDone();
    } else if (!channel.isWritable()) {
      client.pauseBody();
    }
  }

  /** The upstream's read ended: a response head whose body is still to come goes to the client now. */
  void readComplete() {
    client.flush();
  }

  /** The upstream connection can take more of the request body. */
  void writable() {
    client.resumeBody();
  }

  /** A piece of the upstream's response (ownership passes here). */
  void received(HttpObject msg) {
    if (failed) {
      ReferenceCountUtil.release(msg); // the rest of a response already refused
      return;
    }
    if (msg.decoderResult().isFailure() || msg instanceof HttpResponse response && !isValidStatus(response)) {
      ReferenceCountUtil.release(msg);
      malformed();
      return;
    }
    if (msg instanceof HttpResponse response && response.status().code() < 200 || interim) {
      // An interim response (100 Continue, 103 Early Hints) and the empty content ending it: the
      // core answers the client's Expect itself, and the final response follows on this connection.
      interim = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpResponse response) {
      cancelTimeout();
      // The decoder's message is this exchange's own: edit it in place rather than copy every header.
      HeaderHygiene.ResponseFraming framing;
      try {
        framing = hygiene.cleanResponse(response);
      } catch (HeaderHygiene.MalformedFieldException e) {
        ReferenceCountUtil.release(msg);
        malformed();
        return;
      }
      reusable = framing.keepAlive();
      route.responseHeaders().applyTo(response.headers());
      request.prepareResponse(response.headers());
      if (scrubber != null) {
        scrubber.scrub(response.headers());
      }
      if (framing.chunked()) {
        response.headers().remove("Content-Length");
      }
      client.respond(response);
    }
    if (msg instanceof HttpContent received) {
      HttpContent content = scrubber == null ? received : scrubbed(received);
      if (content instanceof LastHttpContent) {
        responseDone = true;
        meters.upstreamDuration.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        // Back to the pool before the last write: writing it may start the client's next
        // pipelined request at once, which should find this connection idle, not open another.
        finishIfDone();
        client.write(content);
        return;
      }
      client.write(content);
      if (!client.writable()) {
        channel.config().setAutoRead(false);
        client.whenWritable(() -> channel.config().setAutoRead(true));
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

  /** 1xx but 101 (no protocol was offered an upgrade), 2xx to 5xx. */
  private static boolean isValidStatus(HttpResponse response) {
    int status = response.status().code();
    return status >= 100 && status <= 599 && status != 101;
  }

  /** The upstream broke HTTP: 502, or a closed client connection once the response started. */
  private void malformed() {
    failed = true;
    cancelTimeout();
    client.fail(HttpException.builder(502).detail("the upstream sent a malformed response").build());
    channel.close();
  }

  /** The upstream connection closed. */
  void closed() {
    cancelTimeout();
    if (scrubber != null) {
      scrubber.release();
    }
    if (!responseDone) {
      countError(cause instanceof IOException ? RouteMetrics.UpstreamError.RESET : RouteMetrics.UpstreamError.CLOSED);
      client.fail(HttpException.builder(502).detail("the upstream closed the connection").build());
    }
    finish();
  }

  /** The upstream connection failed; it is being closed, and {@link #closed} follows. */
  void failed(Throwable cause) {
    this.cause = cause;
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
    events.detach();
    if (scrubber != null) {
      scrubber.release();
    }
    if (reusable) {
      // Reading may be off (the client was slow when the last piece arrived) and the task that
      // would turn it back on belongs to this exchange's client: a pooled connection must read,
      // to notice the upstream closing it and to receive the next exchange's response.
      channel.config().setAutoRead(true);
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

  /**
   * The client went away. Unless both messages ended (and the connection went back to the pool),
   * the upstream connection is mid-message: a response still coming, or a request body the
   * upstream is still waiting for even though it already answered. Either way it is closed.
   */
  private void abandon() {
    if (!(requestSent && responseDone) && channel.isActive()) {
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
