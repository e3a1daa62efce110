package io.gatehouse.http.internal;

import io.gatehouse.http.server.ServerLimits;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The timeouts of one connection, seeing raw bytes before the decoder: the request head must
 * arrive within the header-read timeout (counted from the connection or the first byte of a
 * later request), body bytes may pause at most the body-read timeout, a keep-alive connection may
 * idle at most the idle timeout, and a client that does not read may keep the connection
 * unwritable at most the write timeout. The exchange handler says which read phase applies.
 *
 * <p>Phases only move a deadline; one periodic check per connection (every half of the shortest
 * timeout) compares it with the clock, so the request path never schedules or cancels a task.
 * A timeout therefore fires up to half the shortest timeout late.
 */
final class ReadTimeouts extends ChannelInboundHandlerAdapter {
  /** What a fired timeout means for the exchange handler. */
  enum Expiry { HEADER, BODY, IDLE, WRITE }

  private final ServerLimits limits;
  private final long checkEveryNanos;
  private ExchangeHandler exchanges;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> check;
  private long readDeadline = Long.MAX_VALUE;
  private Expiry readExpiry;
  private boolean idle;
  private long writeDeadline = Long.MAX_VALUE;
  private boolean bytesSeen;

  ReadTimeouts(ServerLimits limits) {
    this.limits = limits;
    Duration shortest = min(min(limits.headerReadTimeout(), limits.bodyReadTimeout()),
        min(limits.idleTimeout(), limits.writeTimeout()));
    this.checkEveryNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), shortest.toNanos() / 2);
  }

  void exchanges(ExchangeHandler exchanges) {
    this.exchanges = exchanges;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    arm(limits.headerReadTimeout(), Expiry.HEADER);
    check = ctx.executor().scheduleAtFixedRate(this::check, checkEveryNanos, checkEveryNanos, TimeUnit.NANOSECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    bytesSeen = true;
    if (idle) {
      idle = false;
      arm(limits.headerReadTimeout(), Expiry.HEADER);
    } else if (readExpiry == Expiry.BODY) {
      arm(limits.bodyReadTimeout(), Expiry.BODY);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    writeDeadline = ctx.channel().isWritable() ? Long.MAX_VALUE : System.nanoTime() + limits.writeTimeout().toNanos();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (check != null) {
      check.cancel(false);
    }
    ctx.fireChannelInactive();
  }

  /** A request head arrived; its body (if any) follows. */
  void headReceived(boolean expectBody) {
    if (expectBody) {
      arm(limits.bodyReadTimeout(), Expiry.BODY);
    } else {
      disarm();
    }
  }

  /** The request body is complete; the handler runs. */
  void bodyComplete() {
    disarm();
  }

  /** The exchange finished on a keep-alive connection; wait for the next request. */
  void awaitNextRequest() {
    idle = true;
    arm(limits.idleTimeout(), Expiry.IDLE);
  }

  /** Whether any byte arrived on this connection. */
  boolean bytesSeen() {
    return bytesSeen;
  }

  private void check() {
    long now = System.nanoTime();
    if (now - writeDeadline >= 0 && writeDeadline != Long.MAX_VALUE) {
      writeDeadline = Long.MAX_VALUE;
      exchanges.timedOut(Expiry.WRITE);
    } else if (readDeadline != Long.MAX_VALUE && now - readDeadline >= 0) {
      Expiry expired = readExpiry;
      disarm();
      exchanges.timedOut(expired);
    }
  }

  private void arm(Duration timeout, Expiry expiry) {
    readDeadline = System.nanoTime() + timeout.toNanos();
    readExpiry = expiry;
  }

  private void disarm() {
    readDeadline = Long.MAX_VALUE;
    readExpiry = null;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
