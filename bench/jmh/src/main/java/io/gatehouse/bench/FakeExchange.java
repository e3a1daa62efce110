package io.gatehouse.bench;

import io.gatehouse.http.HttpException;
import io.gatehouse.http.stream.BodyListener;
import io.gatehouse.http.stream.DoneListener;
import io.gatehouse.http.stream.ServerExchange;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ServerExchange} without a connection, for running the gateway's filters in a benchmark.
 * One instance serves many requests in turn ({@link #reset} between them), so the benchmark
 * measures the filters' allocations, not the fake's. It answers like the HTTP core does where the
 * filters can see it — a declared body over the limit is 413, the done listener hears the status
 * once the last content is written — and records how the request ended, so a benchmark can refuse
 * to measure a problem answer.
 */
final class FakeExchange implements ServerExchange {
  private final HttpRequest head;
  private final String path;
  private final String rawQuery;
  private final String requestId;
  private final InetSocketAddress remoteAddress;
  private final String remoteIp;
  private final EventLoop eventLoop;
  private final ByteBufAllocator alloc;

  private long started;
  private int status;
  private HttpException problem;
  private DoneListener done;
  private CompletableFuture<Integer> ended;

  FakeExchange(HttpRequest head, String requestId, InetSocketAddress remoteAddress, EventLoop eventLoop,
      ByteBufAllocator alloc) {
    this.head = head;
    String uri = head.uri();
    int query = uri.indexOf('?');
    this.path = query < 0 ? uri : uri.substring(0, query);
    this.rawQuery = query < 0 ? "" : uri.substring(query + 1);
    this.requestId = requestId;
    this.remoteAddress = remoteAddress;
    this.remoteIp = remoteAddress.getAddress().getHostAddress();
    this.eventLoop = eventLoop;
    this.alloc = alloc;
  }

  /** Readies the exchange for the next request; allocates nothing. */
  void reset() {
    started = System.nanoTime();
    status = 0;
    problem = null;
    done = null;
    ended = null;
  }

  /**
   * Completes with the status once the response of the current request ends: for a request that
   * continues later on the event loop. Call after {@link #reset}, before starting the request.
   */
  CompletableFuture<Integer> whenEnded() {
    ended = new CompletableFuture<>();
    return ended;
  }

  /** The status answered (by a filter or the terminal one), 0 while unanswered. */
  int status() {
    return status;
  }

  /** The problem a filter answered with, if one did. */
  Optional<HttpException> problem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public HttpRequest head() {
    return head;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String rawQuery() {
    return rawQuery;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  /** Made once, as the core makes it once per connection. */
  @Override
  public String remoteIp() {
    return remoteIp;
  }

  @Override
  public EventLoop eventLoop() {
    return eventLoop;
  }

  @Override
  public ByteBufAllocator alloc() {
    return alloc;
  }

  @Override
  public void name(String routeName) {}

  @Override
  public void whenDone(DoneListener listener) {
    done = listener;
  }

  @Override
  public void limitBody(long maxBytes) {
    // As the core does: a declared length over the limit is answered at once.
    if (HttpUtil.getContentLength(head, 0L) > maxBytes) {
      fail(HttpException.payloadTooLarge(maxBytes));
    }
  }

  @Override
  public void readBody(BodyListener listener) {
    listener.onContent(LastHttpContent.EMPTY_LAST_CONTENT);
  }

  @Override
  public void pauseBody() {}

  @Override
  public void resumeBody() {}

  @Override
  public void respond(HttpResponse response) {
    status = response.status().code();
  }

  @Override
  public void flush() {}

  @Override
  public void write(HttpContent content) {
    content.release();
    if (content instanceof LastHttpContent) {
      end();
    }
  }

  @Override
  public boolean writable() {
    return true;
  }

  @Override
  public void whenWritable(Runnable task) {
    task.run();
  }

  @Override
  public void fail(HttpException failure) {
    if (status != 0) {
      return;
    }
    problem = failure;
    status = failure.status();
    end();
  }

  @Override
  public void whenClosed(Runnable task) {}

  @Override
  public boolean responseStarted() {
    return status != 0;
  }

  private void end() {
    if (done != null) {
      done.done(status, System.nanoTime() - started);
    }
    if (ended != null) {
      ended.complete(status);
    }
  }
}
