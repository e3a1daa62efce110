package io.gatehouse.auth.admin;

import io.gatehouse.auth.store.StoreException;
import io.gatehouse.http.HttpException;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;

/** Registers admin endpoints as blocking, authenticated routes; maps store failures to statuses in one place. */
final class AdminRoutes {
  static final String BASE = "/admin/v1";

  private final Router.Builder router;
  private final AdminAuthenticator authenticator;

  AdminRoutes(Router.Builder router, AdminAuthenticator authenticator) {
    this.router = router;
    this.authenticator = authenticator;
  }

  AdminRoutes add(String method, String path, AdminHandler handler) {
    router.route(Route.builder(method, BASE + path).blocking().maxBodyBytes(16 * 1024).handler(request -> {
      String actor = authenticator.authenticate(request);
      try {
        return handler.handle(request, actor);
      } catch (StoreException e) {
        throw toHttp(e);
      }
    }).build());
    return this;
  }

  /** The one mapping from store failures to HTTP statuses. */
  static HttpException toHttp(StoreException e) {
    int status;
    switch (e.kind()) {
      case CONFLICT:
        status = 409;
        break;
      case NOT_FOUND:
        status = 404;
        break;
      case INVALID:
        status = 400;
        break;
      default:
        return HttpException.builder(503).detail("the store is unavailable; nothing was changed")
            .header("Retry-After", "1").build();
    }
    return HttpException.builder(status).detail(e.getMessage()).build();
  }
}
