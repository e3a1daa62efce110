package io.gatehouse.auth.store;

import static io.gatehouse.auth.store.StoreException.Kind.CONFLICT;
import static io.gatehouse.auth.store.StoreException.Kind.INVALID;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refresh tokens: insert, single use (also under a race), family revocation, expiry cleanup. */
abstract class RefreshTokenStoreTests extends StoreContract {
  private static final Instant ISSUED = TestDatabase.T0;
  private static final Instant EXPIRES = ISSUED.plus(Duration.ofDays(1));

  RefreshTokenStoreTests(TestDatabase db) {
    super(db);
  }

  @BeforeEach
  void client() {
    each.createClient(ClientStoreTests.client("web"), hash("secret"));
  }

  static RefreshToken token(String name, String family, Instant expires) {
    return new RefreshToken(hash(name), family, "web", "u_alice", set("orders:read", "offline"), ISSUED, expires,
        Optional.empty(), Optional.empty());
  }

  @Test
  void insertsAndFindsByHash() {
    RefreshToken token = token("t1", "f1", EXPIRES);
    each.insertRefreshToken(token);
    assertThat(each.refreshToken(hash("t1"))).contains(token);
    assertThat(each.refreshToken(hash("t2"))).isEmpty();
    assertFails(CONFLICT, () -> each.insertRefreshToken(token));
  }

  @Test
  void rejectsTokenForUnknownClient() {
    RefreshToken token = new RefreshToken(hash("t1"), "f1", "ghost", "u_alice", set(), ISSUED, EXPIRES,
        Optional.empty(), Optional.empty());
    assertFails(INVALID, () -> each.insertRefreshToken(token)).hasMessageContaining("ghost");
  }

  @Test
  void marksUsedOnlyOnce() {
    each.insertRefreshToken(token("t1", "f1", EXPIRES));
    Instant at = ISSUED.plusSeconds(5);
    assertThat(each.markRefreshTokenUsed(hash("t1"), at)).isTrue();
    assertThat(each.markRefreshTokenUsed(hash("t1"), at.plusSeconds(1))).isFalse();
    assertThat(each.markRefreshTokenUsed(hash("missing"), at)).isFalse();
    assertThat(each.refreshToken(hash("t1")).orElseThrow().usedAt()).contains(at);
  }

  @Test
  void exactlyOneOfTwoConcurrentUsesWins() throws Exception {
    int rounds = 10;
    for (int i = 0; i < rounds; i++) {
      String name = "race" + i;
      each.insertRefreshToken(token(name, "f" + name, EXPIRES));
    }
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < rounds; i++) {
        String tokenHash = hash("race" + i);
        CyclicBarrier bothInTransaction = new CyclicBarrier(2);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          results.add(threads.submit(() -> tx(tx -> {
            tx.refreshToken(tokenHash).orElseThrow();
            await(bothInTransaction);
            return tx.markRefreshTokenUsed(tokenHash, ISSUED.plusSeconds(1));
          })));
        }
        assertThat(List.of(results.get(0).get(), results.get(1).get())).as("round " + i)
            .containsExactlyInAnyOrder(true, false);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void revokesAWholeFamilyAndBlocksItsUse() {
    each.insertRefreshToken(token("a1", "fa", EXPIRES));
    each.insertRefreshToken(token("a2", "fa", EXPIRES));
    each.insertRefreshToken(token("b1", "fb", EXPIRES));
    Instant at = ISSUED.plusSeconds(30);

    assertThat(each.revokeRefreshFamily("fa", at)).isEqualTo(2);
    assertThat(each.revokeRefreshFamily("fa", at)).isZero();

    assertThat(each.refreshToken(hash("a1")).orElseThrow().revokedAt()).contains(at);
    assertThat(each.refreshToken(hash("b1")).orElseThrow().revokedAt()).isEmpty();
    assertThat(each.markRefreshTokenUsed(hash("a2"), at)).isFalse();
  }

  @Test
  void deletesTokensExpiredBeforeAnInstant() {
    each.insertRefreshToken(token("old", "f1", ISSUED.plusSeconds(10)));
    each.insertRefreshToken(token("edge", "f1", ISSUED.plusSeconds(20)));
    each.insertRefreshToken(token("new", "f2", EXPIRES));

    assertThat(each.deleteExpiredRefreshTokens(ISSUED.plusSeconds(20))).isEqualTo(1);

    assertThat(each.refreshToken(hash("old"))).isEmpty();
    assertThat(each.refreshToken(hash("edge"))).isPresent();
    assertThat(each.refreshToken(hash("new"))).isPresent();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
