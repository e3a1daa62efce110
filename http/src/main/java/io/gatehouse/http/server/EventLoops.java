package io.gatehouse.http.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The event loops every listener in a process shares: epoll where available, NIO otherwise. */
public final class EventLoops implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);

  private final EventLoopGroup group;
  private final Class<? extends ServerChannel> serverChannelType;
  private final String transport;

  private EventLoops(int threads) {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group = new MultiThreadIoEventLoopGroup(threads, new LoopThreadFactory(), factory);
    this.serverChannelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    this.transport = epoll ? "epoll" : "nio";
    LOG.info("{} event loops on {}", threads, transport);
  }

  /** Event loops, one per core. */
  public static EventLoops create() {
    return create(Runtime.getRuntime().availableProcessors());
  }

  /** A given number of event loops. */
  public static EventLoops create(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("event loop count must be positive, was: " + threads);
    }
    return new EventLoops(threads);
  }

  /** The group. */
  public EventLoopGroup group() {
    return group;
  }

  /** The server channel class for this transport. */
  public Class<? extends ServerChannel> serverChannelType() {
    return serverChannelType;
  }

  /** {@code epoll} or {@code nio}. */
  public String transport() {
    return transport;
  }

  /** Stops the loops, waiting up to {@code timeout}. */
  public void shutdown(Duration timeout) {
    group.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly(timeout.toMillis());
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(5));
  }

  /** Event-loop threads are of this type, so {@link BlockingGuard} can tell them apart. */
  static final class LoopThread extends FastThreadLocalThread {
    LoopThread(ThreadGroup group, Runnable task, String name) {
      super(group, task, name);
    }
  }

  private static final class LoopThreadFactory extends DefaultThreadFactory {
    LoopThreadFactory() {
      super("gatehouse-loop", true);
    }

    @Override
    protected Thread newThread(Runnable task, String name) {
      return new LoopThread(threadGroup, task, name);
    }
  }
}
