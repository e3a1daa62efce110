package io.gatehouse.auth.store;

import static io.gatehouse.auth.store.StoreException.Kind.CONFLICT;
import static io.gatehouse.auth.store.StoreException.Kind.INVALID;
import static io.gatehouse.auth.store.StoreException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** OAuth2 clients: create, conflict, secret hash, list, delete. */
abstract class ClientStoreTests extends StoreContract {
  ClientStoreTests(TestDatabase db) {
    super(db);
  }

  static Client client(String id) {
    return new Client(id, "Client " + id, set("client_credentials", "refresh_token"), set("gatehouse:admin"),
        set("orders", "https://api.example.com"), false, Instant.EPOCH);
  }

  @Test
  void createsClientWithSetsAndStoreTime() {
    Client created = each.createClient(client("admin"), hash("secret"));

    assertThat(created).isEqualTo(new Client("admin", "Client admin", set("client_credentials", "refresh_token"),
        set("gatehouse:admin"), set("https://api.example.com", "orders"), false, TestDatabase.T0));
    assertThat(each.client("admin")).contains(created);
    assertThat(each.clientSecretHash("admin")).contains(hash("secret"));
  }

  @Test
  void rejectsTakenClientIdAsConflict() {
    each.createClient(client("admin"), hash("one"));
    assertFails(CONFLICT, () -> each.createClient(client("admin"), hash("two")))
        .hasMessageContaining("admin");
    assertThat(each.clientSecretHash("admin")).contains(hash("one"));
  }

  @Test
  void replacesSecretHash() {
    each.createClient(client("admin"), hash("one"));
    each.setClientSecretHash("admin", hash("two"));
    assertThat(each.clientSecretHash("admin")).contains(hash("two"));
    assertFails(NOT_FOUND, () -> each.setClientSecretHash("ghost", hash("two")));
  }

  @Test
  void acceptsOnlyLowercaseHexSha256AsSecretHash() {
    assertFails(INVALID, () -> each.createClient(client("admin"), "plaintext-secret"))
        .hasMessageContaining("SHA-256").hasMessageNotContaining("plaintext-secret");
    assertFails(INVALID, () -> each.createClient(client("admin"), hash("x").toUpperCase()));
    assertThat(each.client("admin")).isEmpty();
  }

  @Test
  void listsAndDeletesClients() {
    each.createClient(client("b"), hash("b"));
    Client bare = new Client("a", "A", set(), set(), set(), true, Instant.EPOCH);
    each.createClient(bare, hash("a"));

    assertThat(each.clients()).extracting(Client::clientId).containsExactly("a", "b");
    assertThat(each.client("a").orElseThrow().disabled()).isTrue();

    each.deleteClient("b");
    assertThat(each.clients()).extracting(Client::clientId).containsExactly("a");
    assertThat(each.clientSecretHash("b")).isEmpty();
    assertFails(NOT_FOUND, () -> each.deleteClient("b"));
  }
}
