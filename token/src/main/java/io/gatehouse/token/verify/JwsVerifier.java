package io.gatehouse.token.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.VerificationKey;
import io.gatehouse.token.keys.VerificationKeys;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Verifies the signature of a compact JWS against a key set. The algorithm is the key's: the
 * header's {@code alg} must name it, it never chooses it.
 */
public final class JwsVerifier {
  /** Default longest token, checked before decoding. */
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 8 * 1024;

  private static final Map<SigningAlgorithm, JWSHeader> HEADERS = headers();

  private final VerificationKeys keys;
  private final CryptoProvider provider;
  private final int maxTokenLength;

  private JwsVerifier(Builder builder) {
    this.keys = builder.keys;
    this.provider = builder.provider;
    this.maxTokenLength = builder.maxTokenLength;
  }

  /** A builder; {@link Builder#keys} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses and verifies.
   *
   * @throws TokenRejectedException with the first reason found
   */
  public VerifiedJws verify(String token) {
    CompactJws jws = CompactJws.parse(token, maxTokenLength);
    SigningAlgorithm algorithm = SigningAlgorithm.fromHeader(jws.algorithm())
        .orElseThrow(() -> new TokenRejectedException(Rejection.UNSUPPORTED_ALGORITHM,
            "alg " + jws.algorithm() + " is not accepted"));
    VerificationKey key = selectKey(jws, algorithm);
    if (!key.usableForSignatures()) {
      throw new TokenRejectedException(Rejection.UNUSABLE_KEY, "key " + key.kid() + " is not for signatures");
    }
    if (key.algorithm() != algorithm) {
      throw new TokenRejectedException(Rejection.ALGORITHM_MISMATCH,
          "key " + key.kid() + " is " + key.algorithm().joseName() + ", token says " + jws.algorithm());
    }
    if (!signatureValid(jws, key)) {
      throw new TokenRejectedException(Rejection.BAD_SIGNATURE, "signature does not verify");
    }
    return new VerifiedJws(jws, key);
  }

  private VerificationKey selectKey(CompactJws jws, SigningAlgorithm algorithm) {
    if (jws.kid().isPresent()) {
      String kid = jws.kid().get();
      return keys.byKid(kid).orElseThrow(() ->
          new TokenRejectedException(Rejection.UNKNOWN_KEY, "no key with kid " + kid));
    }
    List<VerificationKey> candidates = keys.all().stream()
        .filter(k -> k.algorithm() == algorithm).collect(Collectors.toList());
    if (candidates.size() != 1) {
      throw new TokenRejectedException(Rejection.UNKNOWN_KEY,
          "token has no kid and " + candidates.size() + " keys could have signed it");
    }
    return candidates.get(0);
  }

  private boolean signatureValid(CompactJws jws, VerificationKey key) {
    try {
      return key.verifier(provider)
          .verify(HEADERS.get(key.algorithm()), jws.signingInput(), new Base64URL(jws.signature()));
    } catch (JOSEException e) {
      return false;
    }
  }

  private static Map<SigningAlgorithm, JWSHeader> headers() {
    Map<SigningAlgorithm, JWSHeader> headers = new EnumMap<>(SigningAlgorithm.class);
    for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
      headers.put(algorithm, new JWSHeader(algorithm.jwsAlgorithm()));
    }
    return headers;
  }

  /** The result: the parsed JWS and the key that verified it. */
  public static final class VerifiedJws {
    private final CompactJws jws;
    private final VerificationKey key;

    VerifiedJws(CompactJws jws, VerificationKey key) {
      this.jws = jws;
      this.key = key;
    }

    /** The parsed token. */
    public CompactJws jws() {
      return jws;
    }

    /** The key whose signature verified. */
    public VerificationKey key() {
      return key;
    }
  }

  /** Builds a {@link JwsVerifier}. */
  public static final class Builder {
    private VerificationKeys keys;
    private CryptoProvider provider = CryptoProvider.preferred();
    private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;

    private Builder() {}

    /** Where keys are looked up; required. */
    public Builder keys(VerificationKeys keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /** The JCA provider; default {@link CryptoProvider#preferred()}. */
    public Builder provider(CryptoProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** Longest token accepted, in characters; default 8192. */
    public Builder maxTokenLength(int maxTokenLength) {
      if (maxTokenLength < 64) {
        throw new IllegalArgumentException("max token length must be at least 64, was: " + maxTokenLength);
      }
      this.maxTokenLength = maxTokenLength;
      return this;
    }

    /** Builds the verifier. */
    public JwsVerifier build() {
      if (keys == null) {
        throw new IllegalStateException("keys must be set");
      }
      return new JwsVerifier(this);
    }
  }
}
