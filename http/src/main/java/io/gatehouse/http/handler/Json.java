package io.gatehouse.http.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.http.HttpException;
import java.io.IOException;

/** The JSON codec for request and response bodies: strict on input (duplicates, unknown fields, depth). */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder(
          new com.fasterxml.jackson.core.JsonFactoryBuilder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
              .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private Json() {}

  /** The shared mapper (thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serializes a value. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
    }
  }

  /**
   * Reads a request body.
   *
   * @throws HttpException 400 naming what is wrong (never echoing the body)
   */
  public static <T> T read(byte[] body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw HttpException.badRequest("invalid JSON body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw HttpException.badRequest("invalid JSON body");
    }
  }
}
