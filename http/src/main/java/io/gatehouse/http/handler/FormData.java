package io.gatehouse.http.handler;

import io.gatehouse.http.HttpException;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@code application/x-www-form-urlencoded} body (or query string), decoded as UTF-8. */
public final class FormData {
  private static final int MAX_PARAMETERS = 256;

  private final Map<String, List<String>> parameters;

  private FormData(Map<String, List<String>> parameters) {
    this.parameters = parameters;
  }

  /** Decodes an encoded form ({@code a=1&b=2}); {@code +} is a space. */
  public static FormData decode(String encoded) {
    try {
      return new FormData(Map.copyOf(new QueryStringDecoder(encoded, StandardCharsets.UTF_8, false,
          MAX_PARAMETERS, true).parameters()));
    } catch (IllegalArgumentException e) {
      throw HttpException.badRequest("malformed form encoding");
    }
  }

  /** The single value of a parameter; 400 when it is repeated (ambiguous, RFC 6749 §3.1). */
  public Optional<String> single(String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw HttpException.badRequest("parameter " + name + " must not be repeated");
    }
    return Optional.of(values.get(0));
  }

  /** Every value of a parameter. */
  public List<String> all(String name) {
    return parameters.getOrDefault(name, List.of());
  }

  /** All parameters. */
  public Map<String, List<String>> asMap() {
    return parameters;
  }
}
