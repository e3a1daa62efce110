package io.gatehouse.auth.oauth;

import io.gatehouse.auth.store.StoreException;
import io.gatehouse.http.HttpException;
import io.gatehouse.http.handler.FormData;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import java.util.function.Supplier;

/** Request handling shared by the OAuth endpoints: form bodies and RFC 6749 error responses. */
final class OAuthHandling {
  private OAuthHandling() {}

  /** Runs an endpoint, turning OAuth, request and store failures into RFC 6749 error responses. */
  static Response respond(Supplier<Response> body) {
    try {
      return body.get();
    } catch (OAuthException e) {
      return OAuthResponses.error(e);
    } catch (HttpException e) {
      if (e.status() == 400 || e.status() == 415) {
        return OAuthResponses.error(OAuthException.invalidRequest(e.detail()));
      }
      throw e;
    } catch (StoreException e) {
      if (e.kind() == StoreException.Kind.UNAVAILABLE) {
        return OAuthResponses.error(OAuthException.temporarilyUnavailable());
      }
      throw e;
    }
  }

  /** The form body; the OAuth endpoints accept only {@code application/x-www-form-urlencoded}. */
  static FormData form(Request request) {
    return request.form();
  }
}
