package io.gatehouse.http.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void redactsCredentialLikeParametersAndKeepsTheRest() {
    assertThat(Redaction.query("api_key=gh_x&token=abc&page=2"))
        .isEqualTo("api_key=[redacted]&token=[redacted]&page=2");
  }

  @Test
  void redactsWhateverTheCase() {
    assertThat(Redaction.query("API_KEY=one&Access_Token=two&ClientSecret=three&PASSWORD=four"))
        .doesNotContain("one", "two", "three", "four");
  }

  @Test
  void redactsNamesThatArePercentEncoded() {
    String query = Redaction.query("%61pi_key=gh_secret1&%74oken=secret2&pass%77ord=secret3&page=2");
    assertThat(query).doesNotContain("gh_secret1", "secret2", "secret3").endsWith("&page=2");
  }

  @Test
  void redactsParametersSeparatedBySemicolons() {
    assertThat(Redaction.query("page=1;token=secret4")).doesNotContain("secret4");
  }

  @Test
  void redactsTheValueOfANameThatDoesNotDecode() {
    assertThat(Redaction.query("%zzto=secret5&page=2")).isEqualTo("%zzto=[redacted]&page=2");
  }

  @Test
  void keepsAQueryWithoutCredentials() {
    assertThat(Redaction.query("page=2&sort=name&flag")).isEqualTo("page=2&sort=name&flag");
  }

  @Test
  void turnsAnAbsentQueryIntoAnEmptyOne() {
    assertThat(Redaction.query(null)).isEmpty();
    assertThat(Redaction.query("")).isEmpty();
  }

  @Test
  void knowsCredentialHeaderNames() {
    assertThat(Redaction.isSensitive("Authorization")).isTrue();
    assertThat(Redaction.isSensitive("Proxy-Authorization")).isTrue();
    assertThat(Redaction.isSensitive("X-API-Key")).isTrue();
    assertThat(Redaction.isSensitive("Cookie")).isTrue();
    assertThat(Redaction.isSensitive("Accept")).isFalse();
  }
}
