package io.gatehouse.gateway.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.token.apikey.ApiKeyFormat;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class CredentialExtractorTest {
  private static final String KEY = ApiKeyFormat.compose("AAAAAAAAAAAA", "B".repeat(28));
  private static final String OTHER_KEY = ApiKeyFormat.compose("CCCCCCCCCCCC", "D".repeat(28));

  @Test
  void readsAKeyFromEitherHeader() {
    Credential fromHeader = CredentialExtractor.extract(headers("X-API-Key", KEY), "");
    Credential fromBearer = CredentialExtractor.extract(headers("Authorization", "bearer " + OTHER_KEY), "");

    assertThat(fromHeader).isInstanceOfSatisfying(Credential.ApiKey.class, key -> {
      assertThat(key.key()).isEqualTo(KEY);
      assertThat(key.parsed()).isEqualTo(ApiKeyFormat.parse(KEY).orElseThrow());
    });
    assertThat(fromBearer).isInstanceOfSatisfying(Credential.ApiKey.class,
        key -> assertThat(key.parsed().id()).isEqualTo("CCCCCCCCCCCC"));
  }

  @Test
  void theSameKeyAgainIsNotParsedAgainButAnyOtherIs() {
    Credential first = CredentialExtractor.extract(headers("X-API-Key", KEY), "");
    Credential again = CredentialExtractor.extract(headers("X-API-Key", new String(KEY.toCharArray())), "");
    Credential other = CredentialExtractor.extract(headers("X-API-Key", OTHER_KEY), "");

    assertThat(again).as("the thread's last key, kept").isSameAs(first);
    assertThat(other).isInstanceOfSatisfying(Credential.ApiKey.class, key -> {
      assertThat(key.key()).isEqualTo(OTHER_KEY);
      assertThat(key.parsed()).isEqualTo(ApiKeyFormat.parse(OTHER_KEY).orElseThrow());
    });
  }

  @Test
  void aKeyThatDiffersFromTheLastInOneCharacterIsCheckedAfresh() {
    CredentialExtractor.extract(headers("X-API-Key", KEY), "");
    String typo = KEY.substring(0, 20) + (KEY.charAt(20) == 'B' ? 'C' : 'B') + KEY.substring(21);
    String truncated = KEY.substring(0, KEY.length() - 1);

    assertThat(CredentialExtractor.extract(headers("X-API-Key", typo), "")).isInstanceOf(Credential.MalformedApiKey.class);
    assertThat(CredentialExtractor.extract(headers("X-API-Key", KEY), "")).isInstanceOf(Credential.ApiKey.class);
    assertThat(CredentialExtractor.extract(headers("X-API-Key", truncated), ""))
        .isInstanceOf(Credential.MalformedApiKey.class);
  }

  @Test
  void refusesTwoCredentialsAndKeysInTheQuery() {
    HttpHeaders both = headers("X-API-Key", KEY).add("Authorization", "Bearer " + OTHER_KEY);

    assertThatThrownBy(() -> CredentialExtractor.extract(both, "")).isInstanceOf(CredentialException.class);
    assertThatThrownBy(() -> CredentialExtractor.extract(new DefaultHttpHeaders(), "api_key=" + KEY))
        .isInstanceOf(CredentialException.class).hasMessageNotContaining(KEY);
  }

  private static HttpHeaders headers(String name, String value) {
    return new DefaultHttpHeaders().add(name, value);
  }
}
