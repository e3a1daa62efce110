package io.gatehouse.auth;

import io.gatehouse.auth.admin.AdminApi;
import io.gatehouse.auth.oauth.GrantTypes;
import io.gatehouse.auth.secrets.ClientSecrets;
import io.gatehouse.auth.secrets.Secret;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;

/**
 * First start with an empty store: creates client {@value #CLIENT_ID} holding {@code gatehouse:admin}
 * with a random secret (or {@code GATEHOUSE_ADMIN_SECRET}) and writes its credentials to
 * {@code <data-dir>/admin-credentials} with mode 0600.
 */
final class AdminBootstrap {
  static final String CLIENT_ID = "admin";
  static final String CREDENTIALS_FILE = "admin-credentials";

  private AdminBootstrap() {}

  /** The new admin secret when this start created the client; empty when clients existed. */
  static Optional<Secret> ensureAdmin(AuthStore store, Path dataDir, Optional<String> configuredSecret, Clock clock) {
    Secret secret = configuredSecret.map(AdminBootstrap::checked).orElseGet(ClientSecrets::generate);
    boolean created = store.inTransaction(tx -> {
      if (!tx.clients().isEmpty()) {
        return false;
      }
      Client admin = new Client(CLIENT_ID, "Gatehouse administrator", new TreeSet<>(Set.of(GrantTypes.CLIENT_CREDENTIALS)),
          new TreeSet<>(Set.of(AdminApi.PERMISSION)), new TreeSet<>(Set.of(AdminApi.AUDIENCE)), false, clock.instant());
      tx.createClient(admin, ClientSecrets.hash(secret));
      tx.audit(clock.instant(), "system", "client.create", CLIENT_ID, "success", "bootstrap admin client");
      return true;
    });
    if (!created) {
      return Optional.empty();
    }
    writeCredentials(dataDir.resolve(CREDENTIALS_FILE), secret);
    return Optional.of(secret);
  }

  private static Secret checked(String secret) {
    if (secret.length() < 32) {
      throw new IllegalArgumentException("GATEHOUSE_ADMIN_SECRET must have at least 32 characters");
    }
    return Secret.of(secret);
  }

  private static void writeCredentials(Path file, Secret secret) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, "ADMIN_CLIENT_ID=" + CLIENT_ID + "\nADMIN_CLIENT_SECRET=" + secret.reveal() + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
