package io.gatehouse.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;

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
    // No flush consolidation: every writer flushes once per response (a streamed head waits for its
    // body), so a consolidating handler would only add a step to every read, read-complete and
    // flush; what it saved, several responses to pipelined requests in one syscall, is rare.
    pipeline.addLast("read-timeouts", timeouts);
    pipeline.addLast("encoder", new HttpResponseEncoder());
    pipeline.addLast("decoder",
        new StrictRequestDecoder(listener.limits().maxUriBytes(), listener.limits().maxHeaderBytes()));
    pipeline.addLast("exchanges", exchanges);
  }
}
