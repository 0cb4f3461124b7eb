package dev.airlock.cli;

import dev.airlock.install.Runtime;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --project DIR | --user}: which settings file of a runtime to change. */
final class ScopeOptions {

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  @Nullable Choice choice;

  static final class Choice {
    @Option(
        names = "--project",
        paramLabel = "DIR",
        description = "The project whose settings to change (default: the current directory).")
    @Nullable Path project;

    @Option(names = "--user", description = "Change the user's settings (under $HOME).")
    boolean user;
  }

  /** The settings file this scope names for the runtime. */
  Path file(Runtime rt, Map<String, String> env) {
    if (choice != null && choice.user) {
      return rt.userFile(home(env), env);
    }
    Path dir = choice != null && choice.project != null ? choice.project : Path.of("");
    return rt.projectFile(dir.toAbsolutePath().normalize());
  }

  /** $HOME, else the JVM's idea of the home directory. */
  static Path home(Map<String, String> env) {
    String h = env.get("HOME");
    return Path.of(h != null && !h.isBlank() ? h : System.getProperty("user.home"));
  }

  static Runtime runtime(String id) {
    Runtime rt = Runtime.byId(id);
    if (rt == null) {
      throw new UsageException(
          "unknown runtime '" + id + "'; expected claude-code, cursor, codex or gemini");
    }
    return rt;
  }

  static Path launcher(@Nullable Path given) {
    if (given != null) {
      return given.toAbsolutePath().normalize();
    }
    Path found = dev.airlock.install.Launcher.forThisProcess();
    if (found == null) {
      throw new UsageException(
          "cannot find the airlock launcher; run this through ./airlock or pass --launcher PATH");
    }
    return found;
  }
}
