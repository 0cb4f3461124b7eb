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

/** {@code airlock install RUNTIME [--project DIR | --user]}: merges Airlock's hook in. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Register Airlock's hook in an agent runtime's settings file, leaving everything else in it"
          + " byte for byte as it was. Installing twice changes nothing. The file it changes is"
          + " first copied to FILE.airlock-backup-<UTC time>.",
      "RUNTIME: claude-code (.claude/settings.json), cursor (.cursor/hooks.json),"
          + " codex (.codex/hooks.json), gemini (.gemini/settings.json)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:installed, or already installed",
      "1:internal error (I/O)",
      "2:bad argument, or the settings file cannot be changed safely (nothing written)"
    })
final class InstallCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUNTIME", description = "claude-code, cursor, codex or gemini.")
  String runtime = "";

  @Mixin ScopeOptions scope = new ScopeOptions();

  @Option(
      names = "--launcher",
      paramLabel = "PATH",
      description = "The airlock launcher to register (default: this checkout's ./airlock).")
  @Nullable Path launcher;

  @Override
  public Integer call() throws IOException {
    Runtime rt = ScopeOptions.runtime(runtime);
    Path file = scope.file(rt, System.getenv());
    String command = rt.hookCommand(ScopeOptions.launcher(launcher));
    HookInstaller.Outcome o;
    try {
      o = new HookInstaller(Clock.systemUTC()).install(rt, file, command);
    } catch (SettingsException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (o.change()) {
      case UNCHANGED -> out.println("already installed: " + rt.id() + " hook in " + file);
      case CREATED -> out.println("installed " + rt.id() + " hook: created " + file);
      default -> out.println("installed " + rt.id() + " hook in " + file);
    }
    out.println("  command: " + command);
    if (o.backup() != null) {
      out.println("  backup:  " + o.backup());
    }
    for (String note : notes(rt)) {
      out.println("  note:    " + note);
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String[] notes(Runtime rt) {
    return switch (rt) {
      case CODEX ->
          new String[] {
            "Codex runs a new hook only after you trust it: open /hooks in Codex and trust it;"
                + " project hooks also need the project to be trusted."
          };
      case GEMINI ->
          new String[] {
            "project settings apply only in a trusted folder; check '/hooks panel' shows the"
                + " hooks system enabled."
          };
      case CURSOR ->
          new String[] {"restart Cursor if the hook does not show in its Hooks settings."};
      case CLAUDE_CODE -> new String[] {"check with /hooks in Claude Code."};
    };
  }
}
