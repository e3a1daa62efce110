package io.gatehouse.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.auth.secrets.MasterKeyException;
import io.gatehouse.auth.secrets.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bootstrap admin client, restarts on the same data, and a changed master key. */
abstract class BootstrapTests extends AuthServiceContract {
  BootstrapTests(ServiceDatabase db) {
    super(db);
  }

  @Test
  void firstStartCreatesTheAdminClientAndWritesItsCredentialsPrivately() throws Exception {
    Path file = dataDir.resolve("admin-credentials");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).isEqualTo("ADMIN_CLIENT_ID=admin\nADMIN_CLIENT_SECRET=" + ADMIN_SECRET + "\n");
    assertThat(service.bootstrapAdminSecret().map(Secret::reveal)).contains(ADMIN_SECRET);
    JsonNode clients = admin("GET", "/clients").expect(200).path("items");
    assertThat(clients.findValuesAsText("client_id")).containsExactly("admin");
    assertThat(texts(clients.get(0).path("permissions"))).containsExactly("gatehouse:admin");
    assertThat(texts(clients.get(0).path("grants"))).containsExactly("client_credentials");
    assertThat(texts(clients.get(0).path("audiences"))).containsExactly("gatehouse-admin");
  }

  @Test
  void generatesARandomSecretWhenNoneIsConfigured() throws Exception {
    wipe();

    start(settings(Optional.empty()), Map.of());

    String secret = service.bootstrapAdminSecret().orElseThrow().reveal();
    assertThat(secret).isNotEqualTo(ADMIN_SECRET).hasSizeGreaterThanOrEqualTo(40);
    assertThat(Files.readString(dataDir.resolve("admin-credentials"))).contains("ADMIN_CLIENT_SECRET=" + secret + "\n");
    assertThat(accessToken(new Creds("admin", secret))).isNotBlank();
    token(ADMIN, "grant_type", "client_credentials").expectOAuthError(401, "invalid_client");
  }

  @Test
  void aSecondStartOnTheSameDataCreatesNothingAndKeepsTheCredentials() throws Exception {
    Path file = dataDir.resolve("admin-credentials");
    String credentials = Files.readString(file);
    FileTime written = Files.getLastModifiedTime(file);
    JsonNode clients = admin("GET", "/clients").expect(200);
    List<String> keys = admin("GET", "/signing-keys").expect(200).path("items").findValuesAsText("kid");
    int events = admin("GET", "/audit?limit=200").expect(200).path("items").size();
    stop();

    start(settings(Optional.of("another-admin-secret-0123456789-0123456789")), Map.of());

    assertThat(service.bootstrapAdminSecret()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(credentials);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
    assertThat(admin("GET", "/clients").expect(200)).isEqualTo(clients);
    assertThat(admin("GET", "/signing-keys").expect(200).path("items").findValuesAsText("kid"))
        .containsExactlyInAnyOrderElementsOf(keys);
    assertThat(admin("GET", "/audit?limit=200").expect(200).path("items").size()).isEqualTo(events);
  }

  @Test
  void refusesToStartWithAnotherMasterKeyAndSaysWhy() {
    stop();
    byte[] other = new byte[32];
    new SecureRandom().nextBytes(other);
    String encoded = Base64.getEncoder().encodeToString(other);

    assertThatThrownBy(() -> start(settings(Optional.of(ADMIN_SECRET)), Map.of("GATEHOUSE_MASTER_KEY", encoded)))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("sealed with a different master key")
        .hasMessageContaining("restore the original GATEHOUSE_MASTER_KEY or master.key")
        .hasMessageNotContaining(encoded);

    // Nothing was left half-started: the original key still opens the data.
    start(settings(Optional.of(ADMIN_SECRET)), Map.of());
    assertThat(accessToken(ADMIN)).isNotBlank();
  }
}
