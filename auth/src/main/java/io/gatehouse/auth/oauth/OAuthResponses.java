package io.gatehouse.auth.oauth;

import io.gatehouse.http.handler.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON responses of the OAuth endpoints, never cached (RFC 6749 §5.1). */
final class OAuthResponses {
  private OAuthResponses() {}

  static Response ok(Map<String, ?> body) {
    return noStore(Response.json(200, body));
  }

  static Response error(OAuthException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.error());
    body.put("error_description", e.getMessage());
    Response response = noStore(Response.json(e.status(), body));
    if (e.status() == 401) {
      response.header("WWW-Authenticate", "Basic realm=\"gatehouse\", charset=\"UTF-8\"");
    }
    if (e.status() == 503) {
      response.header("Retry-After", "1");
    }
    return response;
  }

  private static Response noStore(Response response) {
    return response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
  }
}
