package io.gatehouse.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds compact JWS by hand, so a test controls every byte of the header, the payload, their
 * encoding and the signature, and a forged token carries exactly one defect.
 */
public final class Forge {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Forge() {}

  /** Canonical base64url (no padding) of the UTF-8 bytes. */
  public static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Canonical base64url (no padding). */
  public static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** JSON text of a map (insertion order kept; nulls written as {@code null}). */
  public static String json(Map<String, ?> members) {
    try {
      return MAPPER.writeValueAsString(members);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Encodes header and payload JSON and signs them with the key's own algorithm. */
  public static String jws(SigningKey key, CryptoProvider provider, String headerJson, String payloadJson) {
    return sign(key, provider, b64(headerJson), b64(payloadJson));
  }

  /**
   * Signs {@code encodedHeader.encodedPayload} exactly as given (which may be non-canonical) with
   * the key's own algorithm, whatever the header says.
   */
  public static String sign(SigningKey key, CryptoProvider provider, String encodedHeader, String encodedPayload) {
    String signingInput = encodedHeader + "." + encodedPayload;
    try {
      return signingInput + "." + key.signer(provider)
          .sign(new JWSHeader(key.algorithm().jwsAlgorithm()), signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An HS256 token whose HMAC secret is the given bytes. */
  public static String hs256(byte[] secret, String headerJson, String payloadJson) {
    String signingInput = b64(headerJson) + "." + b64(payloadJson);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
