package io.gatehouse.sdk;

import io.gatehouse.token.verify.VerifiedToken;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a verified token speaks for and what it may do.
 *
 * @param subject {@code sub}: the user or client id
 * @param clientId {@code client_id}: the client the token was issued to
 * @param permissions {@code scope} split on spaces
 * @param apiKeyId {@code api_key_id}, when the token was minted for an API key
 * @param expiresAt {@code exp}
 * @param claims every claim of the token
 */
public record Principal(
    String subject,
    Optional<String> clientId,
    Set<String> permissions,
    Optional<String> apiKeyId,
    Instant expiresAt,
    Map<String, Object> claims) {

  /** Copies the collections so a principal cannot change after it was handed out. */
  public Principal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(apiKeyId, "apiKeyId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    permissions = Collections.unmodifiableSet(new LinkedHashSet<>(permissions));
    claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
  }

  /** The principal of a verified token. */
  public static Principal of(VerifiedToken token) {
    return new Principal(token.subject(), token.clientId(), token.scopes(), token.apiKeyId(), token.expiresAt(),
        token.claims());
  }

  /** Whether the token carries this permission. */
  public boolean hasPermission(String permission) {
    return permissions.contains(permission);
  }

  /**
   * Requires every one of these permissions.
   *
   * @throws ForbiddenException listing the ones missing
   */
  public void require(String... required) {
    require(Arrays.asList(required));
  }

  /**
   * Requires every one of these permissions.
   *
   * @throws ForbiddenException listing the ones missing
   */
  public void require(Collection<String> required) {
    Set<String> missing = new LinkedHashSet<>(required);
    missing.removeAll(permissions);
    if (!missing.isEmpty()) {
      throw new ForbiddenException(new LinkedHashSet<>(required), missing);
    }
  }
}
