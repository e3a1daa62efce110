package io.gatehouse.gateway.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * An upstream on a plain {@link ServerSocket} (ephemeral port, 127.0.0.1) that stores exactly the
 * bytes each connection delivered, parses them into {@link Received} requests (head, and body
 * length and CRC32, de-chunked) and answers each complete request through its {@link Responder}.
 * It counts connections, so tests can tell a pooled connection from a new one.
 */
public final class RecordingUpstream implements AutoCloseable {
  /** Body bytes kept per request; the rest is only counted and checksummed. */
  public static final int KEPT_BODY_BYTES = 1 << 20;
  /** Raw bytes kept per connection. */
  public static final int KEPT_RAW_BYTES = 4 << 20;
  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final ServerSocket server;
  private final Responder responder;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch bodyGate;
  private volatile boolean answerBeforeBody;

  private RecordingUpstream(Responder responder) throws IOException {
    this.responder = responder;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("recording-upstream-" + server.getLocalPort()).start(this::accept);
  }

  /** An upstream answering {@code 200 ok} to everything. */
  public static RecordingUpstream start() {
    return start(Responder.text(200, "ok"));
  }

  /** An upstream answering through a responder. */
  public static RecordingUpstream start(Responder responder) {
    try {
      return new RecordingUpstream(responder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bound port. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code http://127.0.0.1:port}, for a route's upstream list. */
  public String uri() {
    return "http://127.0.0.1:" + port();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.size();
  }

  /** Requests read so far, in arrival order across connections. */
  public List<Received> requests() {
    return List.copyOf(received);
  }

  /** The only request received; fails when there were none or several. */
  public Received onlyRequest() {
    List<Received> all = requests();
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one request upstream, got " + all.size() + ": " + all);
    }
    return all.get(0);
  }

  /** Waits (bounded) until this many requests arrived. */
  public List<Received> awaitRequests(int count) {
    Await.until(count + " requests upstream", () -> received.size() >= count);
    return requests();
  }

  /** Exactly the bytes connection {@code index} delivered (up to {@link #KEPT_RAW_BYTES}). */
  public byte[] bytes(int index) {
    return connections.get(index).bytes();
  }

  /** Those bytes as ISO-8859-1 text. */
  public String text(int index) {
    return new String(bytes(index), StandardCharsets.ISO_8859_1);
  }

  /** Waits (bounded) until the peer closed (or reset) connection {@code index}. */
  public void awaitClosed(int index) {
    Await.until("upstream connection " + index + " closed by the gateway", () -> connections.get(index).ended);
  }

  /** Whether the peer closed (or reset) connection {@code index}. */
  public boolean closed(int index) {
    return connections.get(index).ended;
  }

  /** Stops reading request bodies (after their heads) until {@link #releaseBodies()}: the peer's writes back up. */
  public void holdBodies() {
    bodyGate = new CountDownLatch(1);
  }

  /**
   * Answers each request as soon as its head arrived, then reads its body (the answer's
   * {@link Received} has an empty body); the connection is kept.
   */
  public void answerBeforeBody() {
    answerBeforeBody = true;
  }

  /** Reads held bodies again. */
  public void releaseBodies() {
    CountDownLatch gate = bodyGate;
    bodyGate = null;
    if (gate != null) {
      gate.countDown();
    }
  }

  @Override
  public void close() {
    releaseBodies();
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Connection connection : connections) {
      connection.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      Connection connection = new Connection(connections.size(), socket);
      connections.add(connection);
      Thread.ofVirtual().name("recording-upstream-connection").start(() -> serve(connection));
    }
  }

  private void serve(Connection connection) {
    try (Socket socket = connection.socket) {
      InputStream in = new BufferedInputStream(new Tee(socket.getInputStream(), connection), 64 * 1024);
      while (!socket.isClosed()) {
        boolean early = answerBeforeBody;
        Received request = readRequest(connection.index, in, early ? socket : null);
        if (request == null) {
          return;
        }
        received.add(request);
        if (!request.complete()) {
          return;
        }
        if (!early) {
          responder.respond(request, socket);
        }
      }
    } catch (IOException e) {
      // the peer reset the connection or the test closed it
    } finally {
      connection.ended = true;
    }
  }

  /** The next request, or null at a clean end of the connection; answered before its body when given the socket. */
  private Received readRequest(int connection, InputStream in, Socket answerEarly) throws IOException {
    List<String> lines = readHead(in);
    if (lines == null) {
      return null;
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
    }
    CountDownLatch gate = bodyGate;
    if (gate != null) {
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (answerEarly != null) {
      responder.respond(new Received(connection, lines.get(0), List.copyOf(headers), 0, 0, new byte[0], false),
          answerEarly);
    }
    Body body = new Body();
    boolean chunked = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
        && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
    long length = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
        .mapToLong(h -> Long.parseLong(h.getValue())).findFirst().orElse(0);
    boolean complete;
    try {
      if (chunked) {
        readChunked(in, body);
      } else {
        body.copy(in, length);
      }
      complete = true;
    } catch (EOFException e) {
      complete = false;
    }
    return new Received(connection, lines.get(0), List.copyOf(headers), body.length, body.crc.getValue(),
        body.kept.toByteArray(), complete);
  }

  private static void readChunked(InputStream in, Body body) throws IOException {
    while (true) {
      String sizeLine = readLine(in);
      int semicolon = sizeLine.indexOf(';');
      long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      if (size == 0) {
        while (!readLine(in).isEmpty()) {
          // trailer fields are not recorded
        }
        return;
      }
      body.copy(in, size);
      if (!readLine(in).isEmpty()) {
        throw new IOException("chunk not followed by CRLF");
      }
    }
  }

  /** The head's lines, or null when the connection ended before a request started. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    int total = 0;
    while (true) {
      String line;
      try {
        line = readLine(in);
      } catch (EOFException e) {
        if (lines.isEmpty()) {
          return null;
        }
        throw e;
      }
      total += line.length() + 2;
      if (total > MAX_HEAD_BYTES) {
        throw new IOException("request head too large");
      }
      if (line.isEmpty()) {
        return lines;
      }
      lines.add(line);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); ; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection ended inside a line");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
  }

  /** A body being read: counted, checksummed, and its start kept. */
  private static final class Body {
    final CRC32 crc = new CRC32();
    final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    final byte[] buffer = new byte[64 * 1024];
    long length;

    void copy(InputStream in, long count) throws IOException {
      long left = count;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException("connection ended inside a body");
        }
        crc.update(buffer, 0, n);
        int keep = (int) Math.min(n, KEPT_BODY_BYTES - kept.size());
        if (keep > 0) {
          kept.write(buffer, 0, keep);
        }
        length += n;
        left -= n;
      }
    }
  }

  /** One accepted connection and the raw bytes it delivered. */
  private static final class Connection {
    final int index;
    final Socket socket;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    volatile boolean ended;

    Connection(int index, Socket socket) {
      this.index = index;
      this.socket = socket;
    }

    synchronized void record(byte[] bytes, int offset, int length) {
      int keep = Math.min(length, KEPT_RAW_BYTES - raw.size());
      if (keep > 0) {
        raw.write(bytes, offset, keep);
      }
    }

    synchronized byte[] bytes() {
      return raw.toByteArray();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** Records every byte read off the socket, before any parsing. */
  private static final class Tee extends FilterInputStream {
    private final Connection connection;

    Tee(InputStream in, Connection connection) {
      super(in);
      this.connection = connection;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int n = super.read(bytes, offset, length);
      if (n > 0) {
        connection.record(bytes, offset, n);
      }
      return n;
    }
  }
}
