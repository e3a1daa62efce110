package io.gatehouse.http.internal;

import io.gatehouse.http.HttpException;
import io.gatehouse.http.handler.Json;
import io.gatehouse.http.handler.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place exceptions become RFC 9457 {@code application/problem+json} responses. */
public final class Problems {
  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** The response for any failure: {@link HttpException}s as they say, anything else a logged 500. */
  public static Response from(Throwable failure, String requestId) {
    if (failure instanceof HttpException) {
      return render((HttpException) failure, requestId);
    }
    LOG.error("request {} failed", requestId, failure);
    return render(HttpException.builder(500).detail("the server could not complete the request").build(), requestId);
  }

  /** Renders an {@link HttpException} with its headers. */
  public static Response render(HttpException problem, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.type());
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("request_id", requestId);
    Response response = Response.of(problem.status(), MEDIA_TYPE, Json.write(body));
    problem.headers().forEach(response::header);
    return response;
  }
}
