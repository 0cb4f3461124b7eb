package dev.airlock.cli;

import dev.airlock.secret.Redactor;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code airlock} command. */
@Command(
    name = "airlock",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Airlock: classify what an agent is about to do and hold what could destroy something.",
    subcommands = {
      CheckCommand.class,
      PolicyCommand.class,
      InstallCommand.class,
      UninstallCommand.class,
      DoctorCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:allow / success",
      "1:internal error (fail closed)",
      "2:usage error",
      "3:ask: held for approval",
      "4:deny",
      "5:check failed (lint errors, test misses)"
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("hook")) {
      // The hook runs before every tool call: answer it before the CLI framework is even loaded,
      // and leave without the exit machinery (shutdown hooks, the exit logger); run() has flushed.
      int code =
          HookMain.run(
              java.util.Arrays.copyOfRange(args, 1, args.length),
              System.in,
              System.out,
              System.err);
      Runtime.getRuntime().halt(code);
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL_ERROR);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine()
              .getErr()
              .println("airlock: " + Redactor.redact(String.valueOf(ex.getMessage())));
          ex.getCommandLine()
              .getErr()
              .println("Try 'airlock " + ex.getCommandLine().getCommandName() + " --help'.");
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          if (ex instanceof UsageException u) {
            c.getErr().println("airlock: " + Redactor.redact(String.valueOf(u.getMessage())));
            return ExitCodes.USAGE;
          }
          c.getErr()
              .println(
                  "airlock: internal error ("
                      + ex.getClass().getSimpleName()
                      + "): "
                      + Redactor.redact(String.valueOf(ex.getMessage())));
          return ExitCodes.INTERNAL_ERROR;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"airlock " + (v == null ? "dev" : v)};
    }
  }
}
