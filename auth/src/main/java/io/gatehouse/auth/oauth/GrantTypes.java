package io.gatehouse.auth.oauth;

/** Grant type and token type identifiers of the contract. */
public final class GrantTypes {
  /** RFC 6749 §4.4. */
  public static final String CLIENT_CREDENTIALS = "client_credentials";
  /** RFC 6749 §6. */
  public static final String REFRESH_TOKEN = "refresh_token";
  /** RFC 8693. */
  public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  /** The subject token type of a Gatehouse API key. */
  public static final String API_KEY_TOKEN_TYPE = "urn:gatehouse:token-type:api-key";
  /** RFC 8693 §3: an access token. */
  public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

  private GrantTypes() {}
}
