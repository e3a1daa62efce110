package io.gatehouse.http.server;

/** A listener could not start (port in use, address not available); the message names the address. */
public class ListenerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ListenerException(String message, Throwable cause) {
    super(message, cause);
  }
}
