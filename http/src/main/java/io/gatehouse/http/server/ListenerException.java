package io.gatehouse.http.server;

/** A listener could not start (port in use, address not available); the message names the address. */
public class ListenerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String listener;

  public ListenerException(String listener, String message, Throwable cause) {
    super(message, cause);
    this.listener = listener;
  }

  /** The listener's name, e.g. {@code management}. */
  public String listener() {
    return listener;
  }
}
