package io.gatehouse.gateway.route;

import io.gatehouse.gateway.path.PathNormalizer;
import io.gatehouse.http.HttpException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route's path match, parsed: a prefix of whole literal segments, or a template of literal and
 * {@code {name}} segments optionally ending in a {@code {name*}} catch-all. Literal segments are
 * in {@link PathNormalizer} canonical form, so they compare to normalised request paths as
 * strings; they cannot contain braces, so a segment starting with {@code {} is a parameter.
 */
final class PathPattern {
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** How the pattern ends. */
  enum Kind {
    /** Matches the path and every path below it. */
    PREFIX,
    /** Matches exactly the template's segments. */
    TEMPLATE,
    /** Matches the template's segments followed by a non-empty rest, bound to the catch-all. */
    CATCH_ALL
  }

  private final Kind kind;
  private final String text;
  private final List<String> segments;
  private final String catchAll;
  private final boolean hasParameters;
  /** Where the {@code {name}} segments are, and their names: read per request without touching each segment. */
  private final int[] parameterSegments;
  private final String[] parameterNames;

  private PathPattern(Kind kind, String text, List<String> segments, String catchAll) {
    this.kind = kind;
    this.text = text;
    this.segments = List.copyOf(segments);
    this.catchAll = catchAll;
    this.hasParameters = catchAll != null || segments.stream().anyMatch(PathPattern::isParameter);
    List<String> names = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      if (isParameter(segments.get(i))) {
        positions.add(i);
        names.add(parameterName(segments.get(i)));
      }
    }
    if (catchAll != null) {
      positions.add(segments.size());
      names.add(catchAll);
    }
    this.parameterSegments = positions.stream().mapToInt(Integer::intValue).toArray();
    this.parameterNames = names.toArray(String[]::new);
  }

  /** A prefix: canonical, no trailing slash but for {@code /} itself, which matches every path. */
  static PathPattern prefix(String prefix) {
    if (prefix == null || !prefix.startsWith("/")) {
      throw new IllegalArgumentException("path-prefix must start with /, was: " + Syntax.quote(prefix));
    }
    if (prefix.length() > 1 && prefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "path-prefix must not end with / (a prefix matches whole segments), was: " + Syntax.quote(prefix));
    }
    String canonical = canonical(prefix, "path-prefix");
    if (!canonical.equals(prefix)) {
      throw new IllegalArgumentException("path-prefix must be written in canonical form " + Syntax.quote(canonical)
          + ", was: " + Syntax.quote(prefix));
    }
    List<String> segments = prefix.length() == 1 ? List.of() : List.of(prefix.substring(1).split("/"));
    return new PathPattern(Kind.PREFIX, prefix, segments, null);
  }

  /** A template: {@code /}-separated literal or {@code {name}} segments, optionally ending in {@code {name*}}. */
  static PathPattern template(String template) {
    if (template == null || !template.startsWith("/")) {
      throw new IllegalArgumentException("path-template must start with /, was: " + Syntax.quote(template));
    }
    String[] parts = template.substring(1).split("/", -1);
    List<String> segments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parts.length - 1; i++) {
      segments.add(segment(template, parts[i], names, false));
    }
    String last = segment(template, parts[parts.length - 1], names, true);
    if (last.endsWith("*}")) {
      return new PathPattern(Kind.CATCH_ALL, template, segments, last.substring(1, last.length() - 2));
    }
    segments.add(last);
    return new PathPattern(Kind.TEMPLATE, template, segments, null);
  }

  private static String segment(String template, String segment, Set<String> names, boolean last) {
    if (!segment.startsWith("{") || !segment.endsWith("}") || segment.length() < 3) {
      return literal(template, segment, last);
    }
    boolean rest = segment.endsWith("*}");
    String name = segment.substring(1, segment.length() - (rest ? 2 : 1));
    if (rest && !last) {
      throw new IllegalArgumentException(
          "path-template catch-all {" + name + "*} must be the last segment, was: " + Syntax.quote(template));
    }
    if (!PARAMETER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("path-template parameter names must match [A-Za-z_][A-Za-z0-9_]*, was: "
          + segment + " in " + Syntax.quote(template));
    }
    if (!names.add(name)) {
      throw new IllegalArgumentException(
          "path-template names parameter {" + name + "} twice, was: " + Syntax.quote(template));
    }
    return segment;
  }

  private static String literal(String template, String segment, boolean last) {
    if (segment.isEmpty() && !last) {
      throw new IllegalArgumentException(
          "path-template must not contain an empty segment (//), was: " + Syntax.quote(template));
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException(
          "path-template must not contain . or .. segments, was: " + Syntax.quote(template));
    }
    if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
      throw new IllegalArgumentException("path-template segment " + Syntax.quote(segment)
          + " must be a literal or a whole {name}, in " + Syntax.quote(template));
    }
    String canonical = canonical("/" + segment, "path-template").substring(1);
    if (!canonical.equals(segment)) {
      throw new IllegalArgumentException("path-template segment " + Syntax.quote(segment)
          + " must be written in canonical form " + Syntax.quote(canonical) + ", in " + Syntax.quote(template));
    }
    return segment;
  }

  private static String canonical(String path, String field) {
    try {
      return PathNormalizer.normalize(path);
    } catch (HttpException e) {
      throw new IllegalArgumentException(
          field + " is not a valid path (" + e.detail() + "), was: " + Syntax.quote(path), e);
    }
  }

  /** Whether a segment of {@link #segments()} is a {@code {name}} parameter rather than a literal. */
  static boolean isParameter(String segment) {
    return segment.startsWith("{");
  }

  /** The name of a {@code {name}} segment. */
  static String parameterName(String segment) {
    return segment.substring(1, segment.length() - 1);
  }

  Kind kind() {
    return kind;
  }

  /** The pattern as configured. */
  String text() {
    return text;
  }

  /** The segments before any catch-all, literal or {@code {name}}. */
  List<String> segments() {
    return segments;
  }

  /** Whether the pattern binds any parameter. */
  boolean hasParameters() {
    return hasParameters;
  }

  /**
   * The index in {@link #segments()} of each parameter, in order; a catch-all is last, at
   * {@code segments().size()}.
   */
  int[] parameterSegments() {
    return parameterSegments;
  }

  /** The names of the parameters, in the order of {@link #parameterSegments()}. */
  String[] parameterNames() {
    return parameterNames;
  }

  /** The catch-all's name, for {@link Kind#CATCH_ALL}. */
  String catchAll() {
    return catchAll;
  }

  /** What two routes must share to match the same paths: parameter names do not count. */
  String shape() {
    StringBuilder shape = new StringBuilder(kind == Kind.PREFIX ? "path-prefix " : "path-template ");
    for (String segment : segments) {
      shape.append('/').append(isParameter(segment) ? "{}" : segment);
    }
    if (kind == Kind.CATCH_ALL) {
      shape.append("/{*}");
    }
    if (segments.isEmpty() && kind == Kind.PREFIX) {
      shape.append('/');
    }
    return shape.toString();
  }
}
