package io.gatehouse.gateway.credential;

import io.gatehouse.token.apikey.ApiKeyFormat;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the one credential of a request: {@code Authorization: Bearer <API key or JWT>} (scheme
 * case-insensitive) or {@code X-API-Key: <key>}. Two credentials, a repeated header, a malformed
 * Bearer value or a credential in the query string are refused with {@link CredentialException}
 * (400): an ambiguous request is never guessed at.
 */
public final class CredentialExtractor {
  /** The API key header of the contract. */
  public static final String API_KEY_HEADER = "X-API-Key";

  private static final String BEARER = "bearer ";
  /** The last well-formed API key each thread parsed (see {@link #apiKey}). */
  private static final FastThreadLocal<Credential.ApiKey> LAST_KEY = new FastThreadLocal<>();
  private static final Set<String> QUERY_CREDENTIAL_NAMES =
      Set.of("access_token", "api_key", "apikey", "api-key", "x-api-key");

  private CredentialExtractor() {}

  /** The request's credential; {@link Credential#NONE} when it carries none. */
  public static Credential extract(HttpHeaders headers, String rawQuery) {
    rejectQueryCredential(rawQuery);
    List<String> authorization = headers.getAll(HttpHeaderNames.AUTHORIZATION);
    List<String> apiKey = headers.getAll(API_KEY_HEADER);
    if (authorization.size() > 1) {
      throw new CredentialException("more than one Authorization header");
    }
    if (apiKey.size() > 1) {
      throw new CredentialException("more than one X-API-Key header");
    }
    String bearer = authorization.isEmpty() ? null : bearerToken(authorization.get(0));
    if (bearer != null && !apiKey.isEmpty()) {
      throw new CredentialException("two credentials: send either Authorization or X-API-Key, not both");
    }
    if (!apiKey.isEmpty()) {
      return apiKey(apiKey.get(0));
    }
    if (bearer == null) {
      return Credential.NONE;
    }
    return ApiKeyFormat.looksLikeApiKey(bearer) ? apiKey(bearer)
        : new Credential.Jwt(ForwardedToken.ofToken68(bearer));
  }

  /** The token of a Bearer value; null for another scheme (which is not a credential here). */
  private static String bearerToken(String value) {
    if (value.length() < BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      if (value.trim().equalsIgnoreCase("bearer")) {
        throw new CredentialException("the Bearer credential is empty");
      }
      return null;
    }
    String token = value.substring(BEARER.length());
    if (!isToken68(token)) {
      throw new CredentialException("the Bearer credential is malformed");
    }
    return token;
  }

  /**
   * A well-formed key, or {@link Credential.MalformedApiKey}. A client on a keep-alive connection
   * sends the same key with every request, so each thread keeps the last well-formed key it
   * parsed: the same key again (compared in constant time) skips the checksum, the SHA-256 and
   * its hex form. Only the parse is kept, never a decision: whether the key is valid is the
   * phantom-token cache's and the auth service's question, every time. The thread holds that one
   * key until another replaces it, as the connection's buffers held it a moment before.
   */
  private static Credential apiKey(String value) {
    Credential.ApiKey last = LAST_KEY.get();
    if (last != null && sameKey(last.key(), value)) {
      return last;
    }
    Optional<ApiKeyFormat.Parsed> parsed = ApiKeyFormat.parse(value);
    if (parsed.isEmpty()) {
      return new Credential.MalformedApiKey();
    }
    Credential.ApiKey key = new Credential.ApiKey(value, parsed.get());
    LAST_KEY.set(key);
    return key;
  }

  /** Equal strings, compared in time that depends on the length only. */
  private static boolean sameKey(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < a.length(); i++) {
      difference |= a.charAt(i) ^ b.charAt(i);
    }
    return difference == 0;
  }

  /** RFC 7235 token68: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
  static boolean isToken68(String token) {
    int i = 0;
    int n = token.length();
    while (i < n && isToken68Char(token.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < n && token.charAt(i) == '=') {
      i++;
    }
    return i == n;
  }

  private static boolean isToken68Char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }

  /** A credential in the URL ends up in logs, caches and browser history: refuse it outright. */
  private static void rejectQueryCredential(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (QUERY_CREDENTIAL_NAMES.contains(name) || ApiKeyFormat.looksLikeApiKey(value)) {
        throw new CredentialException("credentials are not accepted in the query string; send Authorization or X-API-Key");
      }
    }
  }
}
