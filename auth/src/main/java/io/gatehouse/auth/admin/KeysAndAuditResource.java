package io.gatehouse.auth.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatehouse.auth.keys.RotationRefusedException;
import io.gatehouse.auth.keys.SigningKeyService;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.http.HttpException;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import java.time.Duration;

/** {@code /signing-keys} (public facts only, and rotation) and {@code /audit}. */
final class KeysAndAuditResource {
  private final AuthStore store;
  private final SigningKeyService keys;

  KeysAndAuditResource(AuthStore store, SigningKeyService keys) {
    this.store = store;
    this.keys = keys;
  }

  record RotateBody(@JsonProperty("force") Boolean force) {}

  void register(AdminRoutes routes) {
    routes.add("GET", "/signing-keys", (request, actor) -> Response.json(Views.list(keys.keys(), Views::signingKey)))
        .add("POST", "/signing-keys/rotate", this::rotate)
        .add("GET", "/audit", (request, actor) -> {
          Paging paging = Paging.of(request);
          return Response.json(Views.page(store.inTransaction(tx -> tx.auditEvents(paging.cursor(), paging.limit())),
              Views::audit));
        });
  }

  private Response rotate(Request request, String actor) {
    boolean force = request.body().length > 0 && Boolean.TRUE.equals(request.json(RotateBody.class).force());
    try {
      return Response.json(Views.list(keys.rotate(actor, force), Views::signingKey));
    } catch (RotationRefusedException e) {
      throw HttpException.builder(409).detail(e.getMessage() + "; retry later or send {\"force\": true}")
          .header("Retry-After", Long.toString(retryAfterSeconds(e.retryAfter()))).build();
    }
  }

  /** Whole seconds, rounded up: a caller that waits exactly this long must not be refused again. */
  private static long retryAfterSeconds(Duration wait) {
    return Math.max(1, wait.plusNanos(999_999_999).toSeconds());
  }
}
