package io.teamsmeet.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files and directories only their owner may use, with the permissions set when they are created
 * (never created open and narrowed afterwards). On file systems without POSIX permissions the
 * platform's defaults apply.
 */
final class OwnerOnly {

  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** Creates {@code dir} (rwx------) if it is missing; its parents get the platform's defaults. */
  static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, attribute(DIRECTORY));
    } catch (UnsupportedOperationException e) {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /**
   * Writes a new file (rw-------) with {@code content}, atomically: a reader never sees it half
   * written, and if the file already exists nothing is replaced.
   *
   * @return false if {@code file} already existed (another process created it first)
   */
  static boolean createFile(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp;
    try {
      temp = Files.createTempFile(dir, ".new-", ".tmp", attribute(FILE));
    } catch (UnsupportedOperationException e) {
      temp = Files.createTempFile(dir, ".new-", ".tmp");
    }
    try {
      try (OutputStream out =
          Channels.newOutputStream(
              Files.newByteChannel(
                  temp, EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.SYNC)))) {
        out.write(content);
      }
      try {
        // A hard link fails if the name exists: no window in which two writers both win.
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | IOException e) {
        if (Files.exists(file)) {
          return false;
        }
        Files.move(temp, file);
      }
      return true;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The permissions of {@code path} that others than its owner have, if the platform tells. */
  static Optional<String> looseness(Path path) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      Set<PosixFilePermission> extra = EnumSet.noneOf(PosixFilePermission.class);
      extra.addAll(permissions);
      extra.removeIf(p -> p.name().startsWith("OWNER"));
      return extra.isEmpty()
          ? Optional.empty()
          : Optional.of(PosixFilePermissions.toString(permissions));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Narrows an existing file to rw------- if the platform allows; best effort. */
  static void restrict(Path file) {
    try {
      if (Files.exists(file)) {
        Files.setPosixFilePermissions(file, FILE);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // The directory (rwx------) still keeps others out.
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(
      Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
