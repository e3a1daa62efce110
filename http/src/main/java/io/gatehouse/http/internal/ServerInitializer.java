package io.gatehouse.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;

/** Builds each connection's pipeline: read and write timeouts → response encoder → strict decoder → exchanges. */
public final class ServerInitializer extends ChannelInitializer<SocketChannel> {
  private final ListenerContext listener;

  /** An initializer for one listener's connections. */
  public ServerInitializer(ListenerContext listener) {
    this.listener = listener;
  }

  /** Asks a connection to close once idle (now, or after its exchange in flight). Call on its event loop. */
  public static void drain(Channel channel) {
    ExchangeHandler exchanges = channel.pipeline().get(ExchangeHandler.class);
    if (exchanges != null) {
      exchanges.drain();
    }
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    listener.channels().add(channel);
    ReadTimeouts timeouts = new ReadTimeouts(listener.limits());
    ExchangeHandler exchanges = new ExchangeHandler(listener, timeouts);
    timeouts.exchanges(exchanges);
    ChannelPipeline pipeline = channel.pipeline();
    // Flushes issued while the connection's read is in progress become one syscall (pipelined
    // requests answered in one go). A flush from elsewhere (a response finished on a virtual
    // thread, or a proxied response written from the upstream's read) goes out at once: each
    // writer flushes once per response (a streamed head waits for its body), so deferring it to
    // a task of its own would only add the task.
    pipeline.addLast("flush-consolidation", new FlushConsolidationHandler(
        FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
    pipeline.addLast("read-timeouts", timeouts);
    pipeline.addLast("encoder", new HttpResponseEncoder());
    pipeline.addLast("decoder",
        new StrictRequestDecoder(listener.limits().maxUriBytes(), listener.limits().maxHeaderBytes()));
    pipeline.addLast("exchanges", exchanges);
  }
}
