package io.gatehouse.auth.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatehouse.auth.apikeys.ApiKeyAdmin;
import io.gatehouse.auth.apikeys.CreatedApiKey;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.StoreException;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /users/{id}/api-keys} and {@code /api-keys/{id}}: the key is shown once, at creation. */
final class ApiKeysResource {
  private final AuthStore store;
  private final ApiKeyAdmin apiKeys;

  ApiKeysResource(AuthStore store, ApiKeyAdmin apiKeys) {
    this.store = store;
    this.apiKeys = apiKeys;
  }

  record CreateBody(String name, List<String> scopes, @JsonProperty("expires_in") Long expiresIn) {}

  void register(AdminRoutes routes) {
    routes.add("POST", "/users/{id}/api-keys", this::create)
        .add("GET", "/users/{id}/api-keys", this::list)
        .add("DELETE", "/api-keys/{id}", this::revoke);
  }

  private Response create(Request request, String actor) {
    CreateBody body = request.json(CreateBody.class);
    String name = Fields.text("name", body.name(), 128);
    List<String> scopes = List.copyOf(Fields.tokens("scopes", body.scopes()));
    Optional<Duration> expiresIn = Optional.ofNullable(body.expiresIn()).map(seconds -> {
      if (seconds < 60 || seconds > ApiKeyAdmin.MAX_EXPIRES_IN.toSeconds()) {
        throw Fields.invalid("expires_in", "must be from 60 to " + ApiKeyAdmin.MAX_EXPIRES_IN.toSeconds() + " seconds");
      }
      return Duration.ofSeconds(seconds);
    });
    CreatedApiKey created = apiKeys.create(actor, request.pathParameter("id"), name, scopes, expiresIn);
    Map<String, Object> view = new java.util.LinkedHashMap<>(Views.apiKey(created.record()));
    view.put("key", created.key().reveal());
    return Response.json(201, view).header("Cache-Control", "no-store");
  }

  private Response list(Request request, String actor) {
    String userId = request.pathParameter("id");
    Paging paging = Paging.of(request);
    return Response.json(Views.page(store.inTransaction(tx -> {
      tx.user(userId).orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND, "no user " + userId));
      return tx.apiKeys(userId, paging.cursor(), paging.limit());
    }), Views::apiKey));
  }

  private Response revoke(Request request, String actor) {
    String id = request.pathParameter("id");
    if (!apiKeys.revoke(actor, id)) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, "no active API key " + id);
    }
    return Response.empty(204);
  }
}
