package io.gatehouse.token;

import java.util.Locale;

/** The JOSE {@code typ} header a token carries: RFC 9068 {@code at+jwt} or plain {@code JWT}. */
public enum TokenType {
  /** RFC 9068 access token; the default. */
  AT_JWT("at+jwt"),
  /** Plain JWT, for verifiers that accept only {@code typ: JWT}. */
  JWT("JWT");

  private final String headerValue;

  TokenType(String headerValue) {
    this.headerValue = headerValue;
  }

  /** The value written to the {@code typ} header. */
  public String headerValue() {
    return headerValue;
  }

  /** Whether a {@code typ} header value names this type (RFC 7515 §4.1.9: case-insensitive, optional "application/"). */
  public boolean matches(String typ) {
    if (typ == null) {
      return false;
    }
    String value = typ.toLowerCase(Locale.ROOT);
    if (value.startsWith("application/")) {
      value = value.substring("application/".length());
    }
    return value.equals(headerValue.toLowerCase(Locale.ROOT));
  }

  /** Parses the configuration spelling ({@code at+jwt} or {@code jwt}). */
  public static TokenType fromConfig(String value) {
    for (TokenType type : values()) {
      if (type.headerValue.equalsIgnoreCase(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("token type must be at+jwt or jwt, was: " + value);
  }
}
