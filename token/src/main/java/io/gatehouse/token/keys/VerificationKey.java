package io.gatehouse.token.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.internal.Ed25519Encoding;
import io.gatehouse.token.internal.ForProvider;
import io.gatehouse.token.internal.JcaEd25519;
import io.gatehouse.token.internal.RocaCheck;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;

/**
 * A public key pinned to one algorithm. Holds no private material by construction: it is built
 * from {@link JWK#toPublicJWK()}, so nothing reachable from it can leak a private key.
 */
public final class VerificationKey {
  private final SigningAlgorithm algorithm;
  private final String kid;
  private final JWK jwk;
  private final PublicKey publicKey;
  private final boolean usableForSignatures;
  private volatile ForProvider<JWSVerifier> cachedVerifier;

  private VerificationKey(SigningAlgorithm algorithm, String kid, JWK jwk, PublicKey publicKey) {
    this.algorithm = algorithm;
    this.kid = kid;
    this.jwk = jwk;
    this.publicKey = publicKey;
    this.usableForSignatures = allowsVerify(jwk);
  }

  /**
   * Builds a key from a JWK (private members are dropped). The algorithm comes from the key type
   * and curve; a JWK {@code alg} that disagrees is refused. Without a {@code kid} the RFC 7638
   * thumbprint is used.
   *
   * @throws KeyException for unsupported key types, curves or algorithms, RSA keys under 2048
   *     bits, degenerate RSA exponents and ROCA-weak moduli
   */
  public static VerificationKey fromJwk(JWK jwk) {
    JWK publicJwk = jwk.toPublicJWK();
    if (publicJwk == null) {
      throw new KeyException("key type " + jwk.getKeyType() + " has no public form and cannot verify");
    }
    SigningAlgorithm algorithm = algorithmOf(publicJwk);
    try {
      String kid = publicJwk.getKeyID() != null ? publicJwk.getKeyID() : publicJwk.computeThumbprint().toString();
      return new VerificationKey(algorithm, kid, publicJwk, javaKey(algorithm, publicJwk));
    } catch (JOSEException | GeneralSecurityException e) {
      throw new KeyException("invalid " + algorithm.joseName() + " key: " + e.getMessage(), e);
    }
  }

  /** The one algorithm this key verifies. */
  public SigningAlgorithm algorithm() {
    return algorithm;
  }

  /** The key id. */
  public String kid() {
    return kid;
  }

  /** The public JWK (never holds private members). */
  public JWK jwk() {
    return jwk;
  }

  /** The JCA public key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** False when the JWK's {@code use} is not {@code sig} or its {@code key_ops} lack {@code verify}. */
  public boolean usableForSignatures() {
    return usableForSignatures;
  }

  /** A Nimbus verifier for this key on the given provider (cached per provider). */
  public JWSVerifier verifier(CryptoProvider provider) {
    ForProvider<JWSVerifier> cached = cachedVerifier;
    if (cached != null && cached.provider() == provider) {
      return cached.value();
    }
    JWSVerifier verifier = newVerifier(provider);
    cachedVerifier = new ForProvider<>(provider, verifier);
    return verifier;
  }

  @Override
  public String toString() {
    return "VerificationKey[" + algorithm.joseName() + ", kid=" + kid + "]";
  }

  private JWSVerifier newVerifier(CryptoProvider provider) {
    try {
      switch (algorithm) {
        case ES256: {
          ECDSAVerifier verifier = new ECDSAVerifier(provider.translate((ECPublicKey) publicKey, ECPublicKey.class));
          provider.configure(verifier.getJCAContext());
          return verifier;
        }
        case RS256: {
          RSASSAVerifier verifier = new RSASSAVerifier(provider.translate((RSAPublicKey) publicKey, RSAPublicKey.class));
          provider.configure(verifier.getJCAContext());
          return verifier;
        }
        default:
          return JcaEd25519.verifier(provider.translate(publicKey, PublicKey.class), provider);
      }
    } catch (JOSEException e) {
      throw new KeyException("cannot verify with key " + kid + ": " + e.getMessage(), e);
    }
  }

  static SigningAlgorithm algorithmOf(JWK jwk) {
    SigningAlgorithm algorithm;
    if (KeyType.EC.equals(jwk.getKeyType()) && Curve.P_256.equals(((ECKey) jwk).getCurve())) {
      algorithm = SigningAlgorithm.ES256;
    } else if (KeyType.OKP.equals(jwk.getKeyType()) && Curve.Ed25519.equals(((OctetKeyPair) jwk).getCurve())) {
      algorithm = SigningAlgorithm.EDDSA;
    } else if (KeyType.RSA.equals(jwk.getKeyType())) {
      algorithm = SigningAlgorithm.RS256;
      checkRsa((RSAKey) jwk);
    } else {
      throw new KeyException("unsupported key: kty=" + jwk.getKeyType() + curveSuffix(jwk)
          + " (supported: EC P-256, OKP Ed25519, RSA >= " + SigningAlgorithm.MIN_RSA_BITS + " bits)");
    }
    if (jwk.getAlgorithm() != null && !algorithm.matchesHeader(jwk.getAlgorithm().getName())) {
      throw new KeyException("key alg " + jwk.getAlgorithm() + " does not match its key type (expected "
          + algorithm.joseName() + ")");
    }
    return algorithm;
  }

  private static void checkRsa(RSAKey key) {
    BigInteger modulus = key.getModulus().decodeToBigInteger();
    BigInteger exponent = key.getPublicExponent().decodeToBigInteger();
    if (modulus.bitLength() < SigningAlgorithm.MIN_RSA_BITS) {
      throw new KeyException("RSA key has " + modulus.bitLength() + " bits; at least "
          + SigningAlgorithm.MIN_RSA_BITS + " are required");
    }
    if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
      throw new KeyException("RSA public exponent must be odd and at least 3");
    }
    if (RocaCheck.isVulnerable(modulus)) {
      throw new KeyException("RSA modulus has the ROCA weakness (CVE-2017-15361)");
    }
  }

  private static String curveSuffix(JWK jwk) {
    if (jwk instanceof ECKey) {
      return ", crv=" + ((ECKey) jwk).getCurve();
    }
    if (jwk instanceof OctetKeyPair) {
      return ", crv=" + ((OctetKeyPair) jwk).getCurve();
    }
    return "";
  }

  private static PublicKey javaKey(SigningAlgorithm algorithm, JWK jwk)
      throws JOSEException, GeneralSecurityException {
    switch (algorithm) {
      case ES256:
        return ((ECKey) jwk).toECPublicKey();
      case RS256:
        return ((RSAKey) jwk).toRSAPublicKey();
      default:
        byte[] raw = ((OctetKeyPair) jwk).getX().decode();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Ed25519Encoding.x509(raw)));
    }
  }

  private static boolean allowsVerify(JWK jwk) {
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      return false;
    }
    Set<KeyOperation> ops = jwk.getKeyOperations();
    return ops == null || ops.contains(KeyOperation.VERIFY);
  }

}
