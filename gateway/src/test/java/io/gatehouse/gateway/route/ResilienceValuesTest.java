package io.gatehouse.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Validation of retry budgets and health checks: messages name the key and the value. */
class ResilienceValuesTest {
  @Test
  void retryBudgetRefusesValuesOutOfRangeNamingTheKey() {
    assertThatThrownBy(() -> new RetryBudget(101, 3, Duration.ofSeconds(10)))
        .hasMessage("retry-budget.percent must be from 0 to 100, was: 101");
    assertThatThrownBy(() -> new RetryBudget(20, -1, Duration.ofSeconds(10)))
        .hasMessage("retry-budget.min-retries must be from 0 to 1000, was: -1");
    assertThatThrownBy(() -> new RetryBudget(20, 3, Duration.ofMillis(500)))
        .hasMessage("retry-budget.window must be from 1s to 5m, was: PT0.5S");
  }

  @Test
  void routesGetTheDefaultRetryBudgetAndNoHealthCheck() {
    RouteSpec route = RouteSpec.builder().id("r").pathPrefix("/").upstream("http://127.0.0.1:1").build();

    assertThat(route.retryBudget()).isEqualTo(new RetryBudget(20, 3, Duration.ofSeconds(10)));
    assertThat(route.healthCheck()).isEmpty();
  }

  @Test
  void healthCheckRefusesAPathThatIsNotCanonical() {
    assertThatThrownBy(() -> HealthCheck.of("healthz")).hasMessageContaining("health-check.path")
        .hasMessageContaining("\"healthz\"");
    assertThatThrownBy(() -> HealthCheck.of("/a/../healthz")).hasMessageContaining("health-check.path");
  }

  @Test
  void healthCheckRefusesATimeoutLongerThanTheIntervalAndBadThresholds() {
    assertThatThrownBy(() -> new HealthCheck("/h", Duration.ofSeconds(1), Duration.ofSeconds(2), 1, 1))
        .hasMessageContaining("health-check.timeout must not be longer than the interval");
    assertThatThrownBy(() -> new HealthCheck("/h", Duration.ofMillis(50), Duration.ofMillis(10), 1, 1))
        .hasMessageContaining("health-check.interval must be from 100ms to 1h");
    assertThatThrownBy(() -> new HealthCheck("/h", Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1))
        .hasMessage("health-check.healthy-threshold must be from 1 to 10, was: 0");
    assertThatThrownBy(() -> new HealthCheck("/h", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 11))
        .hasMessage("health-check.unhealthy-threshold must be from 1 to 10, was: 11");
  }
}
