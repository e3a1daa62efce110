package io.gatehouse.token.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gatehouse.token.OnEveryProvider;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.keys.SigningAlgorithm;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionTest {

  @Test
  void codesAreTheStableSnakeCaseVocabulary() {
    // Logs, metrics and the CLI depend on these strings; docs/token.md lists them.
    assertThat(Rejection.values()).extracting(Rejection::code).containsExactly(
        "malformed", "oversized", "unsupported_algorithm", "forbidden_header", "unknown_key", "unusable_key",
        "algorithm_mismatch", "bad_signature", "wrong_type", "missing_claim", "invalid_claim", "expired",
        "not_yet_valid", "issued_in_future", "lifetime_exceeded", "issuer_mismatch", "audience_mismatch",
        "keys_unavailable");
    for (Rejection rejection : Rejection.values()) {
      assertThat(rejection.code()).isEqualTo(rejection.name().toLowerCase(Locale.ROOT));
    }
  }

  @OnEveryProvider
  void messageStartsWithTheCodeAndNeverHoldsTheToken(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("iss", "https://attacker.example");
    List<String> tokens = List.of(es256.token(), es256.token(es256.header(), claims));
    AccessTokenVerifier later = es256.verifier().clock(Fixture.at(Fixture.NOW.plusSeconds(3600))).build();
    AccessTokenVerifier now = es256.verifier().build();

    Throwable expired = catchThrowable(() -> later.verify(tokens.get(0)));
    Throwable wrongIssuer = catchThrowable(() -> now.verify(tokens.get(1)));

    assertThat(expired).hasMessageStartingWith("expired: ");
    assertThat(wrongIssuer).hasMessageStartingWith("issuer_mismatch: ").hasMessageNotContaining("attacker");
    for (String token : tokens) {
      for (String part : token.split("\\.")) {
        assertThat(expired.getMessage()).doesNotContain(part);
        assertThat(wrongIssuer.getMessage()).doesNotContain(part);
      }
    }
  }
}
