package io.gatehouse.token.mint;

import io.gatehouse.token.TokenType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What a token should say: subject, audience, client, permissions, lifetime. Built and validated by {@link #builder()}. */
public final class TokenRequest {
  /** Claims the issuer writes itself; {@link Builder#claim} refuses them. */
  static final Set<String> RESERVED_CLAIMS =
      Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "client_id", "scope", "api_key_id");

  private final String subject;
  private final List<String> audience;
  private final String clientId;
  private final Set<String> scopes;
  private final Duration lifetime;
  private final String apiKeyId;
  private final TokenType type;
  private final Map<String, Object> extraClaims;

  private TokenRequest(Builder builder) {
    this.subject = builder.subject;
    this.audience = List.copyOf(builder.audience);
    this.clientId = builder.clientId;
    this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.scopes));
    this.lifetime = builder.lifetime;
    this.apiKeyId = builder.apiKeyId;
    this.type = builder.type;
    this.extraClaims = Map.copyOf(builder.extraClaims);
  }

  /** A builder; subject, audience, client id and lifetime are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code sub}. */
  public String subject() {
    return subject;
  }

  /** {@code aud}. */
  public List<String> audience() {
    return audience;
  }

  /** {@code client_id}. */
  public String clientId() {
    return clientId;
  }

  /** The permissions in the order given, written space-separated to {@code scope}. */
  public Set<String> scopes() {
    return scopes;
  }

  /** {@code exp - iat}. */
  public Duration lifetime() {
    return lifetime;
  }

  /** {@code api_key_id}, for tokens minted for an API key. */
  public Optional<String> apiKeyId() {
    return Optional.ofNullable(apiKeyId);
  }

  /** The {@code typ} header. */
  public TokenType type() {
    return type;
  }

  /** Further claims (e.g. {@code act}). */
  public Map<String, Object> extraClaims() {
    return extraClaims;
  }

  /** Builds a {@link TokenRequest}. */
  public static final class Builder {
    private String subject;
    private final List<String> audience = new ArrayList<>();
    private String clientId;
    private final Set<String> scopes = new LinkedHashSet<>();
    private Duration lifetime;
    private String apiKeyId;
    private TokenType type = TokenType.AT_JWT;
    private final Map<String, Object> extraClaims = new LinkedHashMap<>();

    private Builder() {}

    /** {@code sub}: user or client id. */
    public Builder subject(String subject) {
      this.subject = requireText(subject, "subject");
      return this;
    }

    /** Adds an audience. */
    public Builder audience(String audience) {
      this.audience.add(requireText(audience, "audience"));
      return this;
    }

    /** {@code client_id}: the client the token was issued to. */
    public Builder clientId(String clientId) {
      this.clientId = requireText(clientId, "client id");
      return this;
    }

    /** The permissions; each must be non-blank and free of spaces. */
    public Builder scopes(Collection<String> scopes) {
      for (String scope : scopes) {
        if (scope == null || scope.isBlank() || scope.contains(" ")) {
          throw new IllegalArgumentException("scope must be non-blank without spaces, was: \"" + scope + "\"");
        }
        this.scopes.add(scope);
      }
      return this;
    }

    /** Lifetime, positive. */
    public Builder lifetime(Duration lifetime) {
      if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("lifetime must be positive, was: " + lifetime);
      }
      this.lifetime = lifetime;
      return this;
    }

    /** Marks the token as minted for an API key. */
    public Builder apiKeyId(String apiKeyId) {
      this.apiKeyId = requireText(apiKeyId, "api key id");
      return this;
    }

    /** The {@code typ} header; default {@code at+jwt}. */
    public Builder type(TokenType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /** A further claim; registered and contract claims are refused (the issuer writes those). */
    public Builder claim(String name, Object value) {
      if (RESERVED_CLAIMS.contains(name)) {
        throw new IllegalArgumentException("claim " + name + " is set by the issuer");
      }
      extraClaims.put(requireText(name, "claim name"), Objects.requireNonNull(value, "claim value"));
      return this;
    }

    /** Validates and builds. */
    public TokenRequest build() {
      if (subject == null) {
        throw new IllegalStateException("subject must be set");
      }
      if (audience.isEmpty()) {
        throw new IllegalStateException("at least one audience must be set");
      }
      if (clientId == null) {
        throw new IllegalStateException("client id must be set");
      }
      if (lifetime == null) {
        throw new IllegalStateException("lifetime must be set");
      }
      return new TokenRequest(this);
    }

    private static String requireText(String value, String field) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(field + " must not be blank");
      }
      return value;
    }
  }
}
