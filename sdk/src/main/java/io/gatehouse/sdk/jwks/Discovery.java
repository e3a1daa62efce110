package io.gatehouse.sdk.jwks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * OpenID Connect discovery: reads {@code <issuer>/.well-known/openid-configuration}, checks that
 * its {@code issuer} is exactly the configured one (OIDC Discovery §4.3) and returns {@code jwks_uri}.
 */
final class Discovery {
  static final String PATH = "/.well-known/openid-configuration";

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Discovery() {}

  /** Where the configuration document of an issuer lives. */
  static URI configurationUri(String issuer) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    return URI.create(base + PATH);
  }

  /**
   * Fetches the configuration and returns the issuer's JWKS URL.
   *
   * @throws IOException when the document cannot be fetched, names another issuer or lacks a usable {@code jwks_uri}
   */
  static URI jwksUri(HttpFetcher http, String issuer) throws IOException {
    URI location = configurationUri(issuer);
    Map<String, String> members = topLevelStrings(http.get(location, "application/json").body(), location);
    if (!issuer.equals(members.get("issuer"))) {
      throw new IOException("discovery document at " + location + " names another issuer than " + issuer);
    }
    String jwksUri = members.get("jwks_uri");
    if (jwksUri == null) {
      throw new IOException("discovery document at " + location + " has no jwks_uri");
    }
    try {
      URI uri = HttpUrls.require(jwksUri, "jwks_uri");
      if (location.getScheme().equalsIgnoreCase("https") && !uri.getScheme().equalsIgnoreCase("https")) {
        throw new IllegalArgumentException("jwks_uri must be https for an https issuer");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IOException("discovery document at " + location + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> topLevelStrings(String json, URI location) throws IOException {
    Map<String, String> members = new HashMap<>();
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("discovery document at " + location + " is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (parser.nextToken() == JsonToken.VALUE_STRING) {
          members.put(name, parser.getText());
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new IOException("discovery document at " + location + " has content after the JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new IOException("discovery document at " + location + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return members;
  }
}
