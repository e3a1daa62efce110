package io.gatehouse.auth.admin;

import io.gatehouse.http.handler.Request;
import java.util.Optional;

/**
 * The {@code cursor} and {@code limit} query parameters of lists.
 *
 * @param cursor where the previous page ended
 * @param limit page size, 1 to 200 (default 50)
 */
record Paging(Optional<String> cursor, int limit) {
  static Paging of(Request request) {
    Optional<String> cursor = request.query().single("cursor").map(c -> Fields.token("cursor", c, 256));
    int limit = request.query().single("limit").map(Paging::parseLimit).orElse(50);
    return new Paging(cursor, limit);
  }

  private static int parseLimit(String value) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= 200) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Fields.invalid("limit", "must be an integer from 1 to 200");
  }
}
