package io.gatehouse.token.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.token.Providers;
import org.junit.jupiter.api.Test;

class CryptoProviderTest {

  @Test
  void prefersAccpWhenItLoadsAndTheJdkOtherwise() {
    assertThat(CryptoProvider.preferred()).isSameAs(CryptoProvider.accp().orElse(CryptoProvider.jdk()));
    assertThat(CryptoProvider.preferred().name()).isIn("ACCP", "JDK");
  }

  @Test
  void namesItself() {
    assertThat(CryptoProvider.jdk().name()).isEqualTo("JDK");
    assertThat(CryptoProvider.jdk()).hasToString("JDK");
    CryptoProvider.accp().ifPresent(accp -> assertThat(accp.name()).isEqualTo("ACCP"));
  }

  @Test
  void testsRunOnTheJdkAndOnAccpWhereItLoads() {
    assertThat(Providers.all()).startsWith(CryptoProvider.jdk());
    assertThat(Providers.all()).hasSize(CryptoProvider.accp().isPresent() ? 2 : 1);
  }
}
