package io.gatehouse.auth.apikeys;

import io.gatehouse.auth.store.AuthStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects API key uses in memory and writes them in one batched statement per flush, so a use
 * never costs a database write. Coarse by design: the last flush interval may be lost on a crash.
 */
public final class LastUsedRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(LastUsedRecorder.class);

  private final AuthStore store;
  private volatile ConcurrentHashMap<String, Instant> pending = new ConcurrentHashMap<>();

  /** A recorder writing to the store. */
  public LastUsedRecorder(AuthStore store) {
    this.store = store;
  }

  /** Notes a use (latest wins). */
  public void record(String keyId, Instant at) {
    pending.merge(keyId, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Writes what was collected since the last flush. */
  public void flush() {
    Map<String, Instant> batch = pending;
    pending = new ConcurrentHashMap<>();
    if (batch.isEmpty()) {
      return;
    }
    try {
      store.inTransaction(tx -> {
        tx.recordLastUsed(batch);
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("could not record last use of {} API keys: {}", batch.size(), e.getMessage());
    }
  }
}
