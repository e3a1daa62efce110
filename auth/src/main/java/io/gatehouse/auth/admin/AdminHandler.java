package io.gatehouse.auth.admin;

import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;

/** An admin endpoint: the request and the authenticated admin client's id. */
@FunctionalInterface
interface AdminHandler {
  Response handle(Request request, String actor) throws Exception;
}
