package io.gatehouse.http.handler;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.http.HttpException;
import java.io.IOException;

/** The JSON codec for request and response bodies: strict on input (duplicates, unknown fields, depth). */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder(
          new JsonFactoryBuilder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
              // Buffers are pooled per thread by default: useless on virtual threads, which blocking
              // handlers run on, so every request allocated fresh buffers. A shared pool works for both.
              .recyclerPool(JsonRecyclerPools.sharedLockFreePool())
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
   * @throws HttpException 400 naming the kind of problem and where (never echoing the body)
   */
  public static <T> T read(byte[] body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      // Jackson's own messages quote the offending input, which may be a secret.
      throw HttpException.badRequest("invalid JSON body: " + kind(e) + location(e.getLocation()));
    } catch (IOException e) {
      throw HttpException.badRequest("invalid JSON body");
    }
  }

  private static String kind(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (e instanceof DatabindException) {
      return "a value has the wrong type or shape";
    }
    String original = e.getOriginalMessage();
    return original != null && original.startsWith("Duplicate field") ? "duplicate field" : "malformed JSON";
  }

  private static String location(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
