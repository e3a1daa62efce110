package io.gatehouse.token.jwks;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.gatehouse.token.internal.StrictJson;
import io.gatehouse.token.keys.KeyException;
import io.gatehouse.token.keys.VerificationKey;
import io.gatehouse.token.keys.VerificationKeys;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An immutable JWKS of public verification keys. */
public final class PublicJwks implements VerificationKeys {
  /** Media type of a JWKS document (RFC 7517 §8.5). */
  public static final String MEDIA_TYPE = "application/jwk-set+json";

  private static final Logger LOG = LoggerFactory.getLogger(PublicJwks.class);
  private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  private final List<VerificationKey> keys;

  private PublicJwks(List<VerificationKey> keys) {
    Set<String> kids = new HashSet<>();
    for (VerificationKey key : keys) {
      if (!kids.add(key.kid())) {
        throw new KeyException("JWKS holds kid " + key.kid() + " more than once");
      }
    }
    this.keys = List.copyOf(keys);
  }

  /** A JWKS of these keys; refuses duplicate kids. */
  public static PublicJwks of(List<VerificationKey> keys) {
    return new PublicJwks(keys);
  }

  /**
   * Parses a JWKS document strictly. Refuses the whole set when any key carries private or
   * symmetric members, a {@code kid} repeats, or the JSON is malformed. A key that cannot verify
   * (unsupported type or curve, RSA under 2048 bits, off-curve point) is skipped with a warning.
   *
   * @throws KeyException with the reason
   */
  public static PublicJwks parse(String json) {
    Map<String, Object> document;
    try {
      document = StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new KeyException("JWKS is not valid JSON: " + e.getMessage(), e);
    }
    if (!(document.get("keys") instanceof List)) {
      throw new KeyException("JWKS must have a \"keys\" array");
    }
    List<VerificationKey> keys = new ArrayList<>();
    for (Object member : (List<?>) document.get("keys")) {
      if (!(member instanceof Map)) {
        throw new KeyException("JWKS \"keys\" must hold JSON objects");
      }
      Map<?, ?> jwk = (Map<?, ?>) member;
      for (String name : PRIVATE_MEMBERS) {
        if (jwk.containsKey(name)) {
          throw new KeyException("JWKS must hold public keys only; a key has private member \"" + name + "\"");
        }
      }
      parseKey(jwk).ifPresent(keys::add);
    }
    return new PublicJwks(keys);
  }

  /** The keys, in document order. */
  @Override
  public List<VerificationKey> all() {
    return keys;
  }

  @Override
  public Optional<VerificationKey> byKid(String kid) {
    return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
  }

  /** The JWKS JSON ({@code {"keys": [...]}}), public members only. */
  public String toJson() {
    return new JWKSet(keys.stream().map(VerificationKey::jwk).collect(Collectors.toList())).toString(true);
  }

  @Override
  public String toString() {
    return "PublicJwks" + keys.stream().map(VerificationKey::kid).collect(Collectors.toList());
  }

  private static Optional<VerificationKey> parseKey(Map<?, ?> member) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> json = (Map<String, Object>) member;
      return Optional.of(VerificationKey.fromJwk(JWK.parse(json)));
    } catch (ParseException | RuntimeException e) {
      // One unusable key (weak, unknown type, off-curve) must not take the other keys down with it.
      LOG.warn("JWKS key {} skipped: {}", member.get("kid"), e.getMessage());
      return Optional.empty();
    }
  }
}
