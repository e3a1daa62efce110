package io.gatehouse.http.handler;

import io.gatehouse.http.HttpException;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
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

  /**
   * Decodes an encoded form ({@code a=1&b=2}); {@code +} is a space.
   *
   * @throws HttpException 400 when malformed or with more than 256 parameters
   */
  public static FormData decode(String encoded) {
    Map<String, List<String>> decoded;
    try {
      // One over the limit: the decoder stops quietly at its limit, which would drop the rest.
      decoded = new QueryStringDecoder(encoded, StandardCharsets.UTF_8, false, MAX_PARAMETERS + 1, true)
          .parameters();
    } catch (IllegalArgumentException e) {
      throw HttpException.badRequest("malformed form encoding");
    }
    int count = 0;
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : decoded.entrySet()) {
      count += entry.getValue().size();
      parameters.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    if (count > MAX_PARAMETERS) {
      throw HttpException.badRequest("more than " + MAX_PARAMETERS + " parameters");
    }
    return new FormData(Collections.unmodifiableMap(parameters));
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
