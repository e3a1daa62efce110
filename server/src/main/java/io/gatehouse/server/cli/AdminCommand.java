package io.gatehouse.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse admin …}: the common admin API operations from the shell; prints the JSON answer. */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Admin API from the shell (URLs and credentials from flags or ADMIN_URL, AUTH_URL, "
        + "ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET).",
    subcommands = {
      AdminCommand.CreateRole.class, AdminCommand.CreateUser.class, AdminCommand.GrantRole.class,
      AdminCommand.CreateApiKey.class, AdminCommand.ListApiKeys.class, AdminCommand.RevokeApiKey.class,
      AdminCommand.CreateClient.class, AdminCommand.RotateKeys.class, AdminCommand.FindUser.class
    })
final class AdminCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  /** Base of the subcommands: options, the client, printing. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin AdminOptions options;

    @Override
    public Integer call() {
      JsonNode answer = run(new AdminClient(options));
      if (!answer.isNull()) {
        spec.commandLine().getOut().println(Json.pretty(answer));
      }
      return ExitCodes.OK;
    }

    abstract JsonNode run(AdminClient client);
  }

  @Command(name = "create-role", mixinStandardHelpOptions = true, description = "Create a role.")
  static final class CreateRole extends Base {
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--permission", split = ",", paramLabel = "P", description = "Permission (repeatable or comma-separated).")
    List<String> permissions = new ArrayList<>();

    @Override
    JsonNode run(AdminClient client) {
      return client.call("POST", "/roles", Map.of("name", name, "permissions", permissions));
    }
  }

  @Command(name = "create-user", mixinStandardHelpOptions = true, description = "Create a user.")
  static final class CreateUser extends Base {
    @Parameters(index = "0", paramLabel = "USERNAME") String username;
    @Option(names = "--password", required = true, interactive = true, arity = "0..1",
        description = "Password (prompted when given without a value).")
    String password;
    @Option(names = "--role", split = ",", paramLabel = "ROLE") List<String> roles = new ArrayList<>();

    @Override
    JsonNode run(AdminClient client) {
      return client.call("POST", "/users", Map.of("username", username, "password", password, "roles", roles));
    }
  }

  @Command(name = "find-user", mixinStandardHelpOptions = true, description = "Find a user by username.")
  static final class FindUser extends Base {
    @Parameters(index = "0", paramLabel = "USERNAME") String username;

    @Override
    JsonNode run(AdminClient client) {
      return client.call("GET", "/users?username=" + java.net.URLEncoder.encode(username,
          java.nio.charset.StandardCharsets.UTF_8), null);
    }
  }

  @Command(name = "grant-role", mixinStandardHelpOptions = true, description = "Give a user a role.")
  static final class GrantRole extends Base {
    @Parameters(index = "0", paramLabel = "USER_ID") String userId;
    @Parameters(index = "1", paramLabel = "ROLE") String role;

    @Override
    JsonNode run(AdminClient client) {
      List<String> roles = new ArrayList<>();
      client.call("GET", "/users/" + userId, null).path("roles").forEach(r -> roles.add(r.asText()));
      if (!roles.contains(role)) {
        roles.add(role);
      }
      return client.call("PATCH", "/users/" + userId, Map.of("roles", roles));
    }
  }

  @Command(name = "create-api-key", mixinStandardHelpOptions = true,
      description = "Create an API key for a user; the key is printed this once.")
  static final class CreateApiKey extends Base {
    @Parameters(index = "0", paramLabel = "USER_ID") String userId;
    @Option(names = "--name", required = true) String name;
    @Option(names = "--scope", split = ",", paramLabel = "P") List<String> scopes = new ArrayList<>();
    @Option(names = "--expires-in", paramLabel = "SECONDS") Long expiresIn;

    @Override
    JsonNode run(AdminClient client) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("scopes", scopes);
      if (expiresIn != null) {
        body.put("expires_in", expiresIn);
      }
      return client.call("POST", "/users/" + userId + "/api-keys", body);
    }
  }

  @Command(name = "list-api-keys", mixinStandardHelpOptions = true, description = "List a user's API keys.")
  static final class ListApiKeys extends Base {
    @Parameters(index = "0", paramLabel = "USER_ID") String userId;

    @Override
    JsonNode run(AdminClient client) {
      return client.call("GET", "/users/" + userId + "/api-keys", null);
    }
  }

  @Command(name = "revoke-api-key", mixinStandardHelpOptions = true, description = "Revoke an API key by id.")
  static final class RevokeApiKey extends Base {
    @Parameters(index = "0", paramLabel = "KEY_ID") String keyId;

    @Override
    JsonNode run(AdminClient client) {
      client.call("DELETE", "/api-keys/" + keyId, null);
      spec.commandLine().getErr().println("gatehouse: API key " + keyId + " revoked");
      return Json.mapper().nullNode();
    }
  }

  @Command(name = "create-client", mixinStandardHelpOptions = true,
      description = "Create an OAuth client; its secret is printed this once.")
  static final class CreateClient extends Base {
    @Parameters(index = "0", paramLabel = "CLIENT_ID") String clientId;
    @Option(names = "--grant", split = ",", paramLabel = "G") List<String> grants = new ArrayList<>();
    @Option(names = "--permission", split = ",", paramLabel = "P") List<String> permissions = new ArrayList<>();
    @Option(names = "--audience", split = ",", paramLabel = "A") List<String> audiences = new ArrayList<>();

    @Override
    JsonNode run(AdminClient client) {
      return client.call("POST", "/clients", Map.of("client_id", clientId, "grants", grants,
          "permissions", permissions, "audiences", audiences));
    }
  }

  @Command(name = "rotate-signing-keys", mixinStandardHelpOptions = true, description = "Rotate the signing keys.")
  static final class RotateKeys extends Base {
    @Option(names = "--force", description = "Rotate even if the next key was published less than the JWKS max-age ago.")
    boolean force;

    @Override
    JsonNode run(AdminClient client) {
      return client.call("POST", "/signing-keys/rotate", Map.of("force", force));
    }
  }
}
