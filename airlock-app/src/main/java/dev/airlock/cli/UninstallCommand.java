package dev.airlock.cli;

import dev.airlock.install.HookInstaller;
import dev.airlock.install.Runtime;
import dev.airlock.install.SettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock uninstall RUNTIME [--project DIR | --user]}: removes what install added. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description =
        "Remove Airlock's hook from an agent runtime's settings file: exactly what install added"
            + " (the file is deleted when install created it). The file is first copied to"
            + " FILE.airlock-backup-<UTC time>.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:removed, or was not installed",
      "1:internal error (I/O)",
      "2:bad argument, or the settings file cannot be changed safely (nothing written)"
    })
final class UninstallCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUNTIME", description = "claude-code, cursor, codex or gemini.")
  String runtime = "";

  @Mixin ScopeOptions scope = new ScopeOptions();

  @Option(names = "--launcher", paramLabel = "PATH", description = "The launcher install used.")
  @Nullable Path launcher;

  @Override
  public Integer call() throws IOException {
    Runtime rt = ScopeOptions.runtime(runtime);
    Path file = scope.file(rt, System.getenv());
    Path l = launcher;
    if (l == null) {
      l = dev.airlock.install.Launcher.forThisProcess();
    }
    String command = rt.hookCommand(l == null ? Path.of("/airlock") : l.toAbsolutePath());
    HookInstaller.Outcome o;
    try {
      o = new HookInstaller(Clock.systemUTC()).uninstall(rt, file, command);
    } catch (SettingsException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (o.change()) {
      case UNCHANGED ->
          out.println("not installed: no " + rt.id() + " hook of Airlock's in " + file);
      case DELETED -> out.println("uninstalled " + rt.id() + " hook: deleted " + file);
      default -> out.println("uninstalled " + rt.id() + " hook from " + file);
    }
    if (o.backup() != null) {
      out.println("  backup:  " + o.backup());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
