package io.gatehouse.gateway.credential;

import io.gatehouse.token.apikey.ApiKeyFormat;

/** The credential a client presented; {@code toString()} never shows a secret. */
public sealed interface Credential {

  /** No credential at all. */
  record None() implements Credential {}

  /**
   * A well-formed API key (prefix and checksum checked).
   *
   * @param key the whole key, needed once to exchange it
   * @param parsed its public id and SHA-256, the cache and log handles
   */
  record ApiKey(String key, ApiKeyFormat.Parsed parsed) implements Credential {
    /** The key id only. */
    @Override
    public String toString() {
      return "ApiKey[" + parsed.id() + "]";
    }
  }

  /**
   * Something claiming to be an API key that fails the format or checksum: refused without any
   * network call.
   */
  record MalformedApiKey() implements Credential {}

  /**
   * A bearer token that is not an API key, treated as a JWT.
   *
   * @param forwarded the compact JWS as sent, ready to be forwarded once it is verified
   */
  record Jwt(ForwardedToken forwarded) implements Credential {
    /** The compact JWS as sent. */
    public String token() {
      return forwarded.token();
    }

    /** Never the token itself. */
    @Override
    public String toString() {
      return "Jwt[" + token().length() + " chars]";
    }
  }

  /** The one instance of {@link None}. */
  Credential NONE = new None();
}
