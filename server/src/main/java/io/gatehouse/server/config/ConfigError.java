package io.gatehouse.server.config;

/**
 * One configuration problem.
 *
 * @param path dotted path, e.g. {@code management.port}
 * @param value the offending value as written (empty when missing)
 * @param origin {@code file:line} or {@code env NAME}
 * @param reason what is wrong
 */
public record ConfigError(String path, String value, String origin, String reason) {
  @Override
  public String toString() {
    String shown = value.isEmpty() ? "" : " = \"" + value + "\"";
    return origin + ": " + path + shown + ": " + reason;
  }
}
