package io.gatehouse.gateway.route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The methods a table's routes can list, numbered, so that a route's methods are bits in
 * {@link #words()} longs and checking one is a bit test instead of a set lookup. The registered
 * methods have fixed numbers, found by a {@code switch} on the name; other methods routes list
 * are numbered after them. Bit {@link #EVERY} marks a route that lists none, so allows every one.
 */
final class Methods {
  static final int EVERY = 0;
  static final int GET = 1;
  static final int HEAD = 2;
  /** The names by number: {@link #EVERY}, which is no method, then the registered methods. */
  private static final List<String> REGISTERED =
      List.of("*", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE");

  /** By number: the registered methods, then the others routes list. */
  private final List<String> names = new ArrayList<>(REGISTERED);
  private final Map<String, Integer> others = new HashMap<>();

  Methods(Collection<RouteSpec> routes) {
    SortedSet<String> listed = new TreeSet<>();
    routes.forEach(route -> listed.addAll(route.methods()));
    for (String method : listed) {
      if (registered(method) < 0) {
        others.put(method, names.size());
        names.add(method);
      }
    }
  }

  /** How many longs a set of these methods takes. */
  int words() {
    return (names.size() + 63) / 64;
  }

  /** The number of a method, or -1 when it is not registered and no route lists it. */
  int id(String method) {
    int id = registered(method);
    return id >= 0 ? id : others.getOrDefault(method, -1);
  }

  /** The number of the method a route must list to serve this one instead: {@code GET} for {@code HEAD}; else -1. */
  static int fallback(int id) {
    return id == HEAD ? GET : -1;
  }

  private static int registered(String method) {
    return switch (method) {
      case "GET" -> GET;
      case "HEAD" -> HEAD;
      case "POST" -> 3;
      case "PUT" -> 4;
      case "DELETE" -> 5;
      case "PATCH" -> 6;
      case "OPTIONS" -> 7;
      case "CONNECT" -> 8;
      case "TRACE" -> 9;
      default -> -1;
    };
  }

  /** Sets the bits of a route's methods in {@code bits[offset, offset + words())}: {@link #EVERY} for none. */
  void set(Set<String> methods, long[] bits, int offset) {
    if (methods.isEmpty()) {
      bits[offset] |= 1L << EVERY;
    }
    for (String method : methods) {
      int id = id(method);
      bits[offset + (id >>> 6)] |= 1L << id;
    }
  }

  /** Whether method {@code id} is among {@code bits[offset, offset + words())}; false for -1. */
  static boolean has(long[] bits, int offset, int id) {
    return id >= 0 && (bits[offset + (id >>> 6)] & 1L << id) != 0;
  }

  /**
   * What a 405 answer allows: the names of the methods set in {@code bits}, sorted, with
   * {@code HEAD} when {@code GET} is there; empty when none is set.
   */
  Set<String> allowed(long[] bits) {
    SortedSet<String> allowed = new TreeSet<>();
    for (int w = 0; w < bits.length; w++) {
      long word = w == 0 ? bits[0] & ~(1L << EVERY) : bits[w];
      for (; word != 0; word &= word - 1) {
        allowed.add(names.get(64 * w + Long.numberOfTrailingZeros(word)));
      }
    }
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    return allowed;
  }
}
