package io.gatehouse.http.internal;

import io.gatehouse.http.server.ServerLimits;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Read-side timeouts of one connection, seeing raw bytes before the decoder: the request head
 * must arrive within the header-read timeout (counted from the connection or the first byte of
 * a later request), body chunks may pause at most the body-read timeout, and a keep-alive
 * connection may idle at most the idle timeout. The exchange handler says which phase applies.
 */
final class ReadTimeouts extends ChannelInboundHandlerAdapter {
  /** What a fired timeout means for the exchange handler. */
  enum Expiry { HEADER, BODY, IDLE }

  private enum Phase { NEW_CONNECTION, IDLE, HEAD, BODY, BUSY }

  private final ServerLimits limits;
  private ExchangeHandler exchanges;
  private ChannelHandlerContext ctx;
  private Phase phase = Phase.NEW_CONNECTION;
  private ScheduledFuture<?> timer;
  private boolean bytesSeen;

  ReadTimeouts(ServerLimits limits) {
    this.limits = limits;
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
    schedule(limits.headerReadTimeout().toNanos(), Expiry.HEADER);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    bytesSeen = true;
    if (phase == Phase.IDLE) {
      phase = Phase.HEAD;
      schedule(limits.headerReadTimeout().toNanos(), Expiry.HEADER);
    } else if (phase == Phase.BODY) {
      schedule(limits.bodyReadTimeout().toNanos(), Expiry.BODY);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  /** A request head arrived; its body (if any) follows. */
  void headReceived(boolean expectBody) {
    phase = expectBody ? Phase.BODY : Phase.BUSY;
    if (expectBody) {
      schedule(limits.bodyReadTimeout().toNanos(), Expiry.BODY);
    } else {
      cancel();
    }
  }

  /** The request body is complete; the handler runs. */
  void bodyComplete() {
    phase = Phase.BUSY;
    cancel();
  }

  /** The exchange finished on a keep-alive connection; wait for the next request. */
  void awaitNextRequest() {
    phase = Phase.IDLE;
    schedule(limits.idleTimeout().toNanos(), Expiry.IDLE);
  }

  /** Whether any byte arrived on this connection. */
  boolean bytesSeen() {
    return bytesSeen;
  }

  private void schedule(long nanos, Expiry expiry) {
    cancel();
    timer = ctx.executor().schedule(() -> exchanges.timedOut(expiry), nanos, TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
