package io.gatehouse.http.management;

import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routes of the management listener. */
public final class ManagementRoutes {
  /** Prometheus text exposition format 0.0.4. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private ManagementRoutes() {}

  /**
   * {@code GET /healthz} (the process answers), {@code GET /readyz} (200 or 503 with each
   * component's state and, for components that give one, a detail; 503 while draining), {@code GET /metrics} (Prometheus text).
   */
  public static Router router(Readiness readiness, PrometheusMeterRegistry registry) {
    return Router.builder()
        .get("/healthz", request -> Response.json(Map.of("status", "ok")))
        // Component checks may block (a database ping): off the event loop.
        .route(Route.builder("GET", "/readyz").blocking().handler(request -> readyz(readiness)).build())
        // Scraping formats every meter: off the event loop so it never stalls other connections.
        .route(Route.builder("GET", "/metrics").blocking()
            .handler(request -> Response.of(200, PROMETHEUS_TEXT, registry.scrape().getBytes(StandardCharsets.UTF_8)))
            .build())
        .build();
  }

  private static Response readyz(Readiness readiness) {
    boolean ready = readiness.ready();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ready" : readiness.draining() ? "draining" : "not_ready");
    body.put("components", readiness.components());
    Map<String, Object> details = readiness.details();
    if (!details.isEmpty()) {
      body.put("details", details);
    }
    return Response.json(ready ? 200 : 503, body).header("Cache-Control", "no-store");
  }
}
