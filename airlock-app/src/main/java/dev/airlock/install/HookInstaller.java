package dev.airlock.install;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Installs and uninstalls Airlock's hook in one runtime's settings file. */
public final class HookInstaller {

  /** What an install or uninstall did. {@code backup} is null when nothing was backed up. */
  public record Outcome(Change change, Path file, @Nullable Path backup) {}

  /** The kind of change made to the file. */
  public enum Change {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED
  }

  private final SettingsFiles files;

  public HookInstaller(Clock clock) {
    this.files = new SettingsFiles(clock);
  }

  /** Adds Airlock's hook with this command to the file; does nothing when it is already there. */
  public Outcome install(Runtime rt, Path file, String command)
      throws IOException, SettingsException {
    String before = read(file);
    String after;
    try {
      after = SettingsEdit.install(before, rt, command);
    } catch (SettingsException e) {
      throw refused(file, e);
    }
    if (after.equals(before)) {
      return new Outcome(Change.UNCHANGED, file, null);
    }
    Path backup = before == null ? null : files.backup(file);
    files.write(file, after);
    return new Outcome(before == null ? Change.CREATED : Change.UPDATED, file, backup);
  }

  /** Removes Airlock's hook from the file; deletes the file when install had created it. */
  public Outcome uninstall(Runtime rt, Path file, String command)
      throws IOException, SettingsException {
    String before = read(file);
    if (before == null) {
      return new Outcome(Change.UNCHANGED, file, null);
    }
    String after;
    try {
      after = SettingsEdit.uninstall(before, rt, command);
    } catch (SettingsException e) {
      throw refused(file, e);
    }
    if (before.equals(after)) {
      return new Outcome(Change.UNCHANGED, file, null);
    }
    Path backup = files.backup(file);
    if (after == null) {
      files.delete(file);
      return new Outcome(Change.DELETED, file, backup);
    }
    files.write(file, after);
    return new Outcome(Change.UPDATED, file, backup);
  }

  private @Nullable String read(Path file) throws IOException, SettingsException {
    try {
      return files.read(file);
    } catch (SettingsException e) {
      throw refused(file, e);
    }
  }

  private static SettingsException refused(Path file, SettingsException e) {
    return new SettingsException(
        "refusing to change " + file + ": " + e.getMessage() + "; nothing was written");
  }
}
