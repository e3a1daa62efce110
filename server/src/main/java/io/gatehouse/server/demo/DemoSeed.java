package io.gatehouse.server.demo;

import io.gatehouse.auth.AuthService;
import io.gatehouse.auth.apikeys.CreatedApiKey;
import io.gatehouse.auth.secrets.ClientSecrets;
import io.gatehouse.auth.secrets.PasswordHasher;
import io.gatehouse.auth.store.User;
import java.util.List;
import java.util.Optional;

/**
 * The demo's people: roles {@code customer} and {@code viewer}, users alice and bob, and a fresh
 * API key for each on every start (a key is shown only once, so a restarted demo mints new ones).
 */
final class DemoSeed {
  static final List<String> CUSTOMER = List.of("orders:read", "orders:write", "inventory:read");
  static final List<String> VIEWER = List.of("orders:read", "inventory:read");

  /**
   * A seeded user and the key made for them on this start.
   *
   * @param user the user
   * @param key the API key, shown this once
   * @param keyId its public id (to revoke it)
   */
  record Person(User user, String key, String keyId) {}

  /**
   * The seeded people.
   *
   * @param alice a customer
   * @param bob a viewer
   */
  record People(Person alice, Person bob) {}

  private DemoSeed() {}

  static People seed(AuthService auth) {
    auth.store().inTransaction(tx -> {
      tx.putRole("customer", CUSTOMER);
      tx.putRole("viewer", VIEWER);
      return null;
    });
    // The demo's users act through API keys only: one hash of a random password nobody knows
    // serves both (Argon2 is deliberately slow, and start-up time is part of the demo).
    String unusablePassword = PasswordHasher.hash(ClientSecrets.generate().reveal());
    return new People(person(auth, "alice", "customer", CUSTOMER, unusablePassword),
        person(auth, "bob", "viewer", VIEWER, unusablePassword));
  }

  private static Person person(AuthService auth, String username, String role, List<String> scopes,
      String passwordHash) {
    User user = auth.store().inTransaction(tx -> tx.userByUsername(username)
        .map(existing -> tx.setRoles(existing.id(), List.of(role)))
        .orElseGet(() -> tx.createUser(username, passwordHash, List.of(role))));
    CreatedApiKey key = auth.apiKeys().create("demo", user.id(), username + " (demo)", scopes, Optional.empty());
    return new Person(user, key.key().reveal(), key.record().id());
  }
}
