package io.gatehouse.http.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request on the {@code gatehouse.access} logger. Headers are never logged and
 * the query string passes through {@link Redaction}, so credentials cannot reach the log.
 */
public final class AccessLog {
  /** Logger name; route it to its own appender or turn it off in the logging config. */
  public static final String LOGGER = "gatehouse.access";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final JsonFactory JSON = new JsonFactory();

  private AccessLog() {}

  /** Whether lines are written at all (cheap check before building one). */
  public static boolean enabled() {
    return LOG.isInfoEnabled();
  }

  /** Writes the line for a finished request. */
  public static void write(Entry entry) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    LOG.info(toJson(entry));
  }

  static String toJson(Entry e) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", e.time().toString());
      json.writeStringField("listener", e.listener());
      json.writeStringField("request_id", e.requestId());
      json.writeStringField("method", e.method());
      json.writeStringField("path", e.path());
      String query = Redaction.query(e.rawQuery());
      if (!query.isEmpty()) {
        json.writeStringField("query", query);
      }
      json.writeNumberField("status", e.status());
      json.writeNumberField("bytes_in", e.bytesIn());
      json.writeNumberField("bytes_out", e.bytesOut());
      json.writeNumberField("duration_ms", e.durationNanos() / 1_000_000.0);
      json.writeStringField("route", e.route());
      json.writeStringField("remote", e.remote());
      if (e.upstream() != null) {
        json.writeStringField("upstream", e.upstream());
      }
      if (e.subject() != null) {
        json.writeStringField("subject", e.subject());
      }
      if (e.keyId() != null) {
        json.writeStringField("key_id", e.keyId());
      }
      json.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString();
  }

  /**
   * What one line holds.
   *
   * @param time when the request arrived
   * @param listener which listener served it
   * @param requestId the request id
   * @param method the method
   * @param path the path as received, without query
   * @param rawQuery the query string (redacted before writing)
   * @param status the response status
   * @param bytesIn request body bytes
   * @param bytesOut response body bytes
   * @param durationNanos time from request head to response written
   * @param route the route template or handler name
   * @param remote the peer address
   * @param upstream where a proxied request went ({@code host:port}), or null
   * @param subject who the request was authenticated as ({@code sub}), or null
   * @param keyId the public id of the API key used (never the key), or null
   */
  public record Entry(Instant time, String listener, String requestId, String method, String path,
      String rawQuery, int status, long bytesIn, long bytesOut, long durationNanos, String route, String remote,
      String upstream, String subject, String keyId) {

    /** An entry of a request that was not proxied. */
    public Entry(Instant time, String listener, String requestId, String method, String path, String rawQuery,
        int status, long bytesIn, long bytesOut, long durationNanos, String route, String remote) {
      this(time, listener, requestId, method, path, rawQuery, status, bytesIn, bytesOut, durationNanos, route, remote,
          null, null, null);
    }
  }
}
