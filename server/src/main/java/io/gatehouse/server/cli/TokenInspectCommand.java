package io.gatehouse.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse token inspect}: decodes a token's header and claims without trusting them. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Decode a token's header and claims WITHOUT verifying the signature.",
      "Prints {\"header\": …, \"claims\": …} as JSON; use 'token verify' to decide whether to trust it."
    })
final class TokenInspectCommand implements Callable<Integer> {
  private static final int MAX_LENGTH = 64 * 1024;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOKEN", description = "The token, or - to read it from stdin.")
  String token;

  @Override
  public Integer call() {
    String value = TokenArgument.read(token, System.in);
    if (value.length() > MAX_LENGTH) {
      throw new CliException("token is longer than " + MAX_LENGTH + " characters");
    }
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3) {
      throw new CliException("not a compact JWS: expected 3 dot-separated parts, found " + parts.length);
    }
    Map<String, Object> decoded = new LinkedHashMap<>();
    decoded.put("header", decode(parts[0], "header"));
    decoded.put("claims", decode(parts[1], "claims"));
    decoded.put("signature_verified", false);
    spec.commandLine().getOut().println(Json.pretty(decoded));
    spec.commandLine().getErr().println("gatehouse: signature NOT verified; use 'gatehouse token verify' to trust it");
    return ExitCodes.OK;
  }

  private static JsonNode decode(String part, String name) {
    try {
      return Json.mapper().readTree(Base64.getUrlDecoder().decode(part));
    } catch (IllegalArgumentException | IOException e) {
      throw new CliException(name + " is not base64url-encoded JSON");
    }
  }
}
