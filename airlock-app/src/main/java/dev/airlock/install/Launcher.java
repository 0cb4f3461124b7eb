package dev.airlock.install;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Finds the repository's {@code airlock} launcher, whose absolute path goes into hook commands: the
 * {@code airlock.home} system property the launcher sets, else three levels above the running jar
 * ({@code HOME/airlock-app/target/airlock.jar}).
 */
public final class Launcher {
  private Launcher() {}

  /** The launcher's absolute path, or null when it cannot be found. */
  public static @Nullable Path find(@Nullable String airlockHome, @Nullable Path runningJar) {
    if (airlockHome != null && !airlockHome.isBlank()) {
      Path p = Path.of(airlockHome).toAbsolutePath().normalize().resolve("airlock");
      return Files.isRegularFile(p) ? p : null;
    }
    if (runningJar != null) {
      Path target = runningJar.toAbsolutePath().normalize().getParent();
      Path module = target == null ? null : target.getParent();
      Path home = module == null ? null : module.getParent();
      if (home != null && Files.isRegularFile(home.resolve("airlock"))) {
        return home.resolve("airlock");
      }
    }
    return null;
  }

  /** The launcher for this process. */
  public static @Nullable Path forThisProcess() {
    return find(System.getProperty("airlock.home"), runningJar());
  }

  private static @Nullable Path runningJar() {
    try {
      var src = Launcher.class.getProtectionDomain().getCodeSource();
      if (src == null) {
        return null;
      }
      Path p = Path.of(src.getLocation().toURI());
      return p.toString().endsWith(".jar") ? p : null;
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
