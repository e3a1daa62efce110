package io.gatehouse.gateway.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of every upstream connection, for its whole life: hands the connection's
 * events to the exchange using it. Attaching an exchange is a field write, where adding and
 * removing a pipeline handler per exchange locked and searched the pipeline each time.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {
  private ProxyExchange exchange;

  /** The handler of an upstream connection made by {@link UpstreamPool}. */
  static UpstreamHandler of(Channel channel) {
    return channel.pipeline().get(UpstreamHandler.class);
  }

  /** The exchange that now owns the connection's events. */
  void attach(ProxyExchange owner) {
    exchange = owner;
  }

  /** The exchange is done with the connection. */
  void detach() {
    exchange = null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ProxyExchange owner = exchange;
    if (owner != null && msg instanceof HttpObject object) {
      owner.received(object);
    } else {
      // Nothing is asked of an idle connection: whatever it sends would be taken as the next
      // exchange's response.
      ReferenceCountUtil.release(msg);
      ctx.close();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ProxyExchange owner = exchange;
    if (owner != null) {
      owner.readComplete();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    ProxyExchange owner = exchange;
    if (owner != null && ctx.channel().isWritable()) {
      owner.writable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ProxyExchange owner = exchange;
    if (owner != null) {
      owner.closed();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ProxyExchange owner = exchange;
    if (owner != null) {
      owner.failed(cause);
    }
    ctx.close();
  }
}
