package io.gatehouse.auth.admin;

import io.gatehouse.auth.store.ApiKey;
import io.gatehouse.auth.store.AuditEvent;
import io.gatehouse.auth.store.Client;
import io.gatehouse.auth.store.Page;
import io.gatehouse.auth.store.Role;
import io.gatehouse.auth.store.User;
import io.gatehouse.token.keys.ManagedKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** JSON shapes of admin responses (snake_case, ISO-8601 times, lists as {@code {"items", "next"}}). */
final class Views {
  private Views() {}

  static Map<String, Object> user(User user) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", user.id());
    m.put("username", user.username());
    m.put("roles", user.roles());
    m.put("disabled", user.disabled());
    m.put("created_at", user.createdAt().toString());
    return m;
  }

  static Map<String, Object> role(Role role) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", role.name());
    m.put("permissions", role.permissions());
    return m;
  }

  static Map<String, Object> apiKey(ApiKey key) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", key.id());
    m.put("user_id", key.userId());
    m.put("name", key.name());
    m.put("scopes", key.scopes());
    m.put("created_at", key.createdAt().toString());
    m.put("expires_at", time(key.expiresAt()));
    m.put("revoked_at", time(key.revokedAt()));
    m.put("last_used_at", time(key.lastUsedAt()));
    return m;
  }

  static Map<String, Object> client(Client client) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("client_id", client.clientId());
    m.put("name", client.name());
    m.put("grants", client.grants());
    m.put("permissions", client.permissions());
    m.put("audiences", client.audiences());
    m.put("disabled", client.disabled());
    m.put("created_at", client.createdAt().toString());
    return m;
  }

  static Map<String, Object> signingKey(ManagedKey key) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kid", key.key().kid());
    m.put("alg", key.key().algorithm().joseName());
    m.put("state", key.state().name().toLowerCase(java.util.Locale.ROOT));
    m.put("since", key.since().toString());
    return m;
  }

  static Map<String, Object> audit(AuditEvent event) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", event.id());
    m.put("at", event.at().toString());
    m.put("actor", event.actor());
    m.put("action", event.action());
    m.put("target", event.target());
    m.put("outcome", event.outcome());
    m.put("detail", event.detail());
    return m;
  }

  static <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> view) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", page.items().stream().map(view).toList());
    m.put("next", page.next().orElse(null));
    return m;
  }

  static <T> Map<String, Object> list(List<T> items, Function<T, Map<String, Object>> view) {
    return page(new Page<>(items, Optional.empty()), view);
  }

  private static String time(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
