package io.gatehouse.server.cli;

/** The command line's exit codes. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** The command ran and failed (a rejected token, an unreadable file, a refused key). */
  public static final int FAILURE = 1;
  /** The command line itself was wrong. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
