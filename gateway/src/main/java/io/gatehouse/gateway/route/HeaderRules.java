package io.gatehouse.gateway.route;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Header rewrites for one direction (requests to the upstream, or responses to the client). A
 * header name may appear in only one of the three, compared case-insensitively, so the order the
 * rules are applied in cannot matter. Framing and hop-by-hop headers belong to the gateway and
 * cannot be named.
 *
 * @param add headers appended, next to any the message already has
 * @param set headers whose every value is replaced by this one
 * @param remove headers removed
 */
public record HeaderRules(Map<String, String> add, Map<String, String> set, Set<String> remove) {
  private static final Set<String> MANAGED = Set.of("connection", "keep-alive", "proxy-connection",
      "transfer-encoding", "te", "trailer", "upgrade", "content-length");
  private static final HeaderRules NONE = new HeaderRules(Map.of(), Map.of(), Set.of());

  /** Validates names and values; copies. */
  public HeaderRules {
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, String> header : add.entrySet()) {
      checkName(header.getKey(), "add", seen);
      Syntax.headerValue(header.getKey(), header.getValue(), "add");
    }
    for (Map.Entry<String, String> header : set.entrySet()) {
      checkName(header.getKey(), "set", seen);
      Syntax.headerValue(header.getKey(), header.getValue(), "set");
    }
    for (String name : remove) {
      checkName(name, "remove", seen);
    }
    add = Map.copyOf(add);
    set = Map.copyOf(set);
    remove = Set.copyOf(remove);
  }

  /** No rewrites. */
  public static HeaderRules none() {
    return NONE;
  }

  private static void checkName(String name, String rule, Map<String, String> seen) {
    Syntax.headerName(name, rule);
    String lowerCase = name.toLowerCase(Locale.ROOT);
    if (MANAGED.contains(lowerCase)) {
      throw new IllegalArgumentException(rule + " must not name " + name + ": the gateway manages it");
    }
    String earlier = seen.putIfAbsent(lowerCase, rule);
    if (earlier != null) {
      String where = earlier.equals(rule) ? "twice in " + rule : "in both " + earlier + " and " + rule;
      throw new IllegalArgumentException("header " + name + " appears " + where + "; name it in one rule only");
    }
  }

  /** Applies the rules to a message's headers. */
  public void applyTo(HttpHeaders headers) {
    remove.forEach(headers::remove);
    set.forEach(headers::set);
    add.forEach(headers::add);
  }
}
