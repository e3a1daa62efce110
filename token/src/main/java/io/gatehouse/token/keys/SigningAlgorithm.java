package io.gatehouse.token.keys;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.Locale;
import java.util.Optional;

/** The JWS algorithms Gatehouse signs and verifies with. */
public enum SigningAlgorithm {
  /** ECDSA on P-256 with SHA-256; the default. */
  ES256("ES256", JWSAlgorithm.ES256),
  /** Ed25519, written as {@code EdDSA}; the fully-specified {@code Ed25519} (RFC 9864) is accepted too. */
  EDDSA("EdDSA", JWSAlgorithm.EdDSA),
  /** RSASSA-PKCS1-v1_5 with SHA-256, keys of at least 2048 bits. */
  RS256("RS256", JWSAlgorithm.RS256);

  /** Smallest RSA modulus generated or loaded. */
  public static final int MIN_RSA_BITS = 2048;

  private final String joseName;
  private final JWSAlgorithm jwsAlgorithm;

  SigningAlgorithm(String joseName, JWSAlgorithm jwsAlgorithm) {
    this.joseName = joseName;
    this.jwsAlgorithm = jwsAlgorithm;
  }

  /** The {@code alg} value written to headers and JWKs. */
  public String joseName() {
    return joseName;
  }

  /** The Nimbus algorithm. */
  public JWSAlgorithm jwsAlgorithm() {
    return jwsAlgorithm;
  }

  /** Whether a JWS header's {@code alg} names this algorithm (exact, case-sensitive). */
  public boolean matchesHeader(String alg) {
    return joseName.equals(alg) || (this == EDDSA && "Ed25519".equals(alg));
  }

  /** The algorithm a JWS header's {@code alg} names, if it is one of ours. */
  public static Optional<SigningAlgorithm> fromHeader(String alg) {
    for (SigningAlgorithm algorithm : values()) {
      if (algorithm.matchesHeader(alg)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /** Parses a name from configuration or the command line, case-insensitively. */
  public static SigningAlgorithm parse(String name) {
    String upper = name == null ? "" : name.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "ES256":
        return ES256;
      case "EDDSA":
      case "ED25519":
        return EDDSA;
      case "RS256":
        return RS256;
      default:
        throw new IllegalArgumentException(
            "algorithm must be one of ES256, EdDSA, RS256, was: " + name);
    }
  }
}
