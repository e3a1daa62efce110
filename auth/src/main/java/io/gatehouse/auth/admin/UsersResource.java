package io.gatehouse.auth.admin;

import io.gatehouse.auth.apikeys.ApiKeyResolver;
import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.auth.secrets.PasswordHasher;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.StoreException;
import io.gatehouse.auth.store.User;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** {@code /users}: people, their roles and whether they are enabled. Passwords are stored as Argon2id. */
final class UsersResource {
  private final AuthStore store;
  private final Clock clock;
  private final ApiKeyResolver resolver;
  private final AuthChanges changes;

  UsersResource(AuthStore store, Clock clock, ApiKeyResolver resolver, AuthChanges changes) {
    this.store = store;
    this.clock = clock;
    this.resolver = resolver;
    this.changes = changes;
  }

  record CreateBody(String username, String password, List<String> roles) {}

  record UpdateBody(List<String> roles, Boolean disabled, String password) {}

  void register(AdminRoutes routes) {
    routes.add("GET", "/users", this::list)
        .add("POST", "/users", this::create)
        .add("GET", "/users/{id}", (request, actor) -> Response.json(Views.user(find(request.pathParameter("id")))))
        .add("PATCH", "/users/{id}", this::update)
        .add("DELETE", "/users/{id}", this::delete);
  }

  private Response list(Request request, String actor) {
    Paging paging = Paging.of(request);
    Optional<String> username = request.query().single("username").map(u -> Fields.text("username", u, 128));
    return Response.json(Views.page(store.inTransaction(tx -> tx.users(username, paging.cursor(), paging.limit())),
        Views::user));
  }

  private Response create(Request request, String actor) {
    CreateBody body = request.json(CreateBody.class);
    String username = Fields.text("username", body.username(), 128);
    String hash = PasswordHasher.hash(password(body.password()));
    SortedSet<String> roles = Fields.tokens("roles", body.roles());
    User user = store.inTransaction(tx -> {
      User created = tx.createUser(username, hash, roles);
      tx.audit(clock.instant(), actor, "user.create", created.id(), "success", "roles " + String.join(" ", roles));
      return created;
    });
    return Response.json(201, Views.user(user)).header("Location", AdminRoutes.BASE + "/users/" + user.id());
  }

  private Response update(Request request, String actor) {
    String id = request.pathParameter("id");
    UpdateBody body = request.json(UpdateBody.class);
    Optional<SortedSet<String>> roles = Optional.ofNullable(body.roles()).map(r -> Fields.tokens("roles", r));
    Optional<String> hash = Optional.ofNullable(body.password()).map(p -> PasswordHasher.hash(password(p)));
    User user = store.inTransaction(tx -> {
      User current = tx.user(id).orElseThrow(() -> notFound(id));
      if (roles.isPresent()) {
        current = tx.setRoles(id, roles.get());
      }
      if (body.disabled() != null) {
        current = tx.setDisabled(id, body.disabled());
      }
      hash.ifPresent(h -> tx.setPasswordHash(id, h));
      tx.audit(clock.instant(), actor, "user.update", id, "success", describe(roles, body.disabled(), hash.isPresent()));
      return current;
    });
    changed(id);
    return Response.json(Views.user(user));
  }

  private Response delete(Request request, String actor) {
    String id = request.pathParameter("id");
    store.inTransaction(tx -> {
      tx.user(id).orElseThrow(() -> notFound(id));
      tx.deleteUser(id);
      tx.audit(clock.instant(), actor, "user.delete", id, "success", "");
      return null;
    });
    changed(id);
    resolver.invalidateKeys();
    return Response.empty(204);
  }

  private User find(String id) {
    return store.inTransaction(tx -> tx.user(id)).orElseThrow(() -> notFound(id));
  }

  private void changed(String id) {
    resolver.invalidateOwners();
    changes.userChanged(id);
  }

  private static String password(String password) {
    if (password == null || password.length() < 8) {
      throw Fields.invalid("password", "must have at least 8 characters");
    }
    if (password.length() > 1024) {
      throw Fields.invalid("password", "must be at most 1024 characters");
    }
    return password;
  }

  private static String describe(Optional<SortedSet<String>> roles, Boolean disabled, boolean password) {
    StringBuilder detail = new StringBuilder();
    roles.ifPresent(r -> detail.append("roles ").append(String.join(" ", r)).append("; "));
    if (disabled != null) {
      detail.append(disabled ? "disabled; " : "enabled; ");
    }
    if (password) {
      detail.append("password changed; ");
    }
    return detail.toString().trim();
  }

  private static StoreException notFound(String id) {
    return new StoreException(StoreException.Kind.NOT_FOUND, "no user " + id);
  }
}
