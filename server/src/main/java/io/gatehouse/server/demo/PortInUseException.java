package io.gatehouse.server.demo;

/** A demo port is taken: says which, and the flag that moves it. */
public final class PortInUseException extends RuntimeException {
  /** For the listener or service {@code name} on {@code port}. */
  public PortInUseException(String name, int port, Throwable cause) {
    super("port " + port + " (" + name + ") is already in use; choose another with --" + name + "-port", cause);
  }
}
