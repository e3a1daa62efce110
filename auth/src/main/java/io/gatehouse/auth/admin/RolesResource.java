package io.gatehouse.auth.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.auth.apikeys.ApiKeyResolver;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.Role;
import io.gatehouse.auth.store.StoreException;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import java.time.Clock;
import java.util.List;
import java.util.SortedSet;

/** {@code /roles}: named permission sets. Changing one shrinks or grows every holder's tokens. */
final class RolesResource {
  private final AuthStore store;
  private final Clock clock;
  private final ApiKeyResolver resolver;
  private final AuthChanges changes;

  RolesResource(AuthStore store, Clock clock, ApiKeyResolver resolver, AuthChanges changes) {
    this.store = store;
    this.clock = clock;
    this.resolver = resolver;
    this.changes = changes;
  }

  record Body(String name, @JsonProperty("permissions") List<String> permissions) {}

  void register(AdminRoutes routes) {
    routes.add("GET", "/roles", (request, actor) ->
            Response.json(Views.list(store.inTransaction(tx -> tx.roles()), Views::role)))
        .add("POST", "/roles", this::create)
        .add("GET", "/roles/{name}", (request, actor) -> Response.json(Views.role(store.inTransaction(tx ->
            tx.role(request.pathParameter("name")).orElseThrow(() -> notFound(request.pathParameter("name")))))))
        .add("PUT", "/roles/{name}", this::replace)
        .add("DELETE", "/roles/{name}", this::delete);
  }

  private Response create(Request request, String actor) {
    Body body = request.json(Body.class);
    String name = Fields.token("name", body.name(), 64);
    SortedSet<String> permissions = Fields.tokens("permissions", body.permissions());
    Role role = store.inTransaction(tx -> {
      if (tx.role(name).isPresent()) {
        throw new StoreException(StoreException.Kind.CONFLICT, "role " + name + " exists");
      }
      Role created = tx.putRole(name, permissions);
      tx.audit(clock.instant(), actor, "role.create", name, "success", String.join(" ", permissions));
      return created;
    });
    return Response.json(201, Views.role(role));
  }

  private Response replace(Request request, String actor) {
    String name = Fields.token("name", request.pathParameter("name"), 64);
    Body body = request.json(Body.class);
    if (body.name() != null && !body.name().equals(name)) {
      throw Fields.invalid("name", "must match the path");
    }
    SortedSet<String> permissions = Fields.tokens("permissions", body.permissions());
    Role role = store.inTransaction(tx -> {
      Role replaced = tx.putRole(name, permissions);
      tx.audit(clock.instant(), actor, "role.update", name, "success", String.join(" ", permissions));
      return replaced;
    });
    changed(name);
    return Response.json(Views.role(role));
  }

  private Response delete(Request request, String actor) {
    String name = request.pathParameter("name");
    store.inTransaction(tx -> {
      tx.role(name).orElseThrow(() -> notFound(name));
      tx.deleteRole(name);
      tx.audit(clock.instant(), actor, "role.delete", name, "success", "");
      return null;
    });
    changed(name);
    return Response.empty(204);
  }

  private void changed(String name) {
    resolver.invalidateOwners();
    changes.roleChanged(name);
  }

  private static StoreException notFound(String name) {
    return new StoreException(StoreException.Kind.NOT_FOUND, "no role " + name);
  }
}
