package io.gatehouse.gateway.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A plain TCP client for exact bytes: writes what a test says (pipelined requests in one write,
 * half a body, anything), reads responses framed by {@code Content-Length} or chunked coding, and
 * tells a complete message from one cut short by a closed connection ({@link EOFException}).
 */
public final class RawClient implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    this.out = socket.getOutputStream();
  }

  /** Connects to a port on 127.0.0.1. */
  public static RawClient open(int port) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      return new RawClient(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes ISO-8859-1 text in one write. */
  public RawClient write(String text) throws IOException {
    return write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Writes bytes in one write. */
  public RawClient write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** The socket's output, for streaming a body. */
  public OutputStream output() {
    return out;
  }

  /** A request head with {@code Host: gateway} and the given extra header lines (each without CRLF). */
  public static String head(String method, String target, String... headers) {
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: gateway\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  /** Sends a bodiless GET and reads its response. */
  public Response get(String target, String... headers) throws IOException {
    write(head("GET", target, headers));
    return readResponse();
  }

  /**
   * Reads one complete response (no body for 1xx, 204, 304).
   *
   * @throws EOFException when the connection ends before the message does
   */
  public Response readResponse() throws IOException {
    Head head = readHead();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    readBody(head, body, new CRC32());
    return new Response(head, body.toByteArray());
  }

  /** Reads the response to a HEAD request: a head only, whatever its framing headers say. */
  public Head readHeadOnly() throws IOException {
    return readHead();
  }

  /** Reads a response head. */
  public Head readHead() throws IOException {
    String statusLine = readLine();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    return new Head(statusLine, Integer.parseInt(statusLine.split(" ")[1]), headers);
  }

  /**
   * Reads the body of a response whose head was read, into {@code sink} (may be null to discard)
   * and the checksum; returns its length.
   *
   * @throws EOFException when the connection ends before the body does
   */
  public long readBody(Head head, OutputStream sink, CRC32 crc) throws IOException {
    if (head.status() < 200 || head.status() == 204 || head.status() == 304) {
      return 0;
    }
    if (head.header("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
      long total = 0;
      for (long size = chunkSize(); size > 0; size = chunkSize()) {
        total += copy(size, sink, crc);
        if (!readLine().isEmpty()) {
          throw new IOException("chunk not followed by CRLF");
        }
      }
      while (!readLine().isEmpty()) {
        // trailers
      }
      return total;
    }
    Optional<String> length = head.header("content-length");
    if (length.isPresent()) {
      return copy(Long.parseLong(length.get()), sink, crc);
    }
    return copy(Long.MAX_VALUE, sink, crc); // until the connection ends
  }

  /**
   * Whether the server closed the connection (end of stream or reset) without sending anything
   * more, waiting up to the read timeout.
   */
  public boolean closedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true;
    }
  }

  /** Everything that arrives until the connection ends (or the read times out). */
  public byte[] readUntilClosed() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (IOException e) {
      // what arrived so far is the answer
    }
    return all.toByteArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** Closes with a reset (SO_LINGER 0), like a client that crashed. */
  public void abort() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  private long chunkSize() throws IOException {
    String line = readLine();
    int semicolon = line.indexOf(';');
    return Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
  }

  private long copy(long count, OutputStream sink, CRC32 crc) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    while (copied < count) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, count - copied));
      if (n < 0) {
        if (count == Long.MAX_VALUE) {
          return copied;
        }
        throw new EOFException("connection ended after " + copied + " of " + count + " body bytes");
      }
      if (sink != null) {
        sink.write(buffer, 0, n);
      }
      crc.update(buffer, 0, n);
      copied += n;
    }
    return copied;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); ; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection ended inside a line: " + line.toString(StandardCharsets.ISO_8859_1));
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
  }

  /**
   * A response head as it came off the wire.
   *
   * @param statusLine the status line without CRLF
   * @param status the status code
   * @param headers values by lower-case name, in arrival order
   */
  public record Head(String statusLine, int status, Map<String, List<String>> headers) {
    /** A header's first value. */
    public Optional<String> header(String name) {
      List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  /**
   * A complete response.
   *
   * @param head its head
   * @param body its body, de-chunked
   */
  public record Response(Head head, byte[] body) {
    /** The status code. */
    public int status() {
      return head.status();
    }

    /** A header's first value. */
    public Optional<String> header(String name) {
      return head.header(name);
    }

    /** The body as UTF-8. */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return head.statusLine() + " " + head.headers() + " " + bodyText();
    }
  }
}
