package io.gatehouse.auth.store;

import static io.gatehouse.auth.store.StoreException.Kind.CONFLICT;
import static io.gatehouse.auth.store.StoreException.Kind.INVALID;
import static io.gatehouse.auth.store.StoreException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Users: creation, lookups, pages, roles, disabling, deletion, effective permissions. */
abstract class UserStoreTests extends StoreContract {
  UserStoreTests(TestDatabase db) {
    super(db);
  }

  @Test
  void createsUserWithOpaqueIdAndClockTime() {
    role("customer", "orders:read");
    User alice = createUser("alice", "customer");

    assertThat(alice.id()).matches("u_[0-9A-Za-z]{20}");
    assertThat(alice.username()).isEqualTo("alice");
    assertThat(alice.disabled()).isFalse();
    assertThat(alice.roles()).containsExactly("customer");
    assertThat(alice.createdAt()).isEqualTo(TestDatabase.T0);
    assertThat(each.user(alice.id())).contains(alice);
    assertThat(each.userByUsername("alice")).contains(alice);
    assertThat(each.passwordHash(alice.id())).contains(HASH);
  }

  @Test
  void rejectsTakenUsernameAsConflict() {
    createUser("alice");
    assertFails(CONFLICT, () -> createUser("alice")).hasMessageContaining("alice");
    assertThat(createUser("Alice").username()).as("usernames are case-sensitive").isEqualTo("Alice");
  }

  @Test
  void rejectsUnknownRoleAsInvalidAndWritesNothing() {
    role("customer");
    assertFails(INVALID, () -> createUser("alice", "customer", "ghost", "phantom"))
        .hasMessageContaining("ghost").hasMessageContaining("phantom").hasMessageNotContaining("customer");
    assertThat(each.userByUsername("alice")).isEmpty();
  }

  @Test
  void answersEmptyForUnknownUsers() {
    assertThat(each.user("u_nobody")).isEmpty();
    assertThat(each.userByUsername("nobody")).isEmpty();
    assertThat(each.passwordHash("u_nobody")).isEmpty();
    assertThat(each.effectivePermissions("u_nobody")).isEmpty();
    assertThat(each.user("x".repeat(10_000))).isEmpty();
    assertThat(each.userByUsername("nul\u0000byte")).isEmpty();
  }

  @Test
  void pagesThroughUsersByIdWithCursors() {
    List<String> ids = IntStream.range(0, 7).mapToObj(i -> createUser("user" + i).id()).toList();

    List<User> listed = all(cursor -> each.users(Optional.empty(), cursor, 3), 3);

    assertThat(listed).extracting(User::id).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(new HashSet<>(listed)).hasSize(7);
    Page<User> first = each.users(Optional.empty(), Optional.empty(), 3);
    assertThat(first.items()).hasSize(3);
    assertThat(first.next()).isPresent();
    assertThat(each.users(Optional.empty(), Optional.empty(), 7).next()).isEmpty();
  }

  @Test
  void filtersUsersByExactUsername() {
    createUser("alice");
    User bob = createUser("bob");
    Page<User> page = each.users(Optional.of("bob"), Optional.empty(), 10);
    assertThat(page.items()).containsExactly(bob);
    assertThat(page.next()).isEmpty();
    assertThat(each.users(Optional.of("bo"), Optional.empty(), 10).items()).isEmpty();
  }

  @Test
  void clampsLimitAndRejectsBadLimitsAndCursors() {
    IntStream.range(0, 201).forEach(i -> createUser("user" + i));
    assertThat(each.users(Optional.empty(), Optional.empty(), 1000).items())
        .hasSize(StoreTransaction.MAX_PAGE_SIZE);
    assertFails(INVALID, () -> each.users(Optional.empty(), Optional.empty(), 0));
    assertFails(INVALID, () -> each.users(Optional.empty(), Optional.of("not a cursor!"), 10))
        .hasMessageContaining("cursor");
  }

  @Test
  void replacesRoles() {
    role("a", "p:a");
    role("b", "p:b");
    role("c", "p:c");
    User user = createUser("alice", "a", "b");

    User updated = each.setRoles(user.id(), List.of("c", "b"));

    assertThat(updated.roles()).containsExactly("b", "c");
    assertThat(each.user(user.id()).orElseThrow().roles()).containsExactly("b", "c");
    assertFails(INVALID, () -> each.setRoles(user.id(), List.of("ghost")));
    assertFails(NOT_FOUND, () -> each.setRoles("u_nobody", List.of("a")));
    assertThat(each.user(user.id()).orElseThrow().roles()).containsExactly("b", "c");
  }

  @Test
  void disablesAndEnables() {
    User user = createUser("alice");
    assertThat(each.setDisabled(user.id(), true).disabled()).isTrue();
    assertThat(each.user(user.id()).orElseThrow().disabled()).isTrue();
    assertThat(each.setDisabled(user.id(), false).disabled()).isFalse();
    assertFails(NOT_FOUND, () -> each.setDisabled("u_nobody", true));
  }

  @Test
  void deletingUserDeletesTheirApiKeys() {
    role("customer", "orders:read");
    User user = createUser("alice", "customer");
    each.createApiKey(newKey("key1", user.id(), "orders:read"), hash("key1"));

    each.deleteUser(user.id());

    assertThat(each.user(user.id())).isEmpty();
    assertThat(each.apiKey("key1")).isEmpty();
    assertThat(each.apiKeyByHash(hash("key1"))).isEmpty();
    assertFails(NOT_FOUND, () -> each.deleteUser(user.id()));
    assertThat(each.role("customer")).isPresent();
  }

  @Test
  void effectivePermissionsAreTheUnionOfRolesAndEmptyWhenDisabled() {
    role("customer", "orders:read", "orders:write");
    role("viewer", "orders:read", "inventory:read");
    User user = createUser("alice", "customer", "viewer");

    assertThat(each.effectivePermissions(user.id()))
        .containsExactly("inventory:read", "orders:read", "orders:write");
    each.setDisabled(user.id(), true);
    assertThat(each.effectivePermissions(user.id())).isEmpty();
  }

  @Test
  void newUsersTakeCreatedAtFromTheStoreClock() {
    clock.advance(Duration.ofDays(3).plusNanos(999));
    User user = createUser("alice");
    assertThat(user.createdAt()).isEqualTo(TestDatabase.T0.plus(Duration.ofDays(3)));
    assertThat(each.user(user.id()).orElseThrow().createdAt()).isEqualTo(user.createdAt());
  }
}
