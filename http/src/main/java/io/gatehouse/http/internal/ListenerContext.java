package io.gatehouse.http.internal;

import io.gatehouse.http.handler.Router;
import io.gatehouse.http.observe.HttpMetrics;
import io.gatehouse.http.stream.StreamingHandler;
import io.gatehouse.http.server.ServerLimits;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.Executor;

/**
 * What every connection of one listener shares: its name, router, limits, metrics, the executor
 * for blocking handlers, the open channels and whether it is draining.
 */
public final class ListenerContext {
  private final String name;
  private final Router router;
  private final StreamingHandler streaming;
  private final ServerLimits limits;
  private final HttpMetrics metrics;
  private final Executor blockingExecutor;
  private final ChannelGroup channels;
  private volatile boolean draining;

  /** Shared state of one listener. */
  public ListenerContext(String name, Router router, StreamingHandler streaming, ServerLimits limits,
      HttpMetrics metrics, Executor blockingExecutor, ChannelGroup channels) {
    this.name = name;
    this.router = router;
    this.streaming = streaming;
    this.limits = limits;
    this.metrics = metrics;
    this.blockingExecutor = blockingExecutor;
    this.channels = channels;
  }

  String name() {
    return name;
  }

  Router router() {
    return router;
  }

  /** The streaming handler, or null when the listener serves a router. */
  StreamingHandler streaming() {
    return streaming;
  }

  ServerLimits limits() {
    return limits;
  }

  HttpMetrics metrics() {
    return metrics;
  }

  Executor blockingExecutor() {
    return blockingExecutor;
  }

  ChannelGroup channels() {
    return channels;
  }

  /** Whether the listener is draining: every response closes its connection. */
  public boolean draining() {
    return draining;
  }

  /** Starts draining. */
  public void startDraining() {
    draining = true;
  }
}
