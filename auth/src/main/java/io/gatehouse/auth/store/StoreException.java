package io.gatehouse.auth.store;

/** A store operation failed; {@link #kind()} lets the API layer choose the status in one place. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** A unique value exists already (username, role name, client id). */
    CONFLICT,
    /** The referenced row does not exist. */
    NOT_FOUND,
    /** The write refers to something invalid (an unknown role, a scope the owner lacks). */
    INVALID,
    /** The database is unreachable or failed; nothing was written. */
    UNAVAILABLE
  }

  private final Kind kind;

  public StoreException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** The kind of failure. */
  public Kind kind() {
    return kind;
  }
}
