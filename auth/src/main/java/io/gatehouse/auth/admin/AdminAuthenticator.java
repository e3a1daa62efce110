package io.gatehouse.auth.admin;

import io.gatehouse.http.HttpException;
import io.gatehouse.http.handler.Request;
import io.gatehouse.token.verify.AccessTokenVerifier;
import io.gatehouse.token.verify.TokenRejectedException;
import io.gatehouse.token.verify.VerifiedToken;
import java.util.Locale;

/**
 * Checks the admin token: a JWT of this issuer for the {@value #AUDIENCE} audience carrying
 * {@value #PERMISSION}. Answers 401/403 with RFC 6750 {@code WWW-Authenticate}.
 */
final class AdminAuthenticator {
  /** Audience of admin tokens. */
  static final String AUDIENCE = "gatehouse-admin";
  /** Permission an admin token must carry. */
  static final String PERMISSION = "gatehouse:admin";
  private static final String REALM = "Bearer realm=\"gatehouse-admin\"";

  private final AccessTokenVerifier verifier;

  AdminAuthenticator(AccessTokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** The acting client's id. */
  String authenticate(Request request) {
    String header = request.header("Authorization").orElseThrow(() -> unauthorized(REALM));
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      throw unauthorized(REALM + ", error=\"invalid_request\", error_description=\"use a Bearer token\"");
    }
    VerifiedToken token;
    try {
      token = verifier.verify(header.substring(space + 1).trim());
    } catch (TokenRejectedException e) {
      throw unauthorized(REALM + ", error=\"invalid_token\", error_description=\"" + e.reason().code() + "\"");
    }
    // Admin tokens are client_credentials tokens: the client itself is the subject, and no API key
    // (a user's delegated credential) is behind it, whatever permissions the user holds.
    boolean clientToken = token.clientId().map(token.subject()::equals).orElse(false) && token.apiKeyId().isEmpty();
    if (!clientToken) {
      throw unauthorized(REALM + ", error=\"invalid_token\", error_description=\"not a client_credentials token\"");
    }
    if (!token.hasScope(PERMISSION)) {
      throw HttpException.builder(403).detail("the token lacks " + PERMISSION)
          .header("WWW-Authenticate", REALM + ", error=\"insufficient_scope\", scope=\"" + PERMISSION + "\"").build();
    }
    return token.clientId().orElse(token.subject());
  }

  private static HttpException unauthorized(String challenge) {
    return HttpException.builder(401).detail("an admin token is required").header("WWW-Authenticate", challenge).build();
  }
}
