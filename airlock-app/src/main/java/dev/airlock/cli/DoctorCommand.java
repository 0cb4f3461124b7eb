package dev.airlock.cli;

import dev.airlock.install.Doctor;
import dev.airlock.install.Runtime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlock doctor [--project DIR]}: where the hook is installed, and does it answer. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Show, per runtime, where Airlock's hook is installed (user and project settings) and send"
            + " a harmless ('ls -la') and a held ('rm -rf /') test decision through each installed"
            + " command, as the runtime would. OK means: silent or allow for the harmless one,"
            + " deny (or ask, except in Codex, which ignores ask) for the held one.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every installed hook answered correctly", "5:a check failed"})
final class DoctorCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--project",
      paramLabel = "DIR",
      description = "The project to inspect (default: the current directory).")
  @Nullable Path project;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "How long to wait for each test decision (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  int timeoutSeconds = 30;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = (project == null ? Path.of("") : project).toAbsolutePath().normalize();
    var env = System.getenv();
    Path home = ScopeOptions.home(env);
    Doctor doctor = new Doctor(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    boolean allOk = true;
    for (Runtime rt : Runtime.values()) {
      List<Doctor.Install> installs = doctor.find(rt, rt.userFile(home, env), rt.projectFile(dir));
      if (installs.isEmpty()) {
        out.println(rt.id() + ": not installed");
        continue;
      }
      boolean rtOk = true;
      out.println(rt.id() + ":");
      for (Doctor.Install in : installs) {
        out.println("  " + in.scope() + " " + in.file());
        if (in.commands().isEmpty()) {
          rtOk = false;
        }
        for (String cmd : in.commands()) {
          Doctor.Check c = doctor.check(rt, cmd, dir);
          out.println("    command: " + cmd);
          out.println(
              "    "
                  + (c.executable() ? "exists and is executable" : "FAIL: not an executable file"));
          for (Doctor.Probe p : c.probes()) {
            out.println("    " + (p.ok() ? "ok   " : "FAIL ") + p.name() + " -> " + p.detail());
          }
          rtOk &= c.ok();
        }
      }
      out.println("  " + (rtOk ? "OK" : "FAIL"));
      allOk &= rtOk;
    }
    out.flush();
    return allOk ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }
}
