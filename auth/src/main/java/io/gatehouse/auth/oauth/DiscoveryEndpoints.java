package io.gatehouse.auth.oauth;

import io.gatehouse.auth.keys.SigningKeyService;
import io.gatehouse.http.handler.Json;
import io.gatehouse.http.handler.Response;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** Discovery documents (RFC 8414 and OpenID Connect Discovery) and the JWKS. */
final class DiscoveryEndpoints {
  private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

  private final byte[] metadata;
  private final SigningKeyService keys;
  private final String jwksCacheControl;
  private volatile CachedJwks cachedJwks;

  DiscoveryEndpoints(String issuer, SigningKeyService keys, Duration jwksMaxAge) {
    this.keys = keys;
    this.jwksCacheControl = "public, max-age=" + jwksMaxAge.toSeconds();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("issuer", issuer);
    m.put("jwks_uri", issuer + "/oauth2/jwks");
    m.put("token_endpoint", issuer + "/oauth2/token");
    m.put("introspection_endpoint", issuer + "/oauth2/introspect");
    m.put("revocation_endpoint", issuer + "/oauth2/revoke");
    m.put("grant_types_supported",
        List.of(GrantTypes.CLIENT_CREDENTIALS, GrantTypes.REFRESH_TOKEN, GrantTypes.TOKEN_EXCHANGE));
    m.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
    m.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
    m.put("revocation_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
    m.put("response_types_supported", List.of());
    m.put("subject_types_supported", List.of("public"));
    m.put("id_token_signing_alg_values_supported", List.of(keys.activeKey().algorithm().joseName()));
    this.metadata = Json.write(m);
  }

  Response discovery() {
    return Response.of(200, "application/json", metadata).header("Cache-Control", "public, max-age=3600");
  }

  /** The JWKS, serialized once per key set (rotation or reload yields a new set). */
  Response jwks() {
    CachedJwks cached = cachedJwks;
    long now = System.nanoTime();
    // Serialized once per key set: re-read after every change here, and once a second for the
    // retired keys that age out of the set on their own.
    if (cached == null || cached.version() != keys.version() || now - cached.checkedAt() > CHECK_EVERY_NANOS) {
      long version = keys.version();
      List<VerificationKey> current = keys.all();
      byte[] json = cached != null && cached.keys().equals(current) ? cached.json()
          : PublicJwks.of(current).toJson().getBytes(StandardCharsets.UTF_8);
      cached = new CachedJwks(current, json, now, version);
      cachedJwks = cached;
    }
    return Response.of(200, PublicJwks.MEDIA_TYPE, cached.json()).header("Cache-Control", jwksCacheControl);
  }

  private record CachedJwks(List<VerificationKey> keys, byte[] json, long checkedAt, long version) {}
}
