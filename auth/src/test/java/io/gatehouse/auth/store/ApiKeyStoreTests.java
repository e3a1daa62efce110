package io.gatehouse.auth.store;

import static io.gatehouse.auth.store.StoreException.Kind.CONFLICT;
import static io.gatehouse.auth.store.StoreException.Kind.INVALID;
import static io.gatehouse.auth.store.StoreException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys: create, lookups, per-user pages, revocation, usability, batched last use. */
abstract class ApiKeyStoreTests extends StoreContract {
  private User alice;

  ApiKeyStoreTests(TestDatabase db) {
    super(db);
  }

  @BeforeEach
  void owner() {
    role("customer", "orders:read", "orders:write");
    alice = createUser("alice", "customer");
  }

  @Test
  void createsAndFindsByIdAndHash() {
    Instant expires = TestDatabase.T0.plus(Duration.ofDays(30));
    ApiKey input = new ApiKey("k1", alice.id(), "laptop", set("orders:read"), Instant.EPOCH, Optional.of(expires),
        Optional.empty(), Optional.empty());

    ApiKey created = each.createApiKey(input, hash("k1"));

    assertThat(created).isEqualTo(new ApiKey("k1", alice.id(), "laptop", set("orders:read"), TestDatabase.T0,
        Optional.of(expires), Optional.empty(), Optional.empty()));
    assertThat(each.apiKey("k1")).contains(created);
    assertThat(each.apiKeyByHash(hash("k1"))).contains(created);
    assertThat(each.apiKeyByHash(hash("other"))).isEmpty();
  }

  @Test
  void rejectsDuplicateIdOrHashAsConflict() {
    each.createApiKey(newKey("k1", alice.id()), hash("k1"));
    assertFails(CONFLICT, () -> each.createApiKey(newKey("k1", alice.id()), hash("k2")));
    assertFails(CONFLICT, () -> each.createApiKey(newKey("k2", alice.id()), hash("k1")));
  }

  @Test
  void rejectsUnknownOwnerAndScopesTheOwnerLacks() {
    assertFails(NOT_FOUND, () -> each.createApiKey(newKey("k1", "u_nobody"), hash("k1")));
    assertFails(INVALID, () -> each.createApiKey(newKey("k1", alice.id(), "orders:read", "admin:all"),
        hash("k1"))).hasMessageContaining("admin:all").hasMessageNotContaining("orders:read");
    each.setDisabled(alice.id(), true);
    assertFails(INVALID, () -> each.createApiKey(newKey("k1", alice.id(), "orders:read"), hash("k1")));
    assertThat(each.apiKey("k1")).isEmpty();
  }

  @Test
  void pagesThroughOneUsersKeys() {
    User bob = createUser("bob");
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> "alice" + i).toList();
    ids.forEach(id -> each.createApiKey(newKey(id, alice.id(), "orders:read"), hash(id)));
    each.createApiKey(newKey("bob0", bob.id()), hash("bob0"));

    List<ApiKey> listed = all(cursor -> each.apiKeys(alice.id(), cursor, 2), 2);

    assertThat(listed).extracting(ApiKey::id).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
    assertThat(listed).allSatisfy(key -> assertThat(key.scopes()).containsExactly("orders:read"));
    assertThat(each.apiKeys(bob.id(), Optional.empty(), 10).items()).extracting(ApiKey::id)
        .containsExactly("bob0");
    assertThat(each.apiKeys("u_nobody", Optional.empty(), 10).items()).isEmpty();
  }

  @Test
  void revokesOnceAndStopsBeingUsable() {
    Instant expires = TestDatabase.T0.plus(Duration.ofHours(1));
    ApiKey input = new ApiKey("k1", alice.id(), "ci", set(), Instant.EPOCH, Optional.of(expires), Optional.empty(),
        Optional.empty());
    ApiKey key = each.createApiKey(input, hash("k1"));
    assertThat(key.usableAt(TestDatabase.T0)).isTrue();
    assertThat(key.usableAt(expires)).isFalse();

    Instant at = TestDatabase.T0.plusSeconds(60);
    assertThat(each.revokeApiKey("k1", at)).isTrue();
    assertThat(each.revokeApiKey("k1", at.plusSeconds(1))).isFalse();
    assertThat(each.revokeApiKey("missing", at)).isFalse();

    ApiKey revoked = each.apiKey("k1").orElseThrow();
    assertThat(revoked.revokedAt()).contains(at);
    assertThat(revoked.usableAt(TestDatabase.T0)).isFalse();
  }

  @Test
  void recordsLastUseInOneBatchAndNeverMovesItBack() {
    each.createApiKey(newKey("k1", alice.id()), hash("k1"));
    each.createApiKey(newKey("k2", alice.id()), hash("k2"));
    Instant t1 = TestDatabase.T0.plusSeconds(10);
    Instant t2 = TestDatabase.T0.plusSeconds(20);

    each.recordLastUsed(Map.of("k1", t2, "k2", t1, "gone", t1));
    each.recordLastUsed(Map.of("k1", t1));
    each.recordLastUsed(Map.of());

    assertThat(each.apiKey("k1").orElseThrow().lastUsedAt()).contains(t2);
    assertThat(each.apiKey("k2").orElseThrow().lastUsedAt()).contains(t1);
  }
}
