package io.gatehouse.http.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.http.HttpException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final HttpHandler OK = r -> Response.empty(204);

  private final Router router = Router.builder()
      .get("/", OK)
      .get("/users", OK)
      .post("/users", OK)
      .get("/users/me", OK)
      .get("/users/{id}", OK)
      .route(Route.builder("DELETE", "/users/{id}").handler(OK).build())
      .get("/users/{id}/keys/{key}", OK)
      .get("/files/{name}", OK)
      .build();

  @Test
  void matchesTheRoot() {
    assertThat(router.resolve("GET", "/").route().template()).isEqualTo("/");
  }

  @Test
  void prefersALiteralSegmentOverAParameter() {
    RouteMatch match = router.resolve("GET", "/users/me");
    assertThat(match.route().template()).isEqualTo("/users/me");
    assertThat(match.pathParameters()).isEmpty();
  }

  @Test
  void bindsParameters() {
    RouteMatch match = router.resolve("GET", "/users/42/keys/k1");
    assertThat(match.route().template()).isEqualTo("/users/{id}/keys/{key}");
    assertThat(match.pathParameters()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("id", "42", "key", "k1"));
  }

  @Test
  void fallsBackToAParameterWhenTheLiteralBranchHasNoRouteForThePath() {
    RouteMatch match = router.resolve("GET", "/users/me/keys/k1");
    assertThat(match.route().template()).isEqualTo("/users/{id}/keys/{key}");
    assertThat(match.pathParameters()).containsEntry("id", "me");
  }

  @Test
  void fallsBackToAParameterWhenTheLiteralHasNoRouteForTheMethod() {
    RouteMatch match = router.resolve("DELETE", "/users/me");
    assertThat(match.route().template()).isEqualTo("/users/{id}");
    assertThat(match.pathParameters()).containsEntry("id", "me");
  }

  @Test
  void allowsTheMethodsOfEveryTemplateMatchingThePath() {
    assertThatThrownBy(() -> router.resolve("PUT", "/users/me"))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.headers()).containsEntry("Allow",
            "DELETE, GET, HEAD"));
  }

  @Test
  void percentDecodesParameters() {
    assertThat(router.resolve("GET", "/files/b%C3%B6se%20name.txt").pathParameters())
        .containsEntry("name", "böse name.txt");
  }

  @Test
  void matchesAPercentEncodedLiteral() {
    assertThat(router.resolve("GET", "/%75sers/me").route().template()).isEqualTo("/users/me");
  }

  @Test
  void refusesAnEncodedSlashInASegment() {
    assertBadRequest(() -> router.resolve("GET", "/files/a%2Fb"));
    assertBadRequest(() -> router.resolve("GET", "/files/a%2fb"));
  }

  @Test
  void refusesAnEncodedNul() {
    assertBadRequest(() -> router.resolve("GET", "/files/a%00b"));
  }

  @Test
  void refusesInvalidUtf8() {
    assertBadRequest(() -> router.resolve("GET", "/files/%C3%28"));
    assertBadRequest(() -> router.resolve("GET", "/files/%E2%82"));
    assertBadRequest(() -> router.resolve("GET", "/files/%ED%A0%80")); // a lone surrogate
  }

  @Test
  void refusesMalformedPercentEncoding() {
    assertBadRequest(() -> router.resolve("GET", "/files/a%2"));
    assertBadRequest(() -> router.resolve("GET", "/files/a%zz"));
  }

  @Test
  void answersAnUnknownPathWith404() {
    assertStatus(() -> router.resolve("GET", "/nothing"), 404);
    assertStatus(() -> router.resolve("GET", "/users/42/keys"), 404);
    assertStatus(() -> router.resolve("GET", "/users/"), 404);
    assertStatus(() -> router.resolve("GET", "/users//keys/k"), 404);
  }

  @Test
  void answersAKnownPathWithAnotherMethodWith405AndAllowIncludingHead() {
    assertThatThrownBy(() -> router.resolve("PUT", "/users/42"))
        .isInstanceOfSatisfying(HttpException.class, e -> {
          assertThat(e.status()).isEqualTo(405);
          assertThat(e.headers()).containsEntry("Allow", "DELETE, GET, HEAD");
        });
  }

  @Test
  void leavesHeadOutOfAllowWithoutGet() {
    Router postOnly = Router.builder().post("/submit", OK).build();
    assertThatThrownBy(() -> postOnly.resolve("GET", "/submit"))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.headers()).containsEntry("Allow", "POST"));
  }

  @Test
  void servesHeadWithTheGetRoute() {
    assertThat(router.resolve("HEAD", "/users/42").route().method()).isEqualTo("GET");
  }

  @Test
  void refusesADuplicateRouteAtBuild() {
    assertThatThrownBy(() -> Router.builder().get("/a/{id}", OK).get("/a/{id}", OK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate route GET /a/{id}");
  }

  @Test
  void refusesTwoParameterNamesAtTheSamePlace() {
    assertThatThrownBy(() -> Router.builder().get("/a/{id}", OK).post("/a/{name}", OK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{name}");
  }

  @Test
  void refusesBadRouteDefinitions() {
    assertThatThrownBy(() -> Route.builder("get", "/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Route.builder("GET", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Route.builder("GET", "/x").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Route.builder("GET", "/x").maxBodyBytes(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertBadRequest(ThrowingCallable call) {
    assertStatus(call, 400);
  }

  private static void assertStatus(ThrowingCallable call, int status) {
    assertThatThrownBy(call).isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(status));
  }
}
