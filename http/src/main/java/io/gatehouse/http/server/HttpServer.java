package io.gatehouse.http.server;

import io.gatehouse.http.handler.Router;
import io.gatehouse.http.internal.ListenerContext;
import io.gatehouse.http.internal.ServerInitializer;
import io.gatehouse.http.observe.HttpMetrics;
import io.gatehouse.http.stream.StreamingHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One listener: a host and port served by a {@link Router} on the shared {@link EventLoops}. */
public final class HttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final String name;
  private final String host;
  private final int requestedPort;
  private final EventLoops loops;
  private final ServerLimits limits;
  private final ListenerContext context;
  private final ExecutorService blockingExecutor = Executors.newVirtualThreadPerTaskExecutor();
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private Channel serverChannel;

  private HttpServer(Builder builder) {
    this.name = builder.name;
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.loops = builder.loops;
    this.limits = builder.limits;
    this.context = new ListenerContext(name, builder.router, builder.streaming, limits, new HttpMetrics(builder.registry, name),
        blockingExecutor, channels);
  }

  /** A builder; name, event loops and router are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts accepting.
   *
   * @throws ListenerException when the port cannot be bound, naming it
   */
  public HttpServer start() {
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(loops.group())
        .channel(loops.serverChannelType())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
        .childHandler(new ServerInitializer(context));
    try {
      serverChannel = bootstrap.bind(host, requestedPort).syncUninterruptibly().channel();
    } catch (Exception e) {
      blockingExecutor.shutdownNow();
      String reason = e instanceof BindException || String.valueOf(e.getMessage()).contains("in use")
          ? "address already in use" : e.getMessage();
      throw new ListenerException(name, name + " listener cannot bind " + host + ":" + requestedPort + ": " + reason, e);
    }
    LOG.info("{} listening on http://{}:{}", name, host, port());
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** The listener's name. */
  public String name() {
    return name;
  }

  /** Base URL, e.g. {@code http://127.0.0.1:9000}. */
  public String baseUrl() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /**
   * Graceful drain: stop accepting, close idle keep-alive connections, let in-flight exchanges
   * finish with {@code Connection: close} up to the drain timeout, then close what remains.
   */
  public void drain() {
    context.startDraining();
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    for (Channel channel : channels) {
      channel.eventLoop().execute(() -> ServerInitializer.drain(channel));
    }
    long deadline = System.nanoTime() + limits.drainTimeout().toNanos();
    while (!channels.isEmpty() && System.nanoTime() < deadline) {
      sleepQuietly(Duration.ofMillis(10));
    }
    if (!channels.isEmpty()) {
      LOG.warn("{}: {} connections still open after {}; closing them", name, channels.size(), limits.drainTimeout());
    }
    channels.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    blockingExecutor.shutdown();
  }

  @Override
  public void close() {
    drain();
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds an {@link HttpServer}. */
  public static final class Builder {
    private String name;
    private String host = "127.0.0.1";
    private int port;
    private EventLoops loops;
    private Router router;
    private StreamingHandler streaming;
    private ServerLimits limits = ServerLimits.defaults();
    private MeterRegistry registry = new SimpleMeterRegistry();

    private Builder() {}

    /** Listener name for logs and metrics, e.g. {@code management}; required. */
    public Builder name(String name) {
      if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException("listener name must be lower-case kebab-case, was: " + name);
      }
      this.name = name;
      return this;
    }

    /** Interface to bind; default 127.0.0.1. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Port, 0 for an ephemeral one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, was: " + port);
      }
      this.port = port;
      return this;
    }

    /** The shared event loops; required. */
    public Builder eventLoops(EventLoops loops) {
      this.loops = Objects.requireNonNull(loops, "loops");
      return this;
    }

    /** The routes; required. */
    public Builder router(Router router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /** A streaming handler instead of a router (the gateway's data plane). */
    public Builder streaming(StreamingHandler streaming) {
      this.streaming = Objects.requireNonNull(streaming, "streaming");
      return this;
    }

    /** Limits and timeouts; default {@link ServerLimits#defaults()}. */
    public Builder limits(ServerLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Where metrics go; default a private in-memory registry. */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Builds the (not yet started) server. */
    public HttpServer build() {
      if (name == null || loops == null || (router == null) == (streaming == null)) {
        throw new IllegalStateException("name, event loops and exactly one of router or streaming handler must be set");
      }
      return new HttpServer(this);
    }
  }
}
