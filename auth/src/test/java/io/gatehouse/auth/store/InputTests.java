package io.gatehouse.auth.store;

import static io.gatehouse.auth.store.StoreException.Kind.INVALID;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hostile and oversized input: stored verbatim when allowed, INVALID (never a raw SQL error) when not. */
abstract class InputTests extends StoreContract {
  private static final String INJECTION = "x'); DROP TABLE users; --";

  InputTests(TestDatabase db) {
    super(db);
  }

  @Test
  void storesInjectionLookingNamesVerbatim() {
    String roleName = "r' OR '1'='1";
    role(roleName, "orders:read");
    User user = createUser(INJECTION, roleName);
    User quoted = createUser("\"; SELECT * FROM users; --\\");

    assertThat(each.userByUsername(INJECTION)).contains(user);
    assertThat(each.userByUsername(quoted.username())).contains(quoted);
    assertThat(each.role(roleName).orElseThrow().permissions()).containsExactly("orders:read");
    assertThat(each.users(Optional.of(INJECTION), Optional.empty(), 10).items()).containsExactly(user);
    assertThat(each.users(Optional.empty(), Optional.empty(), 10).items()).hasSize(2);
    assertThat(each.effectivePermissions(user.id())).containsExactly("orders:read");
  }

  @Test
  void storesUnicodeVerbatim() {
    User user = createUser("zoë 🚀 ñandú");
    assertThat(each.user(user.id()).orElseThrow().username()).isEqualTo("zoë 🚀 ñandú");
  }

  @Test
  void enforcesColumnLimitsAsInvalid() {
    assertThat(createUser("u".repeat(128)).username()).hasSize(128);
    assertFails(INVALID, () -> createUser("u".repeat(129))).hasMessageContaining("username")
        .hasMessageContaining("128");
    assertFails(INVALID, () -> each.createUser("bob", "h".repeat(513), List.of()));
    assertFails(INVALID, () -> role("r".repeat(129)));
    assertFails(INVALID, () -> role("r", "p".repeat(201)));
    assertFails(INVALID, () -> each.audit(Instant.EPOCH, "admin", "user.create", "t", "success",
        "d".repeat(1025)));
    assertFails(INVALID, () -> each.audit(Instant.EPOCH, "a".repeat(129), "user.create", "t", "success",
        ""));
    Client longName = new Client("c", "n".repeat(201), set(), set(), set(), false, Instant.EPOCH);
    assertFails(INVALID, () -> each.createClient(longName, hash("s")));
    Client longAudience = new Client("c", "n", set(), set(), set("a".repeat(513)), false, Instant.EPOCH);
    assertFails(INVALID, () -> each.createClient(longAudience, hash("s")));
    assertThat(each.clients()).isEmpty();
  }

  @Test
  void rejectsControlCharactersBlanksAndNulls() {
    assertFails(INVALID, () -> createUser("nul\u0000byte")).hasMessageContaining("control");
    assertFails(INVALID, () -> createUser("line\nbreak"));
    assertFails(INVALID, () -> createUser("   "));
    assertFails(INVALID, () -> each.createUser(null, HASH, List.of()));
    assertFails(INVALID, () -> each.createUser("bob", HASH, null));
    assertFails(INVALID, () -> each.audit(Instant.EPOCH, "admin", "user.create", "t", "success",
        "forged\nlog line"));
    assertThat(each.users(Optional.empty(), Optional.empty(), 10).items()).isEmpty();
  }

  @Test
  void rejectsTimesOutsideWhatBothDatabasesStore() {
    assertFails(INVALID, () -> each.audit(Instant.MAX, "admin", "user.create", "t", "success", ""));
    assertFails(INVALID, () -> each.audit(Instant.parse("-0001-01-01T00:00:00Z"), "admin", "user.create",
        "t", "success", ""));
  }
}
