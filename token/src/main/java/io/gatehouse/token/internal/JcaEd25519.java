package io.gatehouse.token.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.gatehouse.token.crypto.CryptoProvider;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;

/**
 * Ed25519 JWS signing and verifying on a JCA provider. Nimbus's own Ed25519 classes need Tink
 * (pure Java, slow); these run on ACCP or the JDK like every other algorithm here.
 */
public final class JcaEd25519 {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
  private static final int SIGNATURE_LENGTH = 64;

  private JcaEd25519() {}

  /** A Nimbus signer for an Ed25519 private key. */
  public static JWSSigner signer(PrivateKey key, CryptoProvider provider) {
    return new Signer(key, provider);
  }

  /** A Nimbus verifier for an Ed25519 public key. */
  public static JWSVerifier verifier(PublicKey key, CryptoProvider provider) {
    return new Verifier(key, provider);
  }

  private abstract static class Base {
    final CryptoProvider provider;
    private final JCAContext context = new JCAContext();

    Base(CryptoProvider provider) {
      this.provider = provider;
      provider.configure(context);
    }

    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return ALGORITHMS;
    }

    public JCAContext getJCAContext() {
      return context;
    }

    void requireSupported(JWSHeader header) throws JOSEException {
      if (!ALGORITHMS.contains(header.getAlgorithm())) {
        throw new JOSEException("unsupported algorithm " + header.getAlgorithm());
      }
    }
  }

  private static final class Signer extends Base implements JWSSigner {
    private final PrivateKey key;

    Signer(PrivateKey key, CryptoProvider provider) {
      super(provider);
      this.key = key;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
      requireSupported(header);
      try {
        Signature signature = provider.signature("Ed25519");
        signature.initSign(key);
        signature.update(signingInput);
        return Base64URL.encode(signature.sign());
      } catch (GeneralSecurityException e) {
        throw new JOSEException("Ed25519 signing failed: " + e.getMessage(), e);
      }
    }
  }

  private static final class Verifier extends Base implements JWSVerifier {
    private final PublicKey key;

    Verifier(PublicKey key, CryptoProvider provider) {
      super(provider);
      this.key = key;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signatureValue)
        throws JOSEException {
      requireSupported(header);
      byte[] signatureBytes = signatureValue.decode();
      if (signatureBytes.length != SIGNATURE_LENGTH) {
        return false;
      }
      try {
        Signature signature = provider.signature("Ed25519");
        signature.initVerify(key);
        signature.update(signingInput);
        return signature.verify(signatureBytes);
      } catch (GeneralSecurityException e) {
        return false;
      }
    }
  }
}
