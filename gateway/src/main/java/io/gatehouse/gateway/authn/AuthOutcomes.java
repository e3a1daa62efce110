package io.gatehouse.gateway.authn;

import io.gatehouse.http.HttpException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** Counts authentication outcomes: {@code gatehouse_gateway_auth_total{outcome}}. */
public final class AuthOutcomes {
  private final Map<AuthOutcome, Counter> counters = new EnumMap<>(AuthOutcome.class);

  /** Registers one counter per outcome. */
  public AuthOutcomes(MeterRegistry registry) {
    for (AuthOutcome outcome : AuthOutcome.values()) {
      counters.put(outcome, Counter.builder("gatehouse_gateway_auth")
          .description("Gateway authentication and authorization outcomes")
          .tag("outcome", outcome.label()).register(registry));
    }
  }

  /** Counts one outcome. */
  public void count(AuthOutcome outcome) {
    counters.get(outcome).increment();
  }

  /** Counts a failure and hands back its answer, for {@code throw outcomes.fail(...)}. */
  public HttpException fail(AuthOutcome outcome, HttpException answer) {
    count(outcome);
    return answer;
  }
}
