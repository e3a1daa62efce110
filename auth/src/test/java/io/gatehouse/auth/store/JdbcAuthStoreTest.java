package io.gatehouse.auth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.http.server.EventLoops;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, reopening, health and failure modes of the store itself (embedded H2). */
class JdbcAuthStoreTest {
  @TempDir
  Path dir;

  @Test
  void createsTheH2FileOnFirstStartAndKeepsDataAcrossRestarts() {
    Path dataDir = dir.resolve("not/yet/there");
    String id;
    try (JdbcAuthStore store = JdbcAuthStore.open(StoreSettings.h2(dataDir))) {
      assertThat(dataDir.resolve("gatehouse.mv.db")).isRegularFile();
      id = store.inTransaction(tx -> tx.createUser("alice", "hash", List.of())).id();
    }
    try (JdbcAuthStore store = JdbcAuthStore.open(StoreSettings.h2(dataDir))) {
      assertThat(store.inTransaction(tx -> tx.user(id)).map(User::username)).contains("alice");
    }
  }

  @Test
  void reportsHealthUntilClosedThenFailsAsUnavailable() {
    JdbcAuthStore store = JdbcAuthStore.open(StoreSettings.h2(dir));
    assertThat(store.healthy()).isTrue();
    store.close();
    assertThat(store.healthy()).isFalse();
    assertThatThrownBy(() -> store.inTransaction(tx -> tx.user("u_x"))).isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
  }

  @Test
  void failsToOpenAnUnreachableDatabaseAsUnavailable() {
    StoreSettings settings = StoreSettings.builder().url("jdbc:postgresql://127.0.0.1:1/none").user("nobody")
        .password("hunter2").connectionTimeout(Duration.ofMillis(250)).build();
    assertThatThrownBy(() -> JdbcAuthStore.open(settings)).isInstanceOf(StoreException.class)
        .hasMessageContaining("127.0.0.1:1").hasMessageNotContaining("hunter2")
        .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
  }

  @Test
  void refusesToBlockAnEventLoop() throws Exception {
    try (JdbcAuthStore store = JdbcAuthStore.open(StoreSettings.h2(dir)); EventLoops loops = EventLoops.create(1)) {
      var onLoop = loops.group().submit(() -> store.inTransaction(tx -> tx.user("u_x")));
      assertThatThrownBy(() -> onLoop.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("jdbc");
      Optional<User> offLoop = store.inTransaction(tx -> tx.user("u_x"));
      assertThat(offLoop).isEmpty();
    }
  }

  @Test
  void settingsRejectBadValuesNamingTheField() {
    assertThatThrownBy(() -> StoreSettings.builder().build()).hasMessageContaining("url");
    assertThatThrownBy(() -> StoreSettings.builder().url("postgres://x").build()).hasMessageContaining("url");
    assertThatThrownBy(() -> StoreSettings.builder().url("jdbc:h2:mem:x").poolSize(0).build())
        .hasMessageContaining("poolSize");
    assertThatThrownBy(() -> StoreSettings.builder().url("jdbc:h2:mem:x").connectionTimeout(Duration.ZERO).build())
        .hasMessageContaining("connectionTimeout");
    assertThatThrownBy(() -> StoreSettings.h2(dir.resolve("a;b"))).hasMessageContaining("';'");
  }

  @Test
  void settingsHaveDefaultsAndNeverPrintCredentials() {
    StoreSettings settings = StoreSettings.builder().url("jdbc:postgresql://db:5432/auth?password=hunter2")
        .user("gatehouse").password("hunter3").build();
    assertThat(settings.poolSize()).isEqualTo(10);
    assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.toString()).contains("jdbc:postgresql://db:5432/auth", "gatehouse")
        .doesNotContain("hunter2", "hunter3");
    assertThat(StoreSettings.h2(dir).url()).startsWith("jdbc:h2:file:" + dir.toAbsolutePath() + "/gatehouse;")
        .contains("WRITE_DELAY=0");
    assertThat(Files.exists(dir.resolve("gatehouse.mv.db"))).as("settings alone create nothing").isFalse();
  }
}
