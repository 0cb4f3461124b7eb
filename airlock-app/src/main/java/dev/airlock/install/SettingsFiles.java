package dev.airlock.install;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads, backs up and replaces settings files. A file is replaced atomically (written beside it,
 * then moved over it) keeping its permissions; a symbolic link is followed so the link survives.
 * The backup is a copy named {@code FILE.airlock-backup-YYYYMMDDTHHMMSSZ} next to the file.
 */
final class SettingsFiles {

  /** Settings files are small; anything larger is refused rather than read. */
  static final long MAX_BYTES = 4L * 1024 * 1024;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;

  SettingsFiles(Clock clock) {
    this.clock = clock;
  }

  /** The text of the file, or null when it does not exist. Refuses non-UTF-8 and huge files. */
  @Nullable String read(Path file) throws IOException, SettingsException {
    if (!Files.exists(file)) {
      return null;
    }
    if (!Files.isRegularFile(file)) {
      throw new SettingsException("not a regular file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new SettingsException("larger than " + MAX_BYTES + " bytes");
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SettingsException("not UTF-8 text");
    }
  }

  /** Copies the file to a fresh backup name beside it and returns that path. */
  Path backup(Path file) throws IOException {
    Path real = file.toRealPath();
    String base = real.getFileName() + ".airlock-backup-" + STAMP.format(clock.instant());
    Path target = real.resolveSibling(base);
    for (int i = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++) {
      target = real.resolveSibling(base + "-" + i);
    }
    Files.copy(real, target, StandardCopyOption.COPY_ATTRIBUTES);
    return target;
  }

  /** Replaces (or creates, with its directories) the file with this text, atomically. */
  void write(Path file, String text) throws IOException {
    Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Set<PosixFilePermission> perms = null;
    if (Files.exists(target)
        && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
      perms = Files.getPosixFilePermissions(target);
    }
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".airlock-tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      if (perms != null) {
        Files.setPosixFilePermissions(tmp, perms);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Deletes the file (its backup was taken first). */
  void delete(Path file) throws IOException {
    Files.delete(Files.exists(file) ? file.toRealPath() : file);
  }
}
