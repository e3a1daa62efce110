package io.gatehouse.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads the TOKEN argument; {@code -} reads it from standard input so it stays out of shell history. */
final class TokenArgument {
  private TokenArgument() {}

  static String read(String argument, InputStream stdin) {
    if (!"-".equals(argument)) {
      return argument.trim();
    }
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.US_ASCII));
      String line = reader.readLine();
      if (line == null || line.isBlank()) {
        throw new CliException("no token on standard input");
      }
      return line.trim();
    } catch (IOException e) {
      throw new CliException("cannot read the token from standard input: " + e.getMessage(), e);
    }
  }
}
