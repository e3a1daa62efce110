package io.gatehouse.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {
  private final TrustedProxies trusted = TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.7", "172.16.0.0/12",
      "2001:db8::/32", "::1"));

  @ParameterizedTest
  @CsvSource({"10.1.2.3, true", "11.0.0.1, false", "192.0.2.7, true", "192.0.2.8, false", "172.31.255.255, true",
      "172.32.0.0, false", "2001:db8:ffff::1, true", "2001:db9::1, false", "::1, true", "::2, false",
      "127.0.0.1, false"})
  void trustsExactlyTheConfiguredAddressesAndBlocks(String peer, boolean expected) throws Exception {
    assertThat(trusted.trusts(InetAddress.getByName(peer))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "::/129", "10.0.0.1/8", "256.0.0.1", "10.0.0",
      "10.0.0.0/", "10.0.0.0/-1", "", "1.2.3.4/8x"})
  void refusesWhatIsNotAnAddressOrABlockNamingTheEntry(String entry) {
    assertThatThrownBy(() -> TrustedProxies.of(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted-proxies")
        .hasMessageContaining("\"" + entry + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "::/0"})
  void aZeroPrefixTrustsTheWholeFamily(String entry) throws Exception {
    TrustedProxies all = TrustedProxies.of(List.of(entry));
    boolean v4 = entry.contains(".");

    assertThat(all.trusts(InetAddress.getByName("203.0.113.9"))).isEqualTo(v4);
    assertThat(all.trusts(InetAddress.getByName("2001:db8::9"))).isEqualTo(!v4);
  }
}
