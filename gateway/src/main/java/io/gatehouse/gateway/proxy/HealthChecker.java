package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.route.HealthCheck;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.gateway.route.Upstream;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Probes the upstreams of routes with a {@link HealthCheck}: one probe at a time per route and
 * upstream, each on a fresh connection ({@code Connection: close}), the next one an interval after
 * the last ended. Results go to the shared {@link UpstreamHealth}.
 */
final class HealthChecker implements AutoCloseable {
  private final UpstreamHealth health;
  private final RouteMetrics metrics;
  private final List<Target> targets = new ArrayList<>();
  private volatile boolean closed;

  HealthChecker(RouteTable routes, UpstreamHealth health, RouteMetrics metrics) {
    this.health = health;
    this.metrics = metrics;
    for (RouteSpec route : routes.routes()) {
      route.healthCheck().ifPresent(check -> route.upstreams().forEach(u -> targets.add(new Target(route, check, u))));
    }
  }

  /** Whether any route has a health check. */
  boolean needed() {
    return !targets.isEmpty();
  }

  /** Starts probing, spreading the targets over the loops; the first probes go out at once. */
  void start(EventLoopGroup loops) {
    for (Target target : targets) {
      target.loop = loops.next();
      target.loop.execute(() -> probe(target));
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Target target : targets) {
      ScheduledFuture<?> next = target.next;
      if (next != null) {
        next.cancel(false);
      }
    }
  }

  private void probe(Target target) {
    if (closed) {
      return;
    }
    Attempt attempt = new Attempt(target);
    long timeout = target.check.timeout().toNanos();
    attempt.timeout = target.loop.schedule(() -> attempt.finish(false), timeout, TimeUnit.NANOSECONDS);
    ChannelFuture connect = new Bootstrap().group(target.loop).channel(UpstreamPool.channelType())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, target.check.timeout().toMillis()))
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            channel.pipeline().addLast(new HttpClientCodec(), new SimpleChannelInboundHandler<HttpObject>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                if (msg instanceof HttpResponse response) {
                  attempt.finish(response.status().codeClass() == HttpStatusClass.SUCCESS);
                }
              }

              @Override
              public void channelInactive(ChannelHandlerContext ctx) {
                attempt.finish(false);
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                attempt.finish(false);
              }
            });
          }
        })
        .connect(target.upstream.host(), target.upstream.port());
    attempt.channel = connect.channel();
    connect.addListener(connected -> {
      if (!connected.isSuccess()) {
        attempt.finish(false);
        return;
      }
      DefaultFullHttpRequest request =
          new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target.check.path());
      request.headers().set(HttpHeaderNames.HOST, target.upstream.host() + ":" + target.upstream.port())
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
          .set(HttpHeaderNames.USER_AGENT, "gatehouse-health-check")
          .set(HttpHeaderNames.CONTENT_LENGTH, 0);
      connect.channel().writeAndFlush(request);
    });
  }

  /** One route's check of one upstream. */
  private static final class Target {
    final RouteSpec route;
    final HealthCheck check;
    final Upstream upstream;
    EventLoop loop;
    volatile ScheduledFuture<?> next;

    Target(RouteSpec route, HealthCheck check, Upstream upstream) {
      this.route = route;
      this.check = check;
      this.upstream = upstream;
    }
  }

  /** One probe; the first of its outcomes (answer, close, error, timeout) counts. */
  private final class Attempt {
    final Target target;
    Channel channel;
    ScheduledFuture<?> timeout;
    boolean done;

    Attempt(Target target) {
      this.target = target;
    }

    void finish(boolean passed) {
      if (done) {
        return;
      }
      done = true;
      timeout.cancel(false);
      if (channel != null) {
        channel.close();
      }
      HealthCheck check = target.check;
      long recovery = check.interval().toNanos() * check.healthyThreshold();
      if (health.probed(target.upstream, passed, check.healthyThreshold(), check.unhealthyThreshold(), recovery)) {
        metrics.of(target.route).ejections.increment();
      }
      if (!closed) {
        target.next = target.loop.schedule(() -> probe(target), check.interval().toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }
}
