package io.gatehouse.token.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.internal.Ed25519Encoding;
import io.gatehouse.token.internal.ForProvider;
import io.gatehouse.token.internal.JcaEd25519;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;

/**
 * A private signing key pinned to one algorithm, with {@code kid} = RFC 7638 thumbprint.
 * {@link #toString()} prints only the algorithm and kid; the private JWK leaves this type only
 * through {@link #toPrivateJwkJson()}.
 */
public final class SigningKey {
  private final SigningAlgorithm algorithm;
  private final JWK privateJwk;
  private final PrivateKey privateKey;
  private final VerificationKey verificationKey;
  private volatile ForProvider<JWSSigner> cachedSigner;

  private SigningKey(SigningAlgorithm algorithm, JWK privateJwk) {
    this.algorithm = algorithm;
    this.privateJwk = privateJwk;
    this.verificationKey = VerificationKey.fromJwk(privateJwk);
    try {
      this.privateKey = javaPrivateKey(algorithm, privateJwk);
    } catch (JOSEException | GeneralSecurityException e) {
      throw new KeyException("invalid " + algorithm.joseName() + " private key: " + e.getMessage(), e);
    }
  }

  /** Generates a new key (RSA: 2048 bits). */
  public static SigningKey generate(SigningAlgorithm algorithm) {
    return generate(algorithm, SigningAlgorithm.MIN_RSA_BITS);
  }

  /**
   * Generates a new key; {@code rsaBits} applies to RS256 only.
   *
   * @throws KeyException when {@code rsaBits} is under 2048
   */
  public static SigningKey generate(SigningAlgorithm algorithm, int rsaBits) {
    try {
      JWK jwk;
      switch (algorithm) {
        case ES256:
          jwk = new ECKeyGenerator(Curve.P_256).generate();
          break;
        case RS256:
          if (rsaBits < SigningAlgorithm.MIN_RSA_BITS) {
            throw new KeyException("RSA keys must have at least " + SigningAlgorithm.MIN_RSA_BITS
                + " bits, was: " + rsaBits);
          }
          jwk = new RSAKeyGenerator(rsaBits).generate();
          break;
        default:
          jwk = generateEd25519();
      }
      return new SigningKey(algorithm, withIdentity(jwk, algorithm));
    } catch (JOSEException | GeneralSecurityException e) {
      throw new KeyException("cannot generate " + algorithm.joseName() + " key: " + e.getMessage(), e);
    }
  }

  /**
   * Loads a private JWK. Its {@code kid} must be absent or equal to its thumbprint, its
   * {@code alg} absent or matching the key type.
   *
   * @throws KeyException when the JSON is not a supported private key
   */
  public static SigningKey fromJwkJson(String json) {
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (ParseException e) {
      throw new KeyException("not a valid JWK: " + e.getMessage(), e);
    }
    if (!jwk.isPrivate()) {
      throw new KeyException("JWK has no private members; a signing key needs them");
    }
    SigningAlgorithm algorithm = VerificationKey.algorithmOf(jwk);
    try {
      String thumbprint = jwk.computeThumbprint().toString();
      if (jwk.getKeyID() != null && !jwk.getKeyID().equals(thumbprint)) {
        throw new KeyException("JWK kid must be its RFC 7638 thumbprint " + thumbprint + ", was: " + jwk.getKeyID());
      }
      return new SigningKey(algorithm, withIdentity(jwk, algorithm));
    } catch (JOSEException e) {
      throw new KeyException("invalid JWK: " + e.getMessage(), e);
    }
  }

  /** The one algorithm this key signs with. */
  public SigningAlgorithm algorithm() {
    return algorithm;
  }

  /** The key id (RFC 7638 thumbprint). */
  public String kid() {
    return verificationKey.kid();
  }

  /** The public half. */
  public VerificationKey verificationKey() {
    return verificationKey;
  }

  /** The private JWK as JSON: for writing to a protected file or an encrypted store only. */
  public String toPrivateJwkJson() {
    return privateJwk.toJSONString();
  }

  /** A Nimbus signer on the given provider (cached per provider). */
  public JWSSigner signer(CryptoProvider provider) {
    ForProvider<JWSSigner> cached = cachedSigner;
    if (cached != null && cached.provider() == provider) {
      return cached.value();
    }
    JWSSigner signer = newSigner(provider);
    cachedSigner = new ForProvider<>(provider, signer);
    return signer;
  }

  @Override
  public String toString() {
    return "SigningKey[" + algorithm.joseName() + ", kid=" + kid() + "]";
  }

  private JWSSigner newSigner(CryptoProvider provider) {
    try {
      switch (algorithm) {
        case ES256: {
          ECDSASigner signer = new ECDSASigner(provider.translate(privateKey, PrivateKey.class), Curve.P_256);
          provider.configure(signer.getJCAContext());
          return signer;
        }
        case RS256: {
          RSASSASigner signer = new RSASSASigner(provider.translate(privateKey, PrivateKey.class));
          provider.configure(signer.getJCAContext());
          return signer;
        }
        default:
          return JcaEd25519.signer(provider.translate(privateKey, PrivateKey.class), provider);
      }
    } catch (JOSEException e) {
      throw new KeyException("cannot sign with key " + kid() + ": " + e.getMessage(), e);
    }
  }

  private static JWK generateEd25519() throws GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] x = Ed25519Encoding.rawPublic(pair.getPublic().getEncoded());
    byte[] d = Ed25519Encoding.rawPrivate(pair.getPrivate().getEncoded());
    return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).build();
  }

  private static JWK withIdentity(JWK jwk, SigningAlgorithm algorithm) throws JOSEException {
    String kid = jwk.computeThumbprint().toString();
    if (jwk instanceof ECKey) {
      return new ECKey.Builder((ECKey) jwk).keyID(kid).keyUse(KeyUse.SIGNATURE)
          .algorithm(algorithm.jwsAlgorithm()).build();
    }
    if (jwk instanceof RSAKey) {
      return new RSAKey.Builder((RSAKey) jwk).keyID(kid).keyUse(KeyUse.SIGNATURE)
          .algorithm(algorithm.jwsAlgorithm()).build();
    }
    return new OctetKeyPair.Builder((OctetKeyPair) jwk).keyID(kid).keyUse(KeyUse.SIGNATURE)
        .algorithm(algorithm.jwsAlgorithm()).build();
  }

  private static PrivateKey javaPrivateKey(SigningAlgorithm algorithm, JWK jwk)
      throws JOSEException, GeneralSecurityException {
    switch (algorithm) {
      case ES256:
        return ((ECKey) jwk).toECPrivateKey();
      case RS256:
        return ((RSAKey) jwk).toRSAPrivateKey();
      default:
        byte[] raw = ((OctetKeyPair) jwk).getD().decode();
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Ed25519Encoding.pkcs8(raw)));
    }
  }

}
