package io.gatehouse.auth.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <dataDir>/master.key}: base64url of 32 bytes and a newline. Created as a private temp
 * file (mode 0600 from the start, never readable by others), synced, then hard-linked into
 * place, which fails rather than replaces when another process created the key first.
 */
final class MasterKeyFile {
  private static final Logger LOG = LoggerFactory.getLogger(MasterKeyFile.class);
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private MasterKeyFile() {}

  static byte[] loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      try {
        create(file);
      } catch (FileAlreadyExistsException raced) {
        LOG.debug("{} was created by another process; using it", file);
      }
      return read(file);
    } catch (IOException e) {
      throw new MasterKeyException("cannot read or create the master key file " + file + ": " + e.getMessage()
          + "; or set " + MasterKey.ENV, e);
    } catch (UnsupportedOperationException e) {
      throw new MasterKeyException("cannot create " + file + " with owner-only permissions on this file system;"
          + " set " + MasterKey.ENV + " instead", e);
    }
  }

  private static byte[] read(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
        throw new MasterKeyException(file + " is accessible by group or others (" + PosixFilePermissions.toString(
            permissions) + "); restrict it with: chmod 600 " + file);
      }
    }
    return MasterKey.decode(Secret.of(Files.readString(file, StandardCharsets.US_ASCII)), file.toString());
  }

  private static void create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, OWNER_ONLY_DIR);
    }
    byte[] key = new byte[MasterKey.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n";
    byte[] text = encoded.getBytes(StandardCharsets.US_ASCII);
    Path temp = Files.createTempFile(dir, ".master.key.", ".tmp", OWNER_ONLY);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(text));
        channel.force(true);
      }
      publish(temp, file);
      syncDirectory(dir);
      LOG.warn("created master key {} (sha256:{}); back it up: without it the signing keys in the store cannot be"
          + " opened", file, MasterKey.fromBytes(key).fingerprint());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Links the finished file into place; where hard links are unsupported, a move that also never replaces. */
  private static void publish(Path temp, Path file) throws IOException {
    try {
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.move(temp, file);
    }
  }

  /** Makes the new directory entry durable, so a crash cannot lose a key that already sealed data. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("cannot sync directory {}: {}", dir, e.getMessage());
    }
  }
}
