package io.gatehouse.sdk.servlet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Writes an RFC 9457 problem details body. */
final class ProblemJson {
  static final String MEDIA_TYPE = "application/problem+json";

  private static final JsonFactory JSON = new JsonFactory();

  private ProblemJson() {}

  static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(160);
    try (JsonGenerator json = JSON.createGenerator(body)) {
      json.writeStartObject();
      json.writeStringField("type", "about:blank");
      json.writeStringField("title", title);
      json.writeNumberField("status", status);
      json.writeStringField("detail", detail);
      json.writeEndObject();
    }
    response.setContentType(MEDIA_TYPE);
    response.setContentLength(body.size());
    body.writeTo(response.getOutputStream());
  }
}
