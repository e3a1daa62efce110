/** The management listener's endpoints: {@code /healthz}, {@code /readyz} and Prometheus {@code /metrics}. */
package io.gatehouse.http.management;
