package io.gatehouse.auth.oauth;

import io.gatehouse.http.handler.FormData;
import io.gatehouse.http.handler.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates the calling client with {@code client_secret_basic} or {@code client_secret_post}
 * (RFC 6749 §2.3.1); using both at once is an error, as is any failure detail beyond "invalid_client".
 */
final class ClientAuthenticator {
  private static final int MAX_CREDENTIAL_LENGTH = 512;

  private final ClientDirectory clients;

  ClientAuthenticator(ClientDirectory clients) {
    this.clients = clients;
  }

  AuthenticatedClient authenticate(Request request, FormData form) {
    Optional<String[]> basic = basic(request.header("Authorization"));
    Optional<String> postId = form.single("client_id");
    Optional<String> postSecret = form.single("client_secret");
    if (basic.isPresent() && postSecret.isPresent()) {
      throw OAuthException.invalidRequest("use one client authentication method, not two");
    }
    String clientId;
    String secret;
    if (basic.isPresent()) {
      clientId = basic.get()[0];
      secret = basic.get()[1];
      if (postId.isPresent() && !postId.get().equals(clientId)) {
        throw OAuthException.invalidRequest("client_id does not match the authenticated client");
      }
    } else if (postId.isPresent() && postSecret.isPresent()) {
      clientId = postId.get();
      secret = postSecret.get();
    } else {
      throw OAuthException.invalidClient();
    }
    if (clientId.isEmpty() || clientId.length() > MAX_CREDENTIAL_LENGTH || secret.length() > MAX_CREDENTIAL_LENGTH) {
      throw OAuthException.invalidClient();
    }
    return clients.verify(clientId, secret).map(AuthenticatedClient::new).orElseThrow(OAuthException::invalidClient);
  }

  private static Optional<String[]> basic(Optional<String> authorization) {
    if (authorization.isEmpty()) {
      return Optional.empty();
    }
    String value = authorization.get();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
      throw OAuthException.invalidClient();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(value.substring(space + 1).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw OAuthException.invalidClient();
      }
      return Optional.of(new String[] {
        URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
      });
    } catch (IllegalArgumentException e) {
      throw OAuthException.invalidClient();
    }
  }
}
