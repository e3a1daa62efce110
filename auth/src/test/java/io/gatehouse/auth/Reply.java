package io.gatehouse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * An HTTP answer as the tests look at it.
 *
 * @param status the status code
 * @param response the raw response (headers)
 * @param body the body text
 */
record Reply(int status, HttpResponse<String> response, String body) {
  static final ObjectMapper JSON = new ObjectMapper();

  static Reply of(HttpResponse<String> response) {
    return new Reply(response.statusCode(), response, response.body());
  }

  /** The body as JSON. */
  JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
    }
  }

  /** A response header. */
  Optional<String> header(String name) {
    return response.headers().firstValue(name);
  }

  /** The media type of the body, without parameters. */
  String mediaType() {
    return header("Content-Type").map(type -> type.split(";")[0].trim()).orElse("");
  }

  /** Asserts the status (showing the body when it differs) and returns the JSON body. */
  JsonNode expect(int expected) {
    assertThat(status).as("HTTP status of a response with body %s", body).isEqualTo(expected);
    return body.isEmpty() ? JSON.nullNode() : json();
  }

  /** Asserts an RFC 6749 error response and returns its body. */
  JsonNode expectOAuthError(int expected, String error) {
    JsonNode json = expect(expected);
    assertThat(json.path("error").asText()).as(body).isEqualTo(error);
    assertThat(mediaType()).isEqualTo("application/json");
    assertThat(header("Cache-Control")).contains("no-store");
    return json;
  }

  /** Asserts an RFC 9457 problem and returns its body. */
  JsonNode expectProblem(int expected) {
    JsonNode json = expect(expected);
    assertThat(mediaType()).as(body).isEqualTo("application/problem+json");
    assertThat(json.path("status").asInt()).isEqualTo(expected);
    return json;
  }
}
