package io.gatehouse.http.handler;

import io.gatehouse.http.HttpException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps method + path to a route over a segment trie: literal segments win over {@code {param}}
 * segments, falling back to the parameter when the literal branch has no route for the request;
 * a path with no route is 404, a path whose routes lack the method is 405 with {@code Allow}.
 * {@code HEAD} falls back to {@code GET}. Immutable once built.
 */
public final class Router {
  private final Node root;

  private Router(Node root) {
    this.root = root;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Chooses the route for a request. Literal segments are tried before a parameter, and a
   * parameter is tried when the literal branch has no route for the path and method; {@code
   * Allow} lists the methods of every template that matches the path.
   *
   * @param rawPath the path as received, percent-encoded, without query
   * @throws HttpException 400 for undecodable paths, 404, or 405 with {@code Allow}
   */
  public RouteMatch resolve(String method, String rawPath) {
    if (!rawPath.startsWith("/")) {
      throw HttpException.notFound();
    }
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.substring(1).split("/", -1)) {
      segments.add(decode(segment));
    }
    Map<String, String> parameters = new HashMap<>(4);
    Node node = find(root, segments, 0, method, parameters);
    if (node != null) {
      return new RouteMatch(routeFor(node, method), parameters);
    }
    Set<String> allowed = new LinkedHashSet<>();
    collectMethods(root, segments, 0, allowed);
    if (allowed.isEmpty()) {
      throw HttpException.notFound();
    }
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    throw HttpException.methodNotAllowed(allowed);
  }

  /** The methods of every route whose template matches the path. */
  private static void collectMethods(Node node, List<String> segments, int index, Set<String> methods) {
    if (index == segments.size()) {
      methods.addAll(node.routes.keySet());
      return;
    }
    String segment = segments.get(index);
    Node literal = node.literals.get(segment);
    if (literal != null) {
      collectMethods(literal, segments, index + 1, methods);
    }
    if (node.parameter != null && !segment.isEmpty()) {
      collectMethods(node.parameter, segments, index + 1, methods);
    }
  }

  /**
   * The node with a route for the method, depth-first over the trie, literal before parameter;
   * parameters are bound on the way back from the hit.
   */
  private static Node find(Node node, List<String> segments, int index, String method,
      Map<String, String> parameters) {
    if (index == segments.size()) {
      return routeFor(node, method) != null ? node : null;
    }
    String segment = segments.get(index);
    Node literal = node.literals.get(segment);
    Node found = literal == null ? null : find(literal, segments, index + 1, method, parameters);
    if (found == null && node.parameter != null && !segment.isEmpty()) {
      found = find(node.parameter, segments, index + 1, method, parameters);
      if (found != null) {
        parameters.put(node.parameterName, segment);
      }
    }
    return found;
  }

  private static Route routeFor(Node node, String method) {
    Route route = node.routes.get(method);
    return route == null && "HEAD".equals(method) ? node.routes.get("GET") : route;
  }

  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    byte[] bytes = new byte[segment.length()];
    int length = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw HttpException.badRequest("malformed percent-encoding in path");
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw HttpException.badRequest("malformed percent-encoding in path");
        }
        bytes[length++] = (byte) (hi << 4 | lo);
        i += 2;
      } else {
        bytes[length++] = (byte) c;
      }
    }
    try {
      String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
      if (decoded.indexOf('/') >= 0 || decoded.indexOf('\0') >= 0) {
        throw HttpException.badRequest("encoded / or NUL in path");
      }
      return decoded;
    } catch (CharacterCodingException e) {
      throw HttpException.badRequest("path is not valid UTF-8");
    }
  }

  private static final class Node {
    final Map<String, Node> literals = new HashMap<>();
    Node parameter;
    String parameterName;
    final Map<String, Route> routes = new LinkedHashMap<>();
  }

  /** Builds a {@link Router}; refuses two routes for the same method and template shape. */
  public static final class Builder {
    private final Node root = new Node();

    private Builder() {}

    /** Adds a route. */
    public Builder route(Route route) {
      Node node = root;
      String[] segments = route.template().substring(1).split("/", -1);
      for (String segment : segments) {
        if (segment.startsWith("{") && segment.endsWith("}")) {
          String name = segment.substring(1, segment.length() - 1);
          if (node.parameter == null) {
            node.parameter = new Node();
            node.parameterName = name;
          } else if (!node.parameterName.equals(name)) {
            throw new IllegalArgumentException("template " + route.template() + " names parameter {" + name
                + "} where another route has {" + node.parameterName + "}");
          }
          node = node.parameter;
        } else {
          node = node.literals.computeIfAbsent(segment, s -> new Node());
        }
      }
      if (node.routes.putIfAbsent(route.method(), route) != null) {
        throw new IllegalArgumentException("duplicate route " + route.method() + " " + route.template());
      }
      return this;
    }

    /** Adds a non-blocking GET route. */
    public Builder get(String template, HttpHandler handler) {
      return route(Route.builder("GET", template).handler(handler).build());
    }

    /** Adds a non-blocking POST route. */
    public Builder post(String template, HttpHandler handler) {
      return route(Route.builder("POST", template).handler(handler).build());
    }

    /** Builds the router. */
    public Router build() {
      return new Router(root);
    }
  }
}
