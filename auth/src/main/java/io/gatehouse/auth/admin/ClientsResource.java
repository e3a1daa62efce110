package io.gatehouse.auth.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatehouse.auth.oauth.ClientDirectory;
import io.gatehouse.auth.oauth.GrantTypes;
import io.gatehouse.auth.secrets.ClientSecrets;
import io.gatehouse.auth.secrets.Secret;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.Client;
import io.gatehouse.auth.store.StoreException;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/** {@code /clients}: OAuth clients. Secrets are generated here, shown once, stored as SHA-256. */
final class ClientsResource {
  private static final Set<String> GRANTS =
      Set.of(GrantTypes.CLIENT_CREDENTIALS, GrantTypes.REFRESH_TOKEN, GrantTypes.TOKEN_EXCHANGE);

  private final AuthStore store;
  private final Clock clock;
  private final ClientDirectory directory;
  private final SecureRandom random = new SecureRandom();

  ClientsResource(AuthStore store, Clock clock, ClientDirectory directory) {
    this.store = store;
    this.clock = clock;
    this.directory = directory;
  }

  record CreateBody(@JsonProperty("client_id") String clientId, String name, List<String> grants,
      List<String> permissions, List<String> audiences) {}

  void register(AdminRoutes routes) {
    routes.add("GET", "/clients", (request, actor) ->
            Response.json(Views.list(store.inTransaction(tx -> tx.clients()), Views::client)))
        .add("POST", "/clients", this::create)
        .add("GET", "/clients/{id}", (request, actor) -> Response.json(Views.client(
            store.inTransaction(tx -> tx.client(request.pathParameter("id"))).orElseThrow(() -> notFound(request)))))
        .add("POST", "/clients/{id}/secret", this::rotateSecret)
        .add("DELETE", "/clients/{id}", this::delete);
  }

  private Response create(Request request, String actor) {
    CreateBody body = request.json(CreateBody.class);
    String clientId = body.clientId() == null ? "c_" + Long.toUnsignedString(random.nextLong(), 36)
        : Fields.token("client_id", body.clientId(), 64);
    String name = body.name() == null ? clientId : Fields.text("name", body.name(), 128);
    SortedSet<String> grants = Fields.tokens("grants", body.grants());
    for (String grant : grants) {
      if (!GRANTS.contains(grant)) {
        throw Fields.invalid("grants", "unknown grant " + grant + " (allowed: " + String.join(", ", GRANTS) + ")");
      }
    }
    Client client = new Client(clientId, name, grants, Fields.tokens("permissions", body.permissions()),
        Fields.tokens("audiences", body.audiences()), false, clock.instant());
    Secret secret = ClientSecrets.generate();
    Client created = store.inTransaction(tx -> {
      Client stored = tx.createClient(client, ClientSecrets.hash(secret));
      tx.audit(clock.instant(), actor, "client.create", clientId, "success", "grants " + String.join(" ", grants));
      return stored;
    });
    return Response.json(201, withSecret(created, secret)).header("Cache-Control", "no-store");
  }

  private Response rotateSecret(Request request, String actor) {
    String clientId = request.pathParameter("id");
    Secret secret = ClientSecrets.generate();
    Client client = store.inTransaction(tx -> {
      Client found = tx.client(clientId).orElseThrow(() -> notFound(request));
      tx.setClientSecretHash(clientId, ClientSecrets.hash(secret));
      tx.audit(clock.instant(), actor, "client.rotate_secret", clientId, "success", "");
      return found;
    });
    directory.invalidate(clientId);
    return Response.json(withSecret(client, secret)).header("Cache-Control", "no-store");
  }

  private Response delete(Request request, String actor) {
    String clientId = request.pathParameter("id");
    if (actor.equals(clientId)) {
      throw Fields.invalid("client_id", "an admin client cannot delete itself");
    }
    store.inTransaction(tx -> {
      tx.client(clientId).orElseThrow(() -> notFound(request));
      tx.deleteClient(clientId);
      tx.audit(clock.instant(), actor, "client.delete", clientId, "success", "");
      return null;
    });
    directory.invalidate(clientId);
    return Response.empty(204);
  }

  private static Map<String, Object> withSecret(Client client, Secret secret) {
    Map<String, Object> view = new LinkedHashMap<>(Views.client(client));
    view.put("client_secret", secret.reveal());
    return view;
  }

  private static StoreException notFound(Request request) {
    return new StoreException(StoreException.Kind.NOT_FOUND, "no client " + request.pathParameter("id"));
  }
}
