package io.gatehouse.auth.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.auth.secrets.ApiKeys;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.JdbcAuthStore;
import io.gatehouse.auth.store.StoreSettings;
import io.gatehouse.auth.store.StoreTransaction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver's promise that malformed keys never reach the store, checked by counting the
 * transactions of a real (H2) store; the HTTP suites cannot see inside the service.
 */
class ApiKeyResolverTest {
  @TempDir Path dir;

  private JdbcAuthStore jdbc;
  private CountingStore store;
  private ApiKeyResolver resolver;
  private String key;

  @BeforeEach
  void createKey() {
    jdbc = JdbcAuthStore.open(StoreSettings.h2(dir));
    Clock clock = Clock.systemUTC();
    String userId = jdbc.inTransaction(tx -> {
      tx.putRole("reader", List.of("orders:read"));
      return tx.createUser("alice", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", List.of("reader")).id();
    });
    ApiKeyAdmin admin = new ApiKeyAdmin(jdbc, clock,
        new ApiKeyResolver(jdbc, clock, Duration.ofMinutes(1), new LastUsedRecorder(jdbc)), AuthChanges.NONE);
    key = admin.create("test", userId, "ci", List.of("orders:read"), Optional.empty()).key().reveal();
    store = new CountingStore(jdbc);
    resolver = new ApiKeyResolver(store, clock, Duration.ofMinutes(1), new LastUsedRecorder(store));
  }

  @AfterEach
  void close() {
    jdbc.close();
  }

  @Test
  void rejectsMalformedKeysWithoutTouchingTheStore() {
    List<String> malformed = new ArrayList<>(List.of("", "hello", "gh_", "gx_" + key.substring(3),
        key.substring(0, key.length() - 1), key + "A", key.replace('_', '-'), "x".repeat(100_000),
        key.substring(0, 20) + "!" + key.substring(21)));
    char last = key.charAt(key.length() - 1);
    malformed.add(key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A'));
    malformed.add(null);

    for (String candidate : malformed) {
      assertThat(resolver.resolve(candidate)).as(String.valueOf(candidate)).isEmpty();
    }

    assertThat(store.transactions.get()).isZero();
  }

  @Test
  void looksUpWellFormedKeysOnceThenFromTheCache() {
    String unknown = ApiKeys.generate().key().reveal();

    assertThat(resolver.resolve(unknown)).isEmpty();
    assertThat(store.transactions.get()).isEqualTo(1);
    assertThat(resolver.resolve(key)).hasValueSatisfying(
        resolved -> assertThat(resolved.effectivePermissions()).containsExactly("orders:read"));
    int afterFirst = store.transactions.get();
    assertThat(resolver.resolve(key)).isPresent();
    assertThat(store.transactions.get()).isEqualTo(afterFirst);
  }

  /** A store that counts transactions and otherwise does what the real one does. */
  private static final class CountingStore implements AuthStore {
    private final AuthStore delegate;
    private final AtomicInteger transactions = new AtomicInteger();

    CountingStore(AuthStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
      transactions.incrementAndGet();
      return delegate.inTransaction(work);
    }

    @Override
    public boolean healthy() {
      return delegate.healthy();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
