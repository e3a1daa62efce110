package io.gatehouse.auth.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {
  private static final byte[] PLAINTEXT = "jwk".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  @Test
  void createsAnOwnerOnlyKeyFileOnFirstStartAndReusesIt() throws Exception {
    Path dataDir = dir.resolve("data");
    MasterKey first = MasterKey.load(Map.of(), dataDir);
    Path file = dataDir.resolve("master.key");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    assertThat(Files.readString(file)).matches("[A-Za-z0-9_-]{43}\n");
    assertThat(Files.list(dataDir)).containsExactly(file);

    MasterKey second = MasterKey.load(Map.of(), dataDir);
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(second.open(first.seal(PLAINTEXT, "kid"), "kid")).isEqualTo(PLAINTEXT);
  }

  @Test
  void environmentWinsAndNoFileIsCreated() {
    MasterKey.load(Map.of(MasterKey.ENV, Base64.getEncoder().encodeToString(new byte[32])), dir);
    assertThat(dir.resolve("master.key")).doesNotExist();
  }

  @Test
  void refusesAKeyFileOthersCanRead() throws Exception {
    MasterKey.load(Map.of(), dir);
    Path file = dir.resolve("master.key");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> MasterKey.load(Map.of(), dir)).isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("chmod 600 " + file).hasMessageContaining("rw-r--r--");
  }

  @Test
  void aCorruptKeyFileNamesTheFile() throws Exception {
    Path file = dir.resolve("master.key");
    Files.writeString(file, "tooshort\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> MasterKey.load(Map.of(), dir)).isInstanceOf(MasterKeyException.class)
        .hasMessageStartingWith(file + " decodes to").hasMessageNotContaining("tooshort");
  }

  @Test
  void concurrentFirstStartsAgreeOnOneKey() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<MasterKey>> keys = new ArrayList<>();
      Callable<MasterKey> load = () -> MasterKey.load(Map.of(), dir);
      for (int i = 0; i < 8; i++) {
        keys.add(threads.submit(load));
      }
      String fingerprint = keys.get(0).get().fingerprint();
      for (Future<MasterKey> key : keys) {
        assertThat(key.get().fingerprint()).isEqualTo(fingerprint);
      }
      assertThat(Files.list(dir)).hasSize(1);
    } finally {
      threads.shutdownNow();
    }
  }
}
