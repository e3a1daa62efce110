package io.gatehouse.token.verify;

import static io.gatehouse.token.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.token.Forge;
import io.gatehouse.token.OnEveryProvider;
import io.gatehouse.token.Providers;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.internal.StrictJson;
import io.gatehouse.token.keys.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token's encoding: canonical base64url in all three parts, strict JSON, size and nesting
 * limits. A non-canonical part is signed as written, so a lenient decoder would accept it.
 */
class EncodingAttackTest {
  private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  enum Part { HEADER, PAYLOAD, SIGNATURE }

  /** Ways to write the same bytes in a non-canonical base64url. */
  enum Defect {
    UNUSED_BITS_SET(part -> {
      int last = BASE64URL.indexOf(part.charAt(part.length() - 1));
      return part.substring(0, part.length() - 1) + BASE64URL.charAt(last | 1);
    }),
    PADDING(part -> part + "=".repeat((4 - part.length() % 4) % 4)),
    STANDARD_ALPHABET(part -> part.replace('-', '+').replace('_', '/')),
    SPACE(part -> part.substring(0, part.length() / 2) + " " + part.substring(part.length() / 2)),
    LINE_BREAK(part -> part.substring(0, part.length() / 2) + "\r\n" + part.substring(part.length() / 2));

    final UnaryOperator<String> apply;

    Defect(UnaryOperator<String> apply) {
      this.apply = apply;
    }
  }

  static Stream<Arguments> partsAndDefects() {
    List<Arguments> cases = new ArrayList<>();
    for (CryptoProvider provider : Providers.all()) {
      for (Part part : Part.values()) {
        for (Defect defect : Defect.values()) {
          cases.add(Arguments.of(provider, part, defect));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{2} in {1} on {0}")
  @MethodSource("partsAndDefects")
  void rejectsNonCanonicalBase64url(CryptoProvider provider, Part part, Defect defect) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    // "???" puts '_' into the encoding and the leading spaces make the byte count not a multiple
    // of 3, so every defect has something to change: unused bits, room for padding, a '_' to swap.
    Map<String, Object> header = es256.header();
    header.put("x-note", "???");
    Map<String, Object> claims = es256.claims();
    claims.put("jti", "???");
    String encodedHeader = Forge.b64(unaligned(Forge.json(header)));
    String encodedPayload = Forge.b64(unaligned(Forge.json(claims)));
    String canonical = signedWithUrlSafeSignature(es256, encodedHeader, encodedPayload);
    String signature = canonical.substring(canonical.lastIndexOf('.') + 1);

    String token;
    switch (part) {
      case HEADER:
        token = Forge.sign(es256.key, provider, defect.apply.apply(encodedHeader), encodedPayload);
        break;
      case PAYLOAD:
        token = Forge.sign(es256.key, provider, encodedHeader, defect.apply.apply(encodedPayload));
        break;
      default:
        token = encodedHeader + "." + encodedPayload + "." + defect.apply.apply(signature);
    }

    assertThat(token).isNotEqualTo(canonical);
    assertThat(es256.verify(canonical).subject()).isEqualTo("alice");
    assertRejected(Rejection.MALFORMED, () -> es256.verify(token));
  }

  @OnEveryProvider
  void rejectsDuplicateClaim(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String claims = Forge.json(es256.claims());
    String withDuplicate = claims.substring(0, claims.length() - 1) + ",\"sub\":\"admin\"}";

    assertRejected(Rejection.MALFORMED, () -> es256.verify(es256.token(Forge.json(es256.header()), withDuplicate)));
  }

  @OnEveryProvider
  void rejectsDuplicateClaimInsideANestedObject(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String claims = Forge.json(es256.claims());
    String withDuplicate = claims.substring(0, claims.length() - 1) + ",\"act\":{\"sub\":\"a\",\"sub\":\"b\"}}";

    assertRejected(Rejection.MALFORMED, () -> es256.verify(es256.token(Forge.json(es256.header()), withDuplicate)));
  }

  @OnEveryProvider
  void rejectsClaimsSetThatIsNotAJsonObject(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);

    assertRejected(Rejection.MALFORMED, () -> es256.verify(es256.token(Forge.json(es256.header()), "[\"alice\"]")));
  }

  @OnEveryProvider
  void rejectsClaimsSetWithTrailingContent(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String claims = Forge.json(es256.claims()) + "{}";

    assertRejected(Rejection.MALFORMED, () -> es256.verify(es256.token(Forge.json(es256.header()), claims)));
  }

  @OnEveryProvider
  void rejectsClaimsSetThatIsNotUtf8(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    byte[] claims = Forge.json(es256.claims()).replace("alice", "al\u00e9ce").getBytes(StandardCharsets.ISO_8859_1);

    String token = Forge.sign(es256.key, provider, Forge.b64(Forge.json(es256.header())), Forge.b64(claims));

    assertRejected(Rejection.MALFORMED, () -> es256.verify(token));
  }

  @OnEveryProvider
  void rejectsClaimsSetInUtf16(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    byte[] claims = Forge.json(es256.claims()).getBytes(StandardCharsets.UTF_16BE);

    String token = Forge.sign(es256.key, provider, Forge.b64(Forge.json(es256.header())), Forge.b64(claims));

    assertRejected(Rejection.MALFORMED, () -> es256.verify(token));
  }

  @OnEveryProvider
  void rejectsOverlongUtf8InClaims(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("iss", "http:~~127.0.0.1:9000");
    byte[] utf8 = Forge.json(claims).getBytes(StandardCharsets.UTF_8);
    // Each '~' placeholder becomes an overlong two-byte '/': a second spelling of the real issuer.
    byte[] overlong = new byte[utf8.length + 2];
    int j = 0;
    for (byte b : utf8) {
      if (b == '~') {
        overlong[j++] = (byte) 0xc0;
        overlong[j++] = (byte) 0xaf;
      } else {
        overlong[j++] = b;
      }
    }

    String token = Forge.sign(es256.key, provider, Forge.b64(Forge.json(es256.header())), Forge.b64(overlong));

    assertRejected(Rejection.MALFORMED, () -> es256.verify(token));
  }

  @OnEveryProvider
  void acceptsClaimsNestedUpToTheDepthLimit(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);

    assertThat(es256.verify(es256.token(Forge.json(es256.header()), claimsNested(StrictJson.MAX_DEPTH))).subject())
        .isEqualTo("alice");
  }

  @OnEveryProvider
  void rejectsClaimsNestedBeyondTheDepthLimit(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String claims = claimsNested(StrictJson.MAX_DEPTH + 1);

    assertRejected(Rejection.MALFORMED, () -> es256.verify(es256.token(Forge.json(es256.header()), claims)));
  }

  @OnEveryProvider
  void rejectsGarbageOverTheLimitBeforeDecoding(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);

    assertRejected(Rejection.OVERSIZED, () -> es256.verify("!".repeat(9000)));
    assertRejected(Rejection.OVERSIZED, () -> es256.verify(".".repeat(9000)));
  }

