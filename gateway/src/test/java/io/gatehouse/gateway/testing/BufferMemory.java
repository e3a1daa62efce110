package io.gatehouse.gateway.testing;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the memory Netty's buffers hold (heap and direct, in every default allocator, and
 * Netty's own direct-memory counter) while a transfer runs, and keeps the peak: a proxy that
 * buffered a body instead of streaming it shows up here, whatever the garbage collector does.
 */
public final class BufferMemory implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private BufferMemory() {
    sampler = Thread.ofPlatform().daemon().name("buffer-memory").start(() -> {
      while (running) {
        peak.accumulateAndGet(used(), Math::max);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  /** Starts sampling. */
  public static BufferMemory watch() {
    return new BufferMemory();
  }

  /** The most buffer memory in use at any sample so far. */
  public long peak() {
    return Math.max(peak.get(), used());
  }

  /** Buffer memory in use now: the larger of the allocators' total and Netty's direct-memory counter. */
  public static long used() {
    Set<ByteBufAllocator> allocators = new LinkedHashSet<>();
    allocators.add(PooledByteBufAllocator.DEFAULT);
    allocators.add(ByteBufAllocator.DEFAULT);
    allocators.add(UnpooledByteBufAllocator.DEFAULT);
    long total = 0;
    for (ByteBufAllocator allocator : allocators) {
      if (allocator instanceof ByteBufAllocatorMetricProvider provider) {
        ByteBufAllocatorMetric metric = provider.metric();
        total += metric.usedHeapMemory() + metric.usedDirectMemory();
      }
    }
    return Math.max(total, PlatformDependent.usedDirectMemory());
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
