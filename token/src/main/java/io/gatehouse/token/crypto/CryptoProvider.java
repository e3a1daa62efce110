package io.gatehouse.token.crypto;

import com.nimbusds.jose.jca.JCAContext;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A JCA provider for signatures and keys: ACCP or the JDK's own. */
public final class CryptoProvider {
  private static final Logger LOG = LoggerFactory.getLogger(CryptoProvider.class);
  private static final String ACCP_CLASS =
      "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
  private static final CryptoProvider JDK = new CryptoProvider("JDK", null);
  private static final Optional<CryptoProvider> ACCP = loadAccp();
  private static final CryptoProvider PREFERRED = choosePreferred();

  private final String name;
  private final Provider provider;

  private CryptoProvider(String name, Provider provider) {
    this.name = name;
    this.provider = provider;
  }

  /** ACCP when it loaded on this machine, otherwise the JDK; logs its choice once. */
  public static CryptoProvider preferred() {
    return PREFERRED;
  }

  /** The JDK's default providers. */
  public static CryptoProvider jdk() {
    return JDK;
  }

  /** The Amazon Corretto Crypto Provider, if its native library loaded here. */
  public static Optional<CryptoProvider> accp() {
    return ACCP;
  }

  /** {@code ACCP} or {@code JDK}. */
  public String name() {
    return name;
  }

  /** A fresh {@link Signature} for a JCA algorithm name. */
  public Signature signature(String algorithm) throws GeneralSecurityException {
    return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
  }

  /** A {@link KeyFactory} for a JCA key algorithm. */
  public KeyFactory keyFactory(String algorithm) throws GeneralSecurityException {
    return provider == null ? KeyFactory.getInstance(algorithm) : KeyFactory.getInstance(algorithm, provider);
  }

  /** A {@link KeyPairGenerator} for a JCA key algorithm. */
  public KeyPairGenerator keyPairGenerator(String algorithm) throws GeneralSecurityException {
    return provider == null
        ? KeyPairGenerator.getInstance(algorithm)
        : KeyPairGenerator.getInstance(algorithm, provider);
  }

  /**
   * The key in this provider's own representation, so it is not converted again on every
   * signature (ACCP otherwise re-imports a JDK key per operation). Falls back to the key as given.
   */
  public <K extends Key> K translate(K key, Class<K> type) {
    if (provider == null) {
      return key;
    }
    try {
      Key translated = keyFactory(key.getAlgorithm()).translateKey(key);
      return type.isInstance(translated) ? type.cast(translated) : key;
    } catch (GeneralSecurityException | RuntimeException e) {
      LOG.debug("{} keeps a {} key untranslated: {}", name, key.getAlgorithm(), e.toString());
      return key;
    }
  }

  /** Points a Nimbus signer's or verifier's JCA context at this provider. */
  public void configure(JCAContext context) {
    context.setProvider(provider);
  }

  @Override
  public String toString() {
    return name;
  }

  private static Optional<CryptoProvider> loadAccp() {
    try {
      Class<?> type = Class.forName(ACCP_CLASS);
      Provider provider = (Provider) type.getField("INSTANCE").get(null);
      Object error = type.getMethod("getLoadingError").invoke(provider);
      if (error != null) {
        LOG.debug("ACCP did not load: {}", error);
        return Optional.empty();
      }
      return Optional.of(new CryptoProvider("ACCP", provider));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.debug("ACCP is not available: {}", e.toString());
      return Optional.empty();
    }
  }

  private static CryptoProvider choosePreferred() {
    if (ACCP.isPresent()) {
      LOG.info("crypto provider: ACCP (Amazon Corretto Crypto Provider)");
      return ACCP.get();
    }
    LOG.info("crypto provider: JDK (ACCP did not load on this platform; signatures are slower)");
    return JDK;
  }
}
