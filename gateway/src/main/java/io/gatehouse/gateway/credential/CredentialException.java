package io.gatehouse.gateway.credential;

/** A request whose credential is ambiguous or misplaced: answered 400 {@code invalid_request}. */
public final class CredentialException extends RuntimeException {
  /** With a message safe to show the client (it never contains the credential). */
  public CredentialException(String message) {
    super(message, null, false, false);
  }
}
