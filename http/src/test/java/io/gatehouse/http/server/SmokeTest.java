package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void servesARoute() throws Exception {
    try (EventLoops loops = EventLoops.create(1)) {
      HttpServer server = HttpServer.builder().name("test").eventLoops(loops).port(0)
          .router(Router.builder().get("/hello/{name}", r -> Response.text(200, "hi " + r.pathParameter("name"))).build())
          .build().start();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/hello/bob")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/nope")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("hi bob");
      assertThat(ok.headers().firstValue("X-Request-Id")).isPresent();
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("\"request_id\"");
      System.out.println(missing.headers().map() + " " + missing.body());
      server.drain();
    }
  }
}