  @OnEveryProvider
  void acceptsSignedTokenOfExactlyTheLimit(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String token = tokenOfLength(es256, JwsVerifier.DEFAULT_MAX_TOKEN_LENGTH);

    assertThat(token).hasSize(8192);
    assertThat(es256.verify(token).subject()).isEqualTo("alice");
  }

  @OnEveryProvider
  void rejectsSignedTokenOneCharacterOverTheLimit(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String token = tokenOfLength(es256, JwsVerifier.DEFAULT_MAX_TOKEN_LENGTH + 1);

    assertThat(token).hasSize(8193);
    assertRejected(Rejection.OVERSIZED, () -> es256.verify(token));
  }

  @OnEveryProvider
  void appliesAConfiguredLengthLimit(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String token = es256.token();
    AccessTokenVerifier strict = es256.verifier().maxTokenLength(token.length() - 1).build();
    AccessTokenVerifier roomy = es256.verifier().maxTokenLength(token.length()).build();

    assertRejected(Rejection.OVERSIZED, () -> strict.verify(token));
    assertThat(roomy.verify(token).subject()).isEqualTo("alice");
  }

  @OnEveryProvider
  void rejectsEmptyToken(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);

    assertRejected(Rejection.MALFORMED, () -> es256.verify(""));
    assertRejected(Rejection.MALFORMED, () -> es256.verify(null));
  }

  @OnEveryProvider
  void rejectsEmptyHeader(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String token = es256.token();

    assertRejected(Rejection.MALFORMED, () -> es256.verify(token.substring(token.indexOf('.'))));
  }

  /** Leading spaces inside the object until the UTF-8 length is not a multiple of 3. */
  private static String unaligned(String json) {
    String padded = json;
    while (padded.getBytes(StandardCharsets.UTF_8).length % 3 == 0) {
      padded = "{ " + padded.substring(1);
    }
    return padded;
  }

  /** ECDSA signatures are randomized: sign until the signature holds a '-' or '_' to swap. */
  private static String signedWithUrlSafeSignature(Fixture fixture, String encodedHeader, String encodedPayload) {
    for (int attempt = 0; attempt < 200; attempt++) {
      String token = Forge.sign(fixture.key, fixture.provider, encodedHeader, encodedPayload);
      String signature = token.substring(token.lastIndexOf('.') + 1);
      if (signature.indexOf('-') >= 0 || signature.indexOf('_') >= 0) {
        return token;
      }
    }
    throw new IllegalStateException("no signature with '-' or '_' in 200 attempts");
  }

  /** The fixture's claims plus a member nested so the whole claims set is {@code depth} levels deep. */
  private static String claimsNested(int depth) {
    Map<String, Object> claims = new Fixture(SigningAlgorithm.ES256, CryptoProvider.jdk())
        .claims();
    String json = Forge.json(claims);
    String nested = "[".repeat(depth - 1) + "]".repeat(depth - 1);
    return json.substring(0, json.length() - 1) + ",\"ext\":" + nested + "}";
  }

  /** A correctly signed token of exactly {@code length} characters, grown with a padding claim. */
  private static String tokenOfLength(Fixture fixture, int length) {
    for (int headerSpaces = 0; headerSpaces < 3; headerSpaces++) {
      String header = "{" + " ".repeat(headerSpaces) + Forge.json(fixture.header()).substring(1);
      int unpadded = fixture.token(header, Forge.json(fixture.claims())).length();
      for (int pad = Math.max(0, (length - unpadded) * 3 / 4 - 16); pad < length; pad++) {
        Map<String, Object> claims = fixture.claims();
        claims.put("pad", "x".repeat(pad));
        String token = fixture.token(header, Forge.json(claims));
        if (token.length() == length) {
          return token;
        }
        if (token.length() > length) {
          break;
        }
      }
    }
    throw new IllegalStateException("cannot build a token of exactly " + length + " characters");
  }
}
