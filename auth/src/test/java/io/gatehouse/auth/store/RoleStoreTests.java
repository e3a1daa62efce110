package io.gatehouse.auth.store;

import static io.gatehouse.auth.store.StoreException.Kind.INVALID;
import static io.gatehouse.auth.store.StoreException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Roles: create, replace, list, delete (which removes them from users). */
abstract class RoleStoreTests extends StoreContract {
  RoleStoreTests(TestDatabase db) {
    super(db);
  }

  @Test
  void putCreatesThenReplacesPermissions() {
    Role created = each.putRole("customer", List.of("orders:write", "orders:read", "orders:read"));
    assertThat(created).isEqualTo(new Role("customer", set("orders:read", "orders:write")));

    Role replaced = each.putRole("customer", List.of("inventory:read"));

    assertThat(replaced.permissions()).containsExactly("inventory:read");
    assertThat(each.role("customer")).contains(replaced);
  }

  @Test
  void listsRolesByName() {
    role("viewer", "a:read");
    role("admin");
    role("customer", "orders:read");
    assertThat(each.roles()).containsExactly(new Role("admin", set()),
        new Role("customer", set("orders:read")), new Role("viewer", set("a:read")));
    assertThat(each.role("ghost")).isEmpty();
  }

  @Test
  void deletingRoleRemovesItFromUsers() {
    role("customer", "orders:read");
    role("viewer", "inventory:read");
    User user = createUser("alice", "customer", "viewer");

    each.deleteRole("customer");

    assertThat(each.role("customer")).isEmpty();
    assertThat(each.user(user.id()).orElseThrow().roles()).containsExactly("viewer");
    assertThat(each.effectivePermissions(user.id())).containsExactly("inventory:read");
    assertFails(NOT_FOUND, () -> each.deleteRole("customer"));
  }

  @Test
  void rejectsPermissionsWithWhitespaceOrBlankNames() {
    assertFails(INVALID, () -> role("customer", "orders read")).hasMessageContaining("whitespace");
    assertFails(INVALID, () -> role(" ", "orders:read"));
    assertFails(INVALID, () -> role("customer", ""));
    assertThat(each.roles()).isEmpty();
  }
}
