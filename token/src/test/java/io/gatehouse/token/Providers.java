package io.gatehouse.token;

import io.gatehouse.token.crypto.CryptoProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The providers tests run against: always the JDK, and ACCP where it loads (required under CI). */
public final class Providers {
  private Providers() {}

  /** JDK and, when available, ACCP. Under {@code CI=true} on Linux x86_64 ACCP must load. */
  public static List<CryptoProvider> all() {
    List<CryptoProvider> providers = new ArrayList<>();
    providers.add(CryptoProvider.jdk());
    CryptoProvider.accp().ifPresentOrElse(providers::add, () -> {
      boolean expected = "true".equals(System.getenv("CI"))
          && System.getProperty("os.name").startsWith("Linux")
          && "amd64".equals(System.getProperty("os.arch"));
      if (expected) {
        throw new IllegalStateException("ACCP must load under CI on linux-x86_64");
      }
    });
    return providers;
  }

  /** Every provider paired with every value: arguments {@code (provider, value)}. */
  public static Stream<Arguments> with(Object... values) {
    return all().stream().flatMap(provider -> Stream.of(values).map(value -> Arguments.of(provider, value)));
  }
}
