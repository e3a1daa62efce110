package io.gatehouse.gateway.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** How a {@link RecordingUpstream} answers a request it has read completely. */
@FunctionalInterface
public interface Responder {
  /** Answers one request on the socket; closing (or resetting) the socket ends the connection. */
  void respond(Received request, Socket socket) throws IOException;

  /** A {@code text/plain} response with a {@code Content-Length}. */
  static Responder text(int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return raw("HTTP/1.1 " + status + " Status\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
        + "\r\n\r\n" + body);
  }

  /** Exactly these bytes (ISO-8859-1), whatever the request. */
  static Responder raw(String response) {
    byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
    return (request, socket) -> write(socket, bytes);
  }

  /**
   * 200 with the request target as its body, so a client can tell which request an answer belongs
   * to (to {@code HEAD}, the same head without the body).
   */
  static Responder target() {
    return (request, socket) -> {
      String target = request.target();
      String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + target.length() + "\r\n\r\n";
      boolean bodiless = request.requestLine().startsWith("HEAD ");
      write(socket, (bodiless ? head : head + target).getBytes(StandardCharsets.UTF_8));
    };
  }

  /** Writes and flushes bytes. */
  static void write(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }
}
