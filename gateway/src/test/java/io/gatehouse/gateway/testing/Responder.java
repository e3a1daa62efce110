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

  /** 200 with the request target as its body, so a client can tell which request an answer belongs to. */
  static Responder target() {
    return (request, socket) -> text(200, request.target()).respond(request, socket);
  }

  /** Writes and flushes bytes. */
  static void write(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }
}
