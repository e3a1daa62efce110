package io.gatehouse.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request that ends in an error response. Becomes an RFC 9457 problem+json body with this
 * status, title and detail; the detail goes on the wire, so it must never hold a secret or an
 * internal message.
 */
public class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final transient Map<String, String> headers;
  private final boolean closeConnection;

  private HttpException(Builder builder) {
    super(builder.detail);
    this.status = builder.status;
    this.type = builder.type;
    this.title = builder.title;
    this.headers = Map.copyOf(builder.headers);
    this.closeConnection = builder.closeConnection;
  }

  /** A builder for a status; title defaults to the reason phrase, type to {@code about:blank}. */
  public static Builder builder(int status) {
    return new Builder(status);
  }

  /** 400 with a detail. */
  public static HttpException badRequest(String detail) {
    return builder(400).detail(detail).build();
  }

  /** 404. */
  public static HttpException notFound() {
    return builder(404).detail("no resource at this path").build();
  }

  /** 405 with the {@code Allow} header. */
  public static HttpException methodNotAllowed(Set<String> allowed) {
    return builder(405).detail("method not allowed here").header("Allow", String.join(", ", new TreeSet<>(allowed)))
        .build();
  }

  /** 413: the body exceeds {@code limit} bytes; the connection closes since the body is not read. */
  public static HttpException payloadTooLarge(long limit) {
    return builder(413).detail("request body exceeds " + limit + " bytes").closeConnection().build();
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The problem type URI. */
  public String type() {
    return type;
  }

  /** The problem title. */
  public String title() {
    return title;
  }

  /** The detail, safe for the wire. */
  public String detail() {
    return getMessage();
  }

  /** Extra response headers (e.g. {@code Allow}, {@code Retry-After}, {@code WWW-Authenticate}). */
  public Map<String, String> headers() {
    return headers;
  }

  /** Whether the connection must close after this response (unread body, broken framing). */
  public boolean closeConnection() {
    return closeConnection;
  }

  /** Builds an {@link HttpException}. */
  public static final class Builder {
    private final int status;
    private String type = "about:blank";
    private String title;
    private String detail;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean closeConnection;

    private Builder(int status) {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("error status must be 4xx or 5xx, was: " + status);
      }
      this.status = status;
      this.title = HttpResponseStatus.valueOf(status).reasonPhrase();
      this.detail = title;
    }

    /** Problem type URI. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Short summary of the problem type. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** What went wrong with this request; goes on the wire. */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /** Adds a response header. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Close the connection after responding. */
    public Builder closeConnection() {
      this.closeConnection = true;
      return this;
    }

    /** Builds the exception. */
    public HttpException build() {
      return new HttpException(this);
    }
  }
}
